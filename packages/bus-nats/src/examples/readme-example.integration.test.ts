import { expectReadmeExample, expectReadmeOutput, readerFor } from '@aether/doc-check';
import { natsUrl } from '@aether/nats-harness/vitest';
import { describe, it } from 'vitest';
import { uniquePrefix } from '../test-support/nats.js';
import { main } from './readme-example.js';

const read = readerFor(import.meta.url);
const readme = read('../../README.md');

describe('README example', () => {
  it('runs against a real server and prints what the README shows', async () => {
    expectReadmeOutput(readme, 'example-output', await main(natsUrl(), uniquePrefix('readme')));
  });

  it('is the code block in README.md', () => {
    expectReadmeExample({ readme, source: read('./readme-example.ts'), packageName: '@aether/bus-nats' });
  });
});
