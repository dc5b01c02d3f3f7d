import { describeApiList, readerFor } from '@aether/doc-check';

// The README example runs against a server (examples/readme-example.integration.test.ts); its
// API list needs none.
const read = readerFor(import.meta.url);

describeApiList({
  readme: read('../README.md'),
  indexSource: read('./index.ts'),
  packageName: '@aether/store-jetstream',
  samples: ['JetStreamEventStore', 'JetStreamEventStoreOptions'],
});
