/** Codes of the failures the demo reports itself, as one line, with no stack. */
export type DemoErrorCode =
  | 'NATS_UNREACHABLE'
  | 'NATS_FAILED'
  | 'DATABASE_UNREACHABLE'
  | 'DATABASE_FAILED'
  | 'PROJECTION_FAILED'
  | 'WRITER_FAILED'
  | 'INTERRUPTED'
  | 'NO_RUN';

export class DemoError extends Error {
  readonly code: DemoErrorCode;

  constructor(code: DemoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DemoError';
    this.code = code;
  }
}

/** The first line of an error's message: what the demo prints instead of a stack dump. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n', 1)[0]?.trim() || (error instanceof Error ? error.name : 'unknown error');
}
