import { openAetherStore } from './aether-store.js';
import { readSubject } from './raw-read.js';
import type { OpenLoad } from './read-case.js';
import type { ReadStream } from './read-streams.js';
import { clock } from './timed-loads.js';

function expectAll(who: string, seen: number, spec: ReadStream): void {
  if (seen !== spec.messages) throw new Error(`${who} read ${seen} events of a ${spec.messages}-event log`);
}

/**
 * Aether: `subscribe({ live: false })` on one store instance (opened untimed), read from position 0
 * with `for await`. The clock stops at the last event: the subscription then closes and deletes its
 * consumer, untimed, as raw's deletion is.
 */
export const aetherCatchUp: OpenLoad = async (session, spec) => {
  const store = await openAetherStore(session, spec.stream);
  return async () => {
    let seen = 0;
    let seconds = 0;
    const start = performance.now();
    for await (const _recorded of store.subscribe({ live: false })) {
      if (++seen === spec.messages) seconds = (performance.now() - start) / 1000;
    }
    expectAll('Aether', seen, spec);
    return seconds;
  };
};

const decoder = new TextDecoder();

/** Raw nats.js: an ordered consumer over the whole stream, keeping each message's bytes. */
export const rawCatchUp: OpenLoad = rawCatchUpKeeping();

/** The same, keeping `JSON.parse(new TextDecoder().decode(bytes))` of each message. */
export const rawCatchUpJson: OpenLoad = rawCatchUpKeeping((message) =>
  JSON.parse(decoder.decode(message.data)),
);

function rawCatchUpKeeping(keep?: Parameters<typeof readSubject>[3]): OpenLoad {
  return async (session, spec) => async () => {
    let read: Awaited<ReturnType<typeof readSubject>> | undefined;
    const seconds = await clock(async () => {
      read = await readSubject(session.js, spec.stream, undefined, keep);
    });
    await read?.cleanup;
    expectAll('raw nats.js', read?.messages.length ?? 0, spec);
    return seconds;
  };
}
