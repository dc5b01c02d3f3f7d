import { randomUUID } from 'node:crypto';
import { handleCommand } from '@aether/commands';
import { isVersionConflict, replay } from '@aether/core';
import { retry } from '@aether/retry';
import type { JetStreamEventStore } from '@aether/store-jetstream';
import { openAetherStore } from '../jetstream/aether-store.js';
import { openSession, type Session, type StreamHost } from '../jetstream/session.js';
import { createStream, dropStream } from '../jetstream/streams.js';
import type { CommandRunner, CommandTrial } from './command-case.js';
import { type AddItem, addItem, decide, history, type ItemAdded, orderDecider } from './order-decider.js';

/** One command on a loaded store: what a contender does per timed command. */
type Handle = (store: JetStreamEventStore, actorId: string, command: AddItem) => Promise<unknown>;

/** `handleCommand` with default options (its retry policy: version conflicts, `@aether/retry`'s defaults). */
const viaHandleCommand: Handle = (store, actorId, command) =>
  handleCommand(store, actorId, command, orderDecider);

/**
 * What an application writes without `@aether/commands`: `getEvents`, fold with `replay`, decide,
 * build the event and `saveEvent` it, retried on a version conflict with the same policy
 * `handleCommand` uses by default (`retry` with `retryOn: isVersionConflict`).
 */
const byHand: Handle = (store, actorId, command) =>
  retry(
    async () => {
      const events = (await store.getEvents(actorId)) as ItemAdded[];
      const { state, version } = replay(events, orderDecider.evolve, {
        initial: orderDecider.initialState(),
      });
      const decided = decide(command);
      const event = { id: randomUUID(), actorId, version: version + 1, timestamp: new Date(), ...decided };
      await store.saveEvent(event);
      return orderDecider.evolve(state, event);
    },
    { retryOn: isVersionConflict },
  );

/**
 * A contender on a stream of its own (`stream`), created when it opens and deleted when it
 * closes; each run gives `count` fresh actors their history through the same store instance.
 */
function jetstreamRunner(
  name: string,
  host: StreamHost,
  stream: string,
  historyLength: number,
  handle: Handle,
) {
  return {
    name,
    async open(): Promise<CommandTrial> {
      const session: Session = await openSession(host);
      await createStream(session, stream);
      const store = await openAetherStore(session, stream);
      let run = 0;
      const actorOf = (index: number) => `order-${run}-${index}`;
      return {
        async prepare(runNumber, count) {
          run = runNumber;
          for (let index = 0; index < count; index++)
            await store.saveEvents(history(actorOf(index), historyLength));
          const commands = Array.from({ length: count }, (_, index) => addItem(index));
          return (index) => handle(store, actorOf(index), commands[index] as AddItem);
        },
        async check(done) {
          for (let index = 0; index < done; index++) {
            const version = await store.getLatestVersion(actorOf(index));
            if (version !== historyLength + 1)
              throw new Error(`${actorOf(index)} is at version ${version}, expected ${historyLength + 1}`);
          }
        },
        async close() {
          await store.close();
          await dropStream(session.jsm, stream);
          await session.nc.close();
        },
      };
    },
  } satisfies CommandRunner;
}

export const handleCommandName = 'Aether';
export const byHandName = 'getEvents + fold + saveEvent';

export function jetstreamCommandRunners(host: StreamHost, prefix: string, historyLength: number) {
  return {
    subject: jetstreamRunner(
      handleCommandName,
      host,
      `${prefix}-cmd-handle`,
      historyLength,
      viaHandleCommand,
    ),
    baseline: jetstreamRunner(byHandName, host, `${prefix}-cmd-hand`, historyLength, byHand),
  };
}
