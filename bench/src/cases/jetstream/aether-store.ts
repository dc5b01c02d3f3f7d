import { JetStreamEventStore } from '@aether/store-jetstream';
import type { Session } from './session.js';

/**
 * Aether's store on the session's connection, opened on an existing bench stream with the
 * session's replicas (the store checks the stream against them and, with more than one, checks
 * every save against the rule of one event per version).
 */
export function openAetherStore(session: Session, stream: string): Promise<JetStreamEventStore> {
  return JetStreamEventStore.open(session.nc, { storeName: stream, replicas: session.replicas });
}
