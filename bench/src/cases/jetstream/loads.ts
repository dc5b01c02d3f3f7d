import { openAetherStore } from './aether-store.js';
import { readSubject } from './raw-read.js';
import type { Load, OpenLoad } from './read-case.js';
import type { ReadStream } from './read-streams.js';
import type { Session } from './session.js';
import { clock } from './timed-loads.js';

function expectCount(who: string, seen: number, spec: ReadStream): void {
  if (seen !== spec.events)
    throw new Error(`${who} read ${seen} events of ${spec.actorId}, expected ${spec.events}`);
}

/** Aether, cold: a fresh store instance (opened untimed), `getEvents` timed, the store closed untimed. */
export const aetherCold: OpenLoad = async (session, spec) => async () => {
  const store = await openAetherStore(session, spec.stream);
  let seen = 0;
  const seconds = await clock(async () => {
    seen = (await store.getEvents(spec.actorId)).length;
  });
  await store.close(); // waits for the consumer deletion the read left running
  expectCount('Aether', seen, spec);
  return seconds;
};

/** Raw, cold: an ordered consumer reads the subject (timed); its deletion is awaited untimed. */
export const rawCold: OpenLoad = rawRead();

const decoder = new TextDecoder();

/** The same, parsing each message as it arrives: `JSON.parse(new TextDecoder().decode(bytes))`. */
export const rawColdJson: OpenLoad = rawRead((message) => JSON.parse(decoder.decode(message.data)));

function rawRead(keep?: Parameters<typeof readSubject>[3]): OpenLoad {
  return async (session, spec) => async () => {
    let read: Awaited<ReturnType<typeof readSubject>> | undefined;
    const seconds = await clock(async () => {
      read = await readSubject(session.js, spec.stream, spec.subject, keep);
    });
    await read?.cleanup;
    expectCount('raw nats.js', read?.messages.length ?? 0, spec);
    return seconds;
  };
}

/** Aether, warm: one store instance that has loaded the actor once; each load is `getEvents`. */
export const aetherWarm: OpenLoad = async (session, spec): Promise<Load> => {
  const store = await openAetherStore(session, spec.stream);
  expectCount('Aether', (await store.getEvents(spec.actorId)).length, spec);
  return async () => {
    let seen = 0;
    const seconds = await clock(async () => {
      seen = (await store.getEvents(spec.actorId)).length;
    });
    expectCount('Aether', seen, spec);
    return seconds;
  };
};

/** Raw, warm: one direct get of the subject's last message (`last_by_subj`). */
export const rawDirectGet: OpenLoad = async (session: Session, spec) => async () => {
  let found = false;
  const seconds = await clock(async () => {
    found = (await session.jsm.direct.getMessage(spec.stream, { last_by_subj: spec.subject })) !== null;
  });
  if (!found) throw new Error(`no last message on ${spec.subject}`);
  return seconds;
};
