/** A projection of the stream into the read model, running until stopped: Aether's or hand-written. */
export interface Projector {
  /** Resolves once every event up to `position` (the stream sequence) is committed in the read model. */
  whenProcessed(position: number): Promise<void>;
  /** Commits the batch in hand, stops reading and closes what it opened. */
  stop(): Promise<void>;
}

/** Starts a projector named `name` (its checkpoint row) over `stream` into the read model in `schema`. */
export type StartProjector = (name: string) => Projector;

/** Events per batch, as the issue asks. */
export const batchSize = 500;
