import {
  describeApiList,
  expectReadmeExample,
  expectReadmeOutput,
  readerFor,
  readmeBlock,
} from '@aether/doc-check';
import { describe, expect, it } from 'vitest';
import { main as projectionFailure } from './failing-projection-spec.js';
import { main } from './failing-spec.js';

const read = readerFor(import.meta.url);
const readme = read('../../README.md');

/** The README block `name` is the `// README:start` region of `file`, as it is (it imports no `../index.js`). */
function expectRegion(name: string, file: string): void {
  const source = read(file);
  const region = source.slice(source.indexOf('// README:start') + 15, source.indexOf('// README:end')).trim();
  expect(readmeBlock(readme, `example:${name}`, 'ts')).toBe(region);
}

const failure = [
  'decide produced other events than expected:',
  '  - expected',
  '  + actual',
  '  - 1. ItemAdded {"quantity":2,"sku":"TEA"}',
  '  + 1. ItemAdded {"quantity":3,"sku":"TEA"}',
  '  - 2. OrderShipped {"carrier":"DHL"}',
];

const projectionFailureLines = [
  'projection "naive-totals": the read model is not the expected one after delivering each batch twice',
  '(a repeated delivery: the same batch applied again before its checkpoint):',
  '  - expected',
  '  + actual',
  '    {',
  '  -   "order-1": 2,',
  '  -   "order-2": 1',
  '  +   "order-1": 4,',
  '  +   "order-2": 2',
  '    }',
  'Delivered once, the read model is as expected: apply is not idempotent. Projections are delivered',
  'at least once (a checkpoint store whose exactlyOnce is false, such as memoryCheckpoints, applies a',
  'batch again after a crash before its checkpoint): keep what was applied with the read model, e.g.',
  "each actor's last version, and skip the events at or below it.",
];

describe('README examples', () => {
  it('shows the decider of src/examples/order-decider.ts', () =>
    expectRegion('decider', './order-decider.ts'));

  it('shows the specs of src/examples/order-specs.ts, importing @aether/testing', () => {
    expectReadmeExample({
      readme,
      source: read('./order-specs.ts'),
      packageName: '@aether/testing',
      block: 'example:specs',
    });
  });

  it('shows the test files that run the specs without a store, in memory and on JetStream', () => {
    expectRegion('memory', './order.test.ts');
    expectRegion('jetstream', './order.integration.test.ts');
  });

  it('shows a failing spec, and the message it fails with', async () => {
    expectReadmeExample({
      readme,
      source: read('./failing-spec.ts'),
      packageName: '@aether/testing',
      block: 'example:failure',
    });
    expect(await main()).toEqual(failure);
    expectReadmeOutput(readme, 'output:failure', failure);
  });

  it('shows the projection of src/examples/order-totals-projection.ts and its specs', () => {
    expectRegion('projection', './order-totals-projection.ts');
    expectReadmeExample({
      readme,
      source: read('./order-totals.test.ts'),
      packageName: '@aether/testing',
      block: 'example:projection-specs',
    });
  });

  it('shows a naive projection failing its redelivery spec, and the message it fails with', async () => {
    expectReadmeExample({
      readme,
      source: read('./failing-projection-spec.ts'),
      packageName: '@aether/testing',
      block: 'example:projection-failure',
    });
    expect(await projectionFailure()).toEqual(projectionFailureLines);
    expectReadmeOutput(readme, 'output:projection-failure', projectionFailureLines);
  });
});

describeApiList({
  readme,
  indexSource: read('../index.ts'),
  packageName: '@aether/testing',
  samples: ['DeciderSpec', 'SpecFailure', 'ProjectionSpec'],
});
