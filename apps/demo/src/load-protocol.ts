import type { NatsServer } from './nats-url.js';

/**
 * What `load` tells each writer process and what the writer reports back. The task is the
 * worker's only argument (JSON); reports are JSON lines on the worker's stdout.
 */
export interface WriterTask {
  server: NatsServer;
  streamName: string;
  namespace: string;
  orderId: string;
  /** 1-based; names the writer's items (`W2-17`). */
  writer: number;
  events: number;
}

export type WriterReport =
  /** Connected; waits for a line on stdin so that every writer starts at the same moment. */
  | { type: 'ready' }
  /** One event saved: its version, the attempts it took, the version conflicts on the way. */
  | { type: 'saved'; version: number; attempts: number; conflicts: number }
  /** All events saved. `retries` counts every retried attempt (conflicts and CONTENTION). */
  | { type: 'done'; saved: number; conflicts: number; retries: number; maxAttempts: number };

/** The sku of a writer's n-th item: how verification tells who wrote which event. */
export function loadSku(writer: number, n: number): string {
  return `W${writer}-${n}`;
}

/** Reads one report line; `undefined` for anything that is not one. */
export function parseReport(line: string): WriterReport | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const report = value as Record<string, unknown>;
  const numbers = (...keys: string[]) => keys.every((key) => Number.isInteger(report[key]));
  switch (report.type) {
    case 'ready':
      return { type: 'ready' };
    case 'saved':
      return numbers('version', 'attempts', 'conflicts') ? (report as WriterReport) : undefined;
    case 'done':
      return numbers('saved', 'conflicts', 'retries', 'maxAttempts') ? (report as WriterReport) : undefined;
    default:
      return undefined;
  }
}
