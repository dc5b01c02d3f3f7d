import { readerFor, readmeBlock, readmeOf } from '@aether/doc-check';
import { expect, it } from 'vitest';

// The conformance README shows this package's conformance spec as the example of how a store
// runs the suite; it must stay the real, passing file.
it('is the spec file shown in the @aether/conformance README', () => {
  const spec = readerFor(import.meta.url)('./in-memory-event-store.conformance.test.ts');
  const shown = readmeBlock(readmeOf('@aether/conformance', import.meta.url), 'spec', 'ts');
  expect(`${shown}\n`).toBe(spec);
});
