import { expectReadmeOutput, readerFor } from '@aether/doc-check';
import { natsUrl } from '@aether/nats-harness/vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import { cleanup, testBucket, testConnection, uniqueTestName } from '../test-support/nats.js';
import { main } from './quick-start.js';

const read = readerFor(import.meta.url);
const readme = read('../../README.md');

const printed = ['units sold: TEA-1 3, CUP-9 1', 'checkpoint: position 2', 'exactly once: false'];

describe('README example', () => {
  it('runs against a real server and prints what the README shows', async () => {
    const nc = await testConnection();
    const storeName = uniqueTestName('readme');
    cleanup(async () => (await jetstreamManager(nc)).streams.delete(storeName).catch(() => undefined));
    const lines = await main(natsUrl(), storeName, testBucket(nc, 'readme'));
    expect(lines).toEqual(printed);
    expectReadmeOutput(readme, 'example-output', printed);
  });
});
