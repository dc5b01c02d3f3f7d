import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

// The conformance README shows this package's conformance spec as the example of how a store
// runs the suite; it must stay the real, passing file.
it('is the spec file shown in the @aether/conformance README', () => {
  const spec = read('./in-memory-event-store.conformance.test.ts');
  const block = /<!-- spec:start -->\n```ts\n([\s\S]*?)```\n<!-- spec:end -->/.exec(
    read('../../conformance/README.md'),
  );
  expect(block, 'the conformance README has the spec block').not.toBeNull();
  expect(block?.[1]).toBe(spec);
});
