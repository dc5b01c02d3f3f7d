import { describeApiList, expectReadmeExample, expectReadmeOutput, readerFor } from '@aether/doc-check';
import { describe, it } from 'vitest';
import { exampleOutputs } from './outputs.js';

const read = readerFor(import.meta.url);
const readme = read('../../README.md');

describe('README examples', () => {
  // The first is the README's `example` block, whole: the release check compiles and runs it as a
  // user would, from the packed tarballs. The others show the part between the README markers.
  it('the example block is src/examples/quick-start.ts, importing @aether/projections', () => {
    expectReadmeExample({
      readme,
      source: read('./quick-start.ts'),
      packageName: '@aether/projections',
      region: false,
    });
    expectReadmeOutput(readme, 'output', exampleOutputs['quick-start'] ?? []);
  });

  it.each(['poison', 'rebuild'])('the %s example block is its file in src/examples', (name) => {
    expectReadmeExample({
      readme,
      source: read(`./${name}.ts`),
      packageName: '@aether/projections',
      block: `${name}-example`,
    });
    expectReadmeOutput(readme, `${name}-output`, exampleOutputs[name] ?? []);
  });
});

describeApiList({
  readme,
  indexSource: read('../index.ts'),
  packageName: '@aether/projections',
  samples: ['runProjection', 'CheckpointStore'],
});
