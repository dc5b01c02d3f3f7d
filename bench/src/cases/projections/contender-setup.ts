import type { JetStreamEventStore } from '@aether/store-jetstream';
import type pg from 'pg';
import { openAetherStore } from '../jetstream/aether-store.js';
import type { Session } from '../jetstream/session.js';
import { aetherProjector } from './aether-projector.js';
import { createCheckpointTable, handWrittenProjector } from './hand-written-projector.js';
import type { StartProjector } from './projector.js';

/** Which projector a contender runs. */
export type ProjectorKind = 'aether' | 'hand-written';

/**
 * Opens what the contender's projector needs on `stream` (Aether: a store on the session's
 * connection; hand-written: its checkpoint table) and returns how to start it, and what to close.
 */
export async function projectorFor(
  kind: ProjectorKind,
  session: Session,
  stream: string,
  pool: pg.Pool,
  schema: string,
): Promise<{ start: StartProjector; close: () => Promise<void> }> {
  if (kind === 'aether') {
    const store: JetStreamEventStore = await openAetherStore(session, stream);
    return { start: aetherProjector(store, pool, schema), close: () => store.close() };
  }
  await createCheckpointTable(pool, schema);
  return { start: handWrittenProjector(session.js, stream, pool, schema), close: async () => {} };
}
