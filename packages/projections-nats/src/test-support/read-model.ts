import { readFileSync } from 'node:fs';
import type { EventLog } from '@aether/core';

/** One application of an event, as the projection worker wrote it. */
export interface Applied {
  holder: string;
  key: string;
  position: number;
}

/** Every line the projection workers appended to `file`, in order. */
export function readApplied(file: string): Applied[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [holder, actorId, version, position] = line.split('\t');
      return { holder: holder as string, key: `${actorId}@${version}`, position: Number(position) };
    });
}

/**
 * The read model an idempotent handler keyed on (actorId, version) ends with: each event once,
 * with its position, however often it was applied.
 */
export function idempotentModel(applied: readonly Applied[]): Map<string, number> {
  const model = new Map<string, number>();
  for (const { key, position } of applied) model.set(key, position);
  return model;
}

/** The oracle: (actorId, version) → position of every event of the log, read with `readAll`. */
export async function oracle(log: EventLog): Promise<Map<string, number>> {
  const model = new Map<string, number>();
  for (let after = 0; ; ) {
    const page = await log.readAll({ after, limit: 1_000 });
    if (page.length === 0) return model;
    for (const { event, position } of page) model.set(`${event.actorId}@${event.version}`, position);
    after = (page[page.length - 1] as { position: number }).position;
  }
}
