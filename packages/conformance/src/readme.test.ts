import { describeApiList, readerFor, readmeBlock } from '@aether/doc-check';
import { expect, it } from 'vitest';

const read = readerFor(import.meta.url);

// The README shows the networked test double's spec as the example of a networked bus; it must
// stay the code that runs.
it('shows the networked bus spec that event-bus-suite.test.ts runs', () => {
  expect(read('./event-bus-suite.test.ts')).toContain(readmeBlock(read('../README.md'), 'bus-spec', 'ts'));
});

describeApiList({
  readme: read('../README.md'),
  indexSource: read('./index.ts'),
  packageName: '@aether/conformance',
  samples: ['describeEventStore', 'EventBusSuiteOptions'],
});
