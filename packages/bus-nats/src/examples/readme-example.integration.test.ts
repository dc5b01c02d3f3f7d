import { readFileSync } from 'node:fs';
import { natsUrl } from '@aether/nats-harness/vitest';
import { describe, expect, it } from 'vitest';
import { uniquePrefix } from '../test-support/nats.js';
import { main } from './readme-example.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const exampleSource = readFileSync(new URL('./readme-example.ts', import.meta.url), 'utf8');

function between(text: string, startMarker: string, endMarker: string): string {
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker, start + startMarker.length);
  expect(start, `marker ${startMarker}`).toBeGreaterThanOrEqual(0);
  expect(end, `marker ${endMarker}`).toBeGreaterThan(start);
  return text.slice(start + startMarker.length, end).trim();
}

describe('README example', () => {
  it('runs against a real server and prints what the README shows', async () => {
    const lines = await main(natsUrl(), uniquePrefix('readme'));
    const shown = between(readme, '<!-- example-output:start -->', '<!-- example-output:end -->');
    expect(`\`\`\`text\n${lines.join('\n')}\n\`\`\``).toBe(shown);
  });

  it('is the code block in README.md', () => {
    const fromFile = between(exampleSource, '// README:start', '// README:end').replaceAll(
      "from '../index.js'",
      "from '@aether/bus-nats'",
    );
    const fromReadme = between(readme, '<!-- example:start -->', '<!-- example:end -->');
    expect(fromReadme).toBe(`\`\`\`ts\n${fromFile}\n\`\`\``);
  });
});
