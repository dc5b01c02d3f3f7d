import type { Event } from '@aether/core';
import { openAetherStore } from './aether-store.js';
import { pipeline } from './pipeline.js';
import type { Session } from './session.js';
import { createStream, messageCount } from './streams.js';

const inFlight = 1000;

/**
 * Makes `stream` hold exactly the `count` events `eventAt(0..count-1)` describes, saved by
 * Aether's store (pipelined, 1,000 in flight, untimed), so that every message carries what the
 * store writes and reads back (its headers included: a reader that met other messages would take
 * another path). The first contender of a case fills it; the others find it full and read the
 * same data.
 */
export async function ensureFilled(
  session: Session,
  stream: string,
  count: number,
  eventAt: (index: number) => Event,
): Promise<void> {
  if ((await messageCount(session.jsm, stream)) === count) return;
  await createStream(session, stream);
  const store = await openAetherStore(session, stream);
  try {
    await pipeline(count, inFlight, Number.POSITIVE_INFINITY, (index) => store.saveEvent(eventAt(index)));
  } finally {
    await store.close();
  }
  const stored = await messageCount(session.jsm, stream);
  if (stored !== count) throw new Error(`stream ${stream} holds ${stored} messages after filling ${count}`);
}
