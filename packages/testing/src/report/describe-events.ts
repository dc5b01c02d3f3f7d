/** What a spec compares of an event: its type and data, and metadata only when the spec names some. */
export interface ComparedEvent {
  eventType: string;
  data: unknown;
  metadata?: Readonly<Record<string, string>>;
}

/** One line per event: `ItemAdded {"sku":"TEA","quantity":2}`, keys sorted so that order never matters. */
export function eventLine(event: ComparedEvent): string {
  const metadata = event.metadata === undefined ? '' : ` ${canonicalJson(event.metadata)}`;
  return `${event.eventType} ${canonicalJson(event.data)}${metadata}`;
}

/** The parts of `actual` a spec compares with `expected`. */
export function compared(actual: ComparedEvent, expected: ComparedEvent | undefined): ComparedEvent {
  const wanted = expected?.metadata;
  if (wanted === undefined) return { eventType: actual.eventType, data: actual.data };
  const metadata: Record<string, string> = {};
  for (const key of Object.keys(wanted)) {
    const value = actual.metadata?.[key];
    if (value !== undefined) metadata[key] = value;
  }
  return { eventType: actual.eventType, data: actual.data, metadata };
}

/** JSON with object keys sorted: two values are the same JSON exactly when these strings are equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}
