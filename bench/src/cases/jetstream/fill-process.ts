// Fills a read case's stream in a process of its own (forked by fill-elsewhere.ts):
// `node fill-process.js <host JSON> <stream spec JSON>`. Exits 0 once the stream holds its events.
import type { ReadStream } from './read-streams.js';
import { prepareReadStream } from './read-streams.js';
import { openSession, type StreamHost } from './session.js';

const [host, spec] = process.argv.slice(2).map((arg) => JSON.parse(arg)) as [StreamHost, ReadStream];
const session = await openSession(host);
try {
  await prepareReadStream(session, spec);
} finally {
  await session.nc.close();
}
