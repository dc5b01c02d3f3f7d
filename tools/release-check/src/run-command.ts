import { execFile } from 'node:child_process';

export interface CommandOptions {
  cwd: string;
  /** Killed (SIGTERM) after this long; the default suits an npm install on a loaded 2-core machine. */
  timeoutMs?: number;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/** A command that exited non-zero, was killed, or could not start; its message carries the output. */
export class CommandFailedError extends Error {
  readonly code = 'COMMAND_FAILED';
  readonly output: CommandOutput;

  constructor(command: string, cwd: string, output: CommandOutput, cause: unknown) {
    super(
      `\`${command}\` failed in ${cwd}: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}\n` +
        `--- stdout\n${output.stdout}\n--- stderr\n${output.stderr}`,
      { cause },
    );
    this.name = 'CommandFailedError';
    this.output = output;
  }
}

/** Runs a command to completion, without a shell; rejects with `CommandFailedError` unless it exits 0. */
export function runCommand(command: string, args: string[], options: CommandOptions): Promise<CommandOutput> {
  const { cwd, timeoutMs = 120_000 } = options;
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error)
          reject(new CommandFailedError([command, ...args].join(' '), cwd, { stdout, stderr }, error));
        else resolve({ stdout, stderr });
      },
    );
  });
}
