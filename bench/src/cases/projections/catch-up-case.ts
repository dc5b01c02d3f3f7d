import type { BenchCase, Contender, RunPlan, Target } from '../../model.js';
import { formatCount as count } from '../../report/format.js';
import { fillElsewhere } from '../jetstream/fill-elsewhere.js';
import type { ReadStream } from '../jetstream/read-streams.js';
import { openSession, type StreamHost } from '../jetstream/session.js';
import { type ProjectorKind, projectorFor } from './contender-setup.js';
import { openPool, runSchemaPrefix } from './database.js';
import { batchSize } from './projector.js';
import { clearReadModel, createReadModel, expectApplied } from './read-model.js';

// Five measured runs of about two seconds each: with three, one run slowed by the machine's other
// work moved the median by a tenth (0.864× and 1.01× in two runs of the group minutes apart).
export const catchUpPlan = {
  warmups: 1,
  repetitions: 5,
  maxSeconds: 120,
  warmupSeconds: 120,
} satisfies RunPlan;

export interface CatchUpOptions {
  readonly host: StreamHost;
  readonly spec: ReadStream;
  readonly handWrittenName: string;
  readonly targets: readonly Target[];
}

/**
 * Events/s of a whole catch-up: a fresh projection from the stream's first event to its last, into
 * an emptied read model, from the projector's start to the commit of the last batch.
 */
export function catchUpCase(options: CatchUpOptions): BenchCase {
  return {
    id: 'catch-up',
    title: `catch up with a ${count(options.spec.messages)}-event stream into a PostgreSQL table, ${batchSize}-event batches`,
    short: `catch-up into PostgreSQL, ${count(options.spec.messages)} events`,
    metric: { unit: 'events/s', better: 'higher' },
    subject: catchUpContender('Aether', 'aether', options),
    baselines: [catchUpContender(options.handWrittenName, 'hand-written', options)],
    targets: options.targets,
    plan: catchUpPlan,
  };
}

function catchUpContender(name: string, kind: ProjectorKind, options: CatchUpOptions): Contender {
  const { spec } = options;
  return {
    name,
    async open() {
      await fillElsewhere(options.host, spec);
      const session = await openSession(options.host);
      const pool = openPool();
      const schema = `${runSchemaPrefix()}catch_up_${kind.replace('-', '_')}`;
      await createReadModel(pool, schema);
      const projector = await projectorFor(kind, session, spec.stream, pool, schema);
      let runs = 0;
      return {
        async run() {
          await clearReadModel(pool, schema);
          const start = performance.now();
          const running = projector.start(`catch-up-${++runs}`);
          let seconds: number;
          try {
            await running.whenProcessed(spec.messages);
            seconds = (performance.now() - start) / 1000;
          } finally {
            // Untimed: the runner releases its lease, the hand-written loop deletes its consumer.
            await running.stop();
          }
          await expectApplied(pool, schema, spec.messages, name);
          return { value: spec.messages / seconds };
        },
        async close() {
          await projector.close();
          await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await pool.end();
          await session.nc.close();
        },
      };
    },
  };
}
