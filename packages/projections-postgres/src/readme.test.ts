import { describeApiList, expectReadmeExample, readerFor } from '@aether/doc-check';
import { it } from 'vitest';

const read = readerFor(import.meta.url);
const readme = read('../README.md');

// The README shows the example as a user writes it: the package imported by its name. The
// integration tests run it and check its output (examples/order-totals.integration.test.ts).
it('shows src/examples/order-totals.ts as the README example', () => {
  expectReadmeExample({
    readme,
    source: read('./examples/order-totals.ts'),
    packageName: '@aether/projections-postgres',
  });
});

describeApiList({
  readme,
  indexSource: read('./index.ts'),
  packageName: '@aether/projections-postgres',
  samples: ['postgresCheckpoints', 'PostgresCheckpointError'],
});
