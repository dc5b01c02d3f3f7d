import { expectReadmeExample, expectReadmeOutput, readerFor } from '@aether/doc-check';
import { natsUrl } from '@aether/nats-harness/vitest';
import { describe, it } from 'vitest';
import { cleanup, dropStreams, testConnection, uniqueStoreName } from '../test-support/nats.js';
import { main } from './readme-example.js';

const read = readerFor(import.meta.url);
const readme = read('../../README.md');

describe('README example', () => {
  it('runs against a real server and prints what the README shows', async () => {
    const nc = await testConnection();
    const storeName = uniqueStoreName('readme');
    cleanup(() => dropStreams(nc, storeName));
    const lines = await main(natsUrl(), storeName);
    expectReadmeOutput(
      readme,
      'example-output',
      lines.map((line) => line.replaceAll(storeName, 'shop')),
    );
  });

  it('is the code block in README.md', () => {
    expectReadmeExample({
      readme,
      source: read('./readme-example.ts'),
      packageName: '@aether/store-jetstream',
    });
  });
});
