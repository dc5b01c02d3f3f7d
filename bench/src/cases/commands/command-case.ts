import type { BenchCase, Contender, RunPlan, Target } from '../../model.js';
import { collectGarbage, timedLoop } from '../../run/timing.js';

/**
 * One contender of a command case, opened in its measuring process: `prepare` gives a fresh set
 * of actors their history (untimed) and returns the command to time for the i-th of them.
 */
export interface CommandRunner {
  readonly name: string;
  open(): Promise<CommandTrial>;
}

export interface CommandTrial {
  /** Untimed: `count` fresh actors, each with its history; returns one command per actor. */
  prepare(run: number, count: number): Promise<(index: number) => Promise<unknown>>;
  /** Untimed, after the timed commands: throws unless each of the first `done` actors got its one event. */
  check(done: number): Promise<void>;
  close?(): Promise<void>;
}

export interface CommandCaseOptions {
  readonly id: string;
  readonly title: string;
  readonly short: string;
  readonly actors: number;
  /**
   * How many sets of fresh actors one run commands, each prepared untimed (default 1): a run's
   * figure is over all their commands, so a run whose sets each take milliseconds is not moved by
   * one collection or one late recompilation.
   */
  readonly rounds?: number;
  readonly subject: CommandRunner;
  readonly baselines: readonly CommandRunner[];
  readonly targets: readonly Target[];
  readonly plan?: Partial<RunPlan>;
}

/**
 * Commands/s: each run gives `actors` fresh actors their history, then times one awaited command
 * per actor, `rounds` times over.
 */
export function commandCase(options: CommandCaseOptions): BenchCase {
  return {
    id: options.id,
    title: options.title,
    short: options.short,
    metric: { unit: 'commands/s', better: 'higher' },
    subject: commandContender(options.subject, options.actors, options.rounds ?? 1),
    baselines: options.baselines.map((runner) =>
      commandContender(runner, options.actors, options.rounds ?? 1),
    ),
    targets: options.targets,
    ...(options.plan === undefined ? {} : { plan: options.plan }),
  };
}

function commandContender(runner: CommandRunner, actors: number, rounds: number): Contender {
  return {
    name: runner.name,
    async open() {
      const trial = await runner.open();
      let set = 0;
      return {
        async run({ maxSeconds }) {
          let done = 0;
          let seconds = 0;
          // Every round runs its actors to the end unless the run is out of time.
          for (let round = 0; round < rounds && seconds < maxSeconds; round++) {
            const command = await trial.prepare(set++, actors);
            collectGarbage();
            const timed = await timedLoop(actors, maxSeconds - seconds, command);
            await trial.check(timed.done);
            done += timed.done;
            seconds += timed.seconds;
          }
          return { value: done / seconds, done, planned: actors * rounds };
        },
        close: async () => trial.close?.(),
      };
    },
  };
}
