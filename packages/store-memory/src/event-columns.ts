import type { Event } from '@aether/core';
import type { EventRecord } from '@aether/core/adapter';

type Data = EventRecord['data'];
type Metadata = NonNullable<EventRecord['metadata']>;

// Slots per event in the references array: id, event type, actor id, data.
const referencesPerEvent = 4;

/**
 * Every event of a store, column by column, at a position given on append. A record object per
 * event would cost a header plus a boxed number for its timestamp on top of its fields; an array
 * slot costs 8 bytes, and an array of numbers alone is kept by V8 as unboxed doubles. A few long
 * arrays also cost less to grow than many short ones: V8 copies young arrays at every minor
 * collection. Everything kept is a string, a number or deeply frozen data, so nothing handed out
 * can change what is kept.
 */
export class EventColumns {
  readonly #references: (string | Data)[] = [];
  readonly #versions: number[] = [];
  readonly #times: number[] = [];
  // Most events carry no metadata: this column appears with the first event that does, and
  // holds only the positions that have some.
  #metadata: (Metadata | undefined)[] | undefined;

  /** Keeps a validated record; returns its position. */
  append(record: EventRecord): number {
    const position = this.#versions.length;
    this.#references.push(record.id, record.eventType, record.actorId, record.data);
    this.#versions.push(record.version);
    this.#times.push(record.time);
    if (record.metadata !== undefined) {
      this.#metadata ??= [];
      this.#metadata[position] = record.metadata;
    }
    return position;
  }

  versionAt(position: number): number {
    return this.#versions[position] as number;
  }

  /** How many events are kept: the next `append` returns this position. */
  get length(): number {
    return this.#versions.length;
  }

  /** A new `Event` for the one kept at `position`, with its own Date. */
  eventAt(position: number): Event {
    const references = this.#references;
    const at = position * referencesPerEvent;
    const id = references[at] as string;
    const eventType = references[at + 1] as string;
    const actorId = references[at + 2] as string;
    const data = references[at + 3] as Data;
    const version = this.#versions[position] as number;
    const timestamp = new Date(this.#times[position] as number);
    const metadata = this.#metadata?.[position];
    return metadata === undefined
      ? { id, eventType, actorId, version, data, timestamp }
      : { id, eventType, actorId, version, data, timestamp, metadata };
  }
}
