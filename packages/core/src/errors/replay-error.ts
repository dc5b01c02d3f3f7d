import { type ErrorKind, errorKind } from './error-kind.js';

export const REPLAY_ERROR = 'REPLAY_ERROR';
const previewBytes = 64;
const maxPreviewChars = 80;
const maxCauseChars = 120;

/** A stored message that could not be decoded into an event: reported, never a crash. */
export class ReplayError extends Error {
  readonly code = REPLAY_ERROR;
  readonly retryable = false;
  /** Where the message sits in its store (the JetStream stream sequence, or the in-memory position). */
  readonly sequenceNumber: number;
  /** The message exactly as stored. */
  readonly rawData: Uint8Array;

  constructor(details: { sequenceNumber: number; rawData: Uint8Array; cause: unknown }) {
    super(
      `cannot decode stored event at sequence ${details.sequenceNumber}: ${describe(details.cause)} ` +
        `(${details.rawData.length} bytes: ${preview(details.rawData)})`,
      { cause: details.cause },
    );
    this.name = 'ReplayError';
    this.sequenceNumber = details.sequenceNumber;
    this.rawData = details.rawData;
    replayErrors.mark(this);
  }
}

const replayErrors: ErrorKind<ReplayError> = errorKind('@aether/core.ReplayError');

/** The `ReplayError` in `err` or its `cause` chain, from any copy of `@aether/core`. */
export const findReplayError = (err: unknown): ReplayError | undefined => replayErrors.find(err);

/** True when `err` or an error in its `cause` chain is a `ReplayError`. */
export const isReplayError = (err: unknown): boolean => replayErrors.is(err);

// The cause's message can quote the bad input (a megabyte-long version string, say): cut it.
function describe(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  return text.length > maxCauseChars ? `${text.slice(0, maxCauseChars)}...` : text;
}

// Only the first bytes, escaped, and never more than maxPreviewChars characters: a control byte
// escapes to six characters, and the message of a megabyte of garbage must stay readable.
function preview(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, previewBytes));
  let out = '';
  let cut = bytes.length > previewBytes;
  for (const char of text) {
    const escaped = JSON.stringify(char).slice(1, -1);
    if (out.length + escaped.length > maxPreviewChars) {
      cut = true;
      break;
    }
    out += escaped;
  }
  return cut ? `"${out}"...` : `"${out}"`;
}
