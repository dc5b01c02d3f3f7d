/** Bounds of `load`'s options: enough to see contention, small enough to read back in seconds. */
export const LOAD_LIMITS = {
  writers: { max: 32, default: 4 },
  events: { max: 2000, default: 50 },
} as const;

/** How long a NATS mode waits for the server at startup before it gives up (no reconnect loop). */
export const CONNECT_TIMEOUT_MS = 2000;
