import { DEFAULT_JETSTREAM_CONFIG } from '@aether/store-jetstream';
import { expect, it } from 'vitest';
import { describeRetention } from './retention.js';
import { usage } from './usage.js';

it("states the store's default retention as it is", () => {
  expect(describeRetention(DEFAULT_JETSTREAM_CONFIG.maxAge as number)).toBe('kept 365 days');
  expect(usage).toContain('maxAge 365 days');
});

it('documents every mode and option, with examples', () => {
  for (const text of [
    '--nats <url>',
    'watch --nats <url>',
    'load --nats <url>',
    '--writers <n>',
    '--events <m>',
    'project --nats <url>',
    '--database <url>',
    '--schema <name>',
    'clean --nats <url>',
    '--older-than <age>',
    '--yes',
  ]) {
    expect(usage).toContain(text);
  }
  expect(usage).toContain('Examples:');
  expect(usage).toContain('aether-demo load --nats');
  expect(usage).toContain('aether-demo project --nats');
  expect(usage).toContain('aether-demo clean --nats');
});
