import { brandOf } from './brand.js';

export const REPLAY_ERROR = 'REPLAY_ERROR';
const previewBytes = 64;

/** A stored message that could not be decoded into an event: reported, never a crash. */
export class ReplayError extends Error {
  readonly code = REPLAY_ERROR;
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
    Object.defineProperty(this, brandOf('ReplayError'), { value: true });
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

// Only the first bytes: the message of a megabyte of garbage must stay readable.
function preview(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, previewBytes));
  const printable = JSON.stringify(text);
  return bytes.length > previewBytes ? `${printable}...` : printable;
}
