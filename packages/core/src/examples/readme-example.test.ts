import { describeApiList, expectReadmeExample, expectReadmeOutput, readerFor } from '@aether/doc-check';
import { describe, expect, it } from 'vitest';
import { main } from './readme-example.js';

const read = readerFor(import.meta.url);
const readme = read('../../README.md');

describe('README example', () => {
  it('prints the order state, the validation error and the version conflict', () => {
    expect(main()).toEqual([
      'valid: ItemAdded v2, frozen: true',
      'rejected: invalid data.quantity: a bigint is not JSON',
      'Order state after replaying 2 events: {"customer":"Ada","items":{"TEA-1":2}}',
      'stale write detected',
      'retry from version 3: version conflict for actor "order-1": attempted version 2, current version is 2; ' +
        'reload the actor and retry with version 3',
    ]);
  });

  it('is the code block in README.md', () => {
    expectReadmeExample({ readme, source: read('./readme-example.ts'), packageName: '@aether/core' });
  });

  it('shows what main() prints in README.md', () => {
    expectReadmeOutput(readme, 'example-output', main());
  });
});

describeApiList({
  readme,
  indexSource: read('../index.ts'),
  packageName: '@aether/core',
  samples: ['VersionConflictError', 'Event'],
});

describeApiList({
  readme,
  indexSource: read('../adapter.ts'),
  packageName: '@aether/core',
  entryName: '@aether/core/adapter',
  marker: 'adapter-api',
  samples: ['validateEventRecord', 'errorKind'],
});
