import { describeApiList, expectReadmeExample, expectReadmeOutput, readerFor } from '@aether/doc-check';
import { describe, expect, it } from 'vitest';
import { exampleOutputs } from './outputs.js';

const read = readerFor(import.meta.url);
const readme = read('../../README.md');

describe('README examples', () => {
  it.each(Object.keys(exampleOutputs))(
    'the %s block is src/examples/%s.ts, importing @aether/retry',
    (name) => {
      expectReadmeExample({
        readme,
        source: read(`./${name}.ts`),
        packageName: '@aether/retry',
        block: `example:${name}`,
      });
    },
  );

  it.each(Object.keys(exampleOutputs))('the %s output block is what its main() returns', (name) => {
    expectReadmeOutput(readme, `output:${name}`, exampleOutputs[name] ?? []);
  });

  it('has an example for every pattern of the table', () => {
    expect(Object.keys(exampleOutputs)).toEqual([
      'simple',
      'conflict-details',
      'jitter',
      'adaptive',
      'retry-queue',
      'circuit-breaker',
    ]);
  });
});

describeApiList({
  readme,
  indexSource: read('../index.ts'),
  packageName: '@aether/retry',
  samples: ['retry', 'RetryOptions'],
});
