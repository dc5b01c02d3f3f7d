import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

// The README shows the networked test double's spec as the example of a networked bus; it must
// stay the code that runs.
it('shows the networked bus spec that event-bus-suite.test.ts runs', () => {
  const block = /<!-- bus-spec:start -->\n```ts\n([\s\S]*?)```\n<!-- bus-spec:end -->/.exec(
    read('../README.md'),
  );
  expect(block, 'the README has the bus spec block').not.toBeNull();
  expect(read('./event-bus-suite.test.ts')).toContain(block?.[1]);
});
