import type { Budget, Contender, Sample } from '../../model.js';
import { openSession, type Session, type StreamHost } from './session.js';
import { createStream, dropStream } from './streams.js';

export interface FreshStreamOptions {
  readonly host: StreamHost;
  /** Prefix of the case's streams; run n of this contender gets `<prefix>-<tag>-<n>`. */
  readonly streamPrefix: string;
}

/** Measures one run on the fresh, empty `stream`; the stream is dropped afterwards, whatever happens. */
export type StreamRun = (session: Session, stream: string, budget: Budget) => Promise<Sample>;

/**
 * A contender whose every run gets a fresh stream of its own, on one session (connection) kept for
 * all its runs: appends measured into an empty stream are not slowed by earlier runs' messages.
 */
export function freshStreamContender(
  name: string,
  tag: string,
  options: FreshStreamOptions,
  run: StreamRun,
): Contender {
  return {
    name,
    async open() {
      const session = await openSession(options.host);
      let runs = 0;
      return {
        async run(budget) {
          const stream = `${options.streamPrefix}-${tag}-${++runs}`;
          await createStream(session, stream);
          try {
            return await run(session, stream, budget);
          } finally {
            await dropStream(session.jsm, stream);
          }
        },
        close: () => session.nc.close(),
      };
    },
  };
}
