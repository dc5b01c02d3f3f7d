#!/usr/bin/env node
import { type Command, parseArguments } from './arguments.js';
import { DemoError, oneLine } from './demo-error.js';
import { runMemoryDemo } from './memory-demo.js';
import { usage } from './usage.js';

const print = (line: string) => console.log(line);
const status = (line: string) => console.error(line);

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArguments(argv);
  if (parsed.kind === 'error') {
    console.error(`aether-demo: ${parsed.message} (see --help)`);
    return 2;
  }
  return run(parsed);
}

// The NATS modes are loaded only when asked for: the default mode needs no NATS code.
async function run(command: Command): Promise<number> {
  switch (command.kind) {
    case 'help':
      print(usage);
      return 0;
    case 'story':
      await runMemoryDemo(print);
      return 0;
    case 'nats-story': {
      const { runNatsDemo } = await import('./nats-demo.js');
      await runNatsDemo(command.server, print);
      return 0;
    }
    case 'watch': {
      const { runLogWatch } = await import('./watch-log.js');
      await runLogWatch(command, { print, status });
      return 0;
    }
    case 'watch-bus': {
      const { runBusWatch } = await import('./watch-bus.js');
      await runBusWatch(command.server, { print, status });
      return 0;
    }
    case 'project': {
      const { runProject } = await import('./project.js');
      const verified = await runProject({ ...command, print });
      return verified ? 0 : 1;
    }
    case 'clean': {
      const { runClean } = await import('./clean.js');
      await runClean({ ...command, print });
      return 0;
    }
    case 'load': {
      const { runLoad } = await import('./load.js');
      const verified = await runLoad({ ...command, print, progress: process.stderr });
      return verified ? 0 : 1;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // One clear line, not a stack dump: the demo is the first thing a newcomer runs.
    console.error(`aether-demo: ${oneLine(error)}`);
    process.exitCode = error instanceof DemoError && error.code === 'INTERRUPTED' ? 130 : 1;
    // A connection that timed out may leave a socket open; do not wait for it.
    setTimeout(() => process.exit(), 500).unref();
  },
);
