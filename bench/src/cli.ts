import { parseArgs } from 'node:util';

export interface CliOptions {
  /** Group names to run; empty means all. */
  readonly only: readonly string[];
  /** Whether to write results/*.json, README.md and results/ratios.svg. */
  readonly write: boolean;
  /** Measure nothing: rebuild README.md and ratios.svg from the saved results. */
  readonly render: boolean;
  readonly help: boolean;
}

export const usage = `Usage: node --expose-gc bench/dist/main.js [--only GROUP[,GROUP]] [--no-write] [--render]

  --only GROUP   run only these groups (repeat or separate with commas)
  --no-write     print the tables, write no files
  --render       measure nothing: rebuild README.md and ratios.svg from saved results
  --help         show this text

Results are written to bench/results/<group>.json; bench/README.md and
bench/results/ratios.svg are rebuilt from every group's latest results.`;

/** Throws `TypeError` for an unknown flag. `--` separators (from `pnpm bench -- --flag`) are ignored. */
export function parseCli(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      only: { type: 'string', multiple: true },
      'no-write': { type: 'boolean', default: false },
      render: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const only = (values.only ?? []).flatMap((item) => item.split(',')).map((item) => item.trim());
  return {
    only: only.filter((item) => item.length > 0),
    write: !values['no-write'],
    render: values.render === true,
    help: values.help === true,
  };
}

/** The names in `only` that are no group's, in the order given (empty when all are known). */
export function unknownGroups(only: readonly string[], groupNames: readonly string[]): string[] {
  return only.filter((name) => !groupNames.includes(name));
}
