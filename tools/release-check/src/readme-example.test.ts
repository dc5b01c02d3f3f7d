import { describe, expect, it } from 'vitest';
import { readmeExample, readmeExampleOutput } from './readme-example.js';

const readme = [
  '# pkg',
  '```text\nnot this one\n```',
  '<!-- example:start -->',
  '```ts\nconsole.log(1);\n```',
  '<!-- example:end -->',
  'It prints:',
  '```text\n1\n```',
  '```text\nnor this one\n```',
].join('\n\n');

describe('README examples', () => {
  it('reads the example between its markers and the first text block after it as its output', () => {
    expect(readmeExample(readme)).toBe('console.log(1);');
    expect(readmeExampleOutput(readme)).toBe('1');
  });
});
