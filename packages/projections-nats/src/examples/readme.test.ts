import { describeApiList, expectReadmeExample, readerFor } from '@aether/doc-check';
import { it } from 'vitest';

const read = readerFor(import.meta.url);
const readme = read('../../README.md');

// quick-start.integration.test.ts runs the example against a real server.
it('is the code block in README.md', () => {
  expectReadmeExample({ readme, source: read('./quick-start.ts'), packageName: '@aether/projections-nats' });
});

describeApiList({
  readme,
  indexSource: read('../index.ts'),
  packageName: '@aether/projections-nats',
  samples: ['kvCheckpoints', 'KvCheckpointError'],
});
