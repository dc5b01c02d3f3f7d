export type ParsedArguments = { kind: 'story' } | { kind: 'help' } | { kind: 'error'; message: string };

export const usage = `Usage: aether-demo [--help]

Runs the order demo on the in-memory store: places an order, adds items, shows a stale write
rejected with its VersionConflictError, replays the state, snapshots it, and shows a bus
subscriber receiving every event.

Options:
  -h, --help   show this help`;

export function parseArguments(argv: readonly string[]): ParsedArguments {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const [first] = argv;
  if (first !== undefined) return { kind: 'error', message: `unknown argument ${JSON.stringify(first)}` };
  return { kind: 'story' };
}
