import type { BenchCase, Contender, Target } from '../../model.js';
import { collectGarbage, timedLoop } from '../../run/timing.js';
import { appendPlan } from './append-case.js';
import type { ContendedContender, ContendedWriter } from './contended-writers.js';
import { actorSubject } from './events.js';
import { openSession, type Session, type StreamHost } from './session.js';
import { createStream, dropStream } from './streams.js';

export interface ContendedCaseOptions {
  readonly id: string;
  readonly title: string;
  readonly short: string;
  readonly host: StreamHost;
  readonly aether: ContendedContender;
  readonly baselines: readonly {
    readonly name: string;
    readonly tag: string;
    readonly writers: ContendedContender;
  }[];
  /** Prefix of this case's streams; each run gets a fresh one. */
  readonly streamPrefix: string;
  /** Writers racing on the actor, each on a connection of its own to node `i` (modulo the nodes). */
  readonly writers: number;
  /** Saves each writer makes in a run. */
  readonly savesPerWriter: number;
  readonly maxSeconds: number;
  readonly targets?: readonly Target[];
}

const actorId = 'order-hot';

/**
 * Several writers, each on its own connection (to different nodes of a cluster), saving to one
 * actor of a fresh stream at once; events/s counts the saves acknowledged to them in all.
 */
export function contendedCase(options: ContendedCaseOptions): BenchCase {
  return {
    id: options.id,
    title: options.title,
    short: options.short,
    metric: { unit: 'events/s', better: 'higher' },
    subject: contender('Aether', 'aether', options.aether, options),
    baselines: options.baselines.map((raw) => contender(raw.name, raw.tag, raw.writers, options)),
    targets: options.targets ?? [],
    plan: { ...appendPlan, maxSeconds: options.maxSeconds },
  };
}

function contender(
  name: string,
  tag: string,
  writers: ContendedContender,
  options: ContendedCaseOptions,
): Contender {
  return {
    name,
    async open() {
      const sessions: Session[] = [];
      try {
        for (let index = 0; index < options.writers; index++) {
          sessions.push(await openSession(options.host, index % options.host.urls.length));
        }
      } catch (error) {
        await closeAll(sessions);
        throw error;
      }
      const [first] = sessions as [Session, ...Session[]];
      let runs = 0;
      let acknowledged = 0;
      let sharedVersions = 0;
      let leftOut = 0;
      return {
        async run({ maxSeconds }) {
          const stream = `${options.streamPrefix}-${tag}-${++runs}`;
          const subject = actorSubject(stream, actorId);
          await createStream(first, stream);
          const opened: ContendedWriter[] = [];
          try {
            for (const session of sessions)
              opened.push(await writers.open(session, stream, actorId, subject));
            collectGarbage();
            const acked: string[] = [];
            const started = performance.now();
            await Promise.all(
              opened.map((writer) =>
                timedLoop(options.savesPerWriter, maxSeconds, async () =>
                  acked.push(await writer.saveNext()),
                ),
              ),
            );
            const seconds = (performance.now() - started) / 1000;
            const checked = await writers.check(first, stream, actorId, subject, acked);
            acknowledged += acked.length;
            sharedVersions += checked.sharedVersions;
            leftOut += checked.leftOut;
            const planned = options.savesPerWriter * options.writers;
            return { value: acked.length / seconds, done: acked.length, planned };
          } finally {
            await Promise.all(opened.map((writer) => writer.close()));
            await dropStream(first.jsm, stream);
          }
        },
        async close() {
          // The run's figure cannot say it; the bench log can (the runs' warm-ups included).
          console.error(
            `        ${name}, all runs: ${acknowledged} saves acknowledged, ${sharedVersions} of them to a version already acknowledged to another; ${leftOut} stored messages left out of the history`,
          );
          await closeAll(sessions);
        },
      };
    },
  };
}

async function closeAll(sessions: readonly Session[]): Promise<void> {
  await Promise.all(sessions.map((session) => session.nc.close().catch(() => undefined)));
}
