/** A JSON object: what an event's `data` and a snapshot's `state` may hold. */
export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/**
 * An immutable fact about one actor. `Type` and `Data` narrow a union of events on
 * `eventType`, e.g. `Event<'OrderPlaced', { customer: string }> | Event<'ItemAdded', { sku: string }>`.
 */
export interface Event<Type extends string = string, Data = Record<string, unknown>> {
  /** Unique id; the JetStream store uses it as `Nats-Msg-Id`, so a retried append is idempotent. */
  readonly id: string;
  readonly eventType: Type;
  /** Any non-empty string; stores encode it safely. */
  readonly actorId: string;
  /** Safe integer >= 1, strictly greater than the actor's latest version. */
  readonly version: number;
  readonly data: Data;
  readonly timestamp: Date;
  /** String pairs such as correlationId and causationId. */
  readonly metadata?: Readonly<Record<string, string>>;
}

/** Any event, whatever its type and data: what stores and buses accept. */
export type AnyEvent = Event<string, unknown>;

/** An actor's state at a version, so a replay can start there instead of at version 1. */
export interface ActorSnapshot<State = Record<string, unknown>> {
  readonly actorId: string;
  readonly version: number;
  readonly state: State;
  readonly timestamp: Date;
}
