import { describeApiList, expectReadmeExample, expectReadmeOutput, readerFor } from '@aether/doc-check';
import { describe, it } from 'vitest';
import { exampleOutputs } from './outputs.js';

const read = readerFor(import.meta.url);
const readme = read('../../README.md');

describe('README examples', () => {
  it.each(Object.keys(exampleOutputs))(
    'the %s block is src/examples/%s.ts, importing @aether/commands',
    (name) => {
      expectReadmeExample({
        readme,
        source: read(`./${name}.ts`),
        packageName: '@aether/commands',
        block: `example:${name}`,
      });
    },
  );

  it.each(Object.keys(exampleOutputs))('the %s output block is what its main() returns', (name) => {
    expectReadmeOutput(readme, `output:${name}`, exampleOutputs[name] ?? []);
  });
});

describeApiList({
  readme,
  indexSource: read('../index.ts'),
  packageName: '@aether/commands',
  samples: ['handleCommand', 'Decider'],
});
