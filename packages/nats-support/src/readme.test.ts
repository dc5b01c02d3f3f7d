import { describeApiList, readerFor } from '@aether/doc-check';

const read = readerFor(import.meta.url);

describeApiList({
  readme: read('../README.md'),
  indexSource: read('./index.ts'),
  packageName: '@aether/nats-support',
  samples: ['classifyNatsError', 'ownedConnections'],
});
