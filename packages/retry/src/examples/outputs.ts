// What each example's main() returns (with the tests' virtual clock, though none of these lines
// depends on time or chance); readme.test.ts checks that the README shows exactly these lines.
export const exampleOutputs: Record<string, string[]> = {
  simple: ['ada saved version 1 in 1 attempt(s)', 'bob saved version 2 in 2 attempt(s)'],
  'conflict-details': [
    'attempt 1: actor order-8 tried v1, current is v1; retrying in 100 ms',
    'attempt 2: actor order-8 tried v1, current is v1; retrying in 150 ms',
    'RETRY_THRASHING after 3 attempts at current version 1',
    'same check across package copies: true',
  ],
  jitter: ['30 events from 10 writers, versions 1-30 contiguous: true'],
  adaptive: [
    'distance 0 (light contention): wait 50 ms',
    'distance 5 (moderate contention): wait 75 ms',
    'distance 20 (heavy contention): wait 200 ms',
    'conflict: waiting 110 ms',
    'saved version 14 in 2 attempts',
  ],
  'retry-queue': [
    'refused: retry queue is full (2 events not yet saved): event "order-2-OrderPlaced" of actor "order-2" was not accepted; save it another way, wait for drain(), or raise capacity',
    'saved NoteAdded as v3 (2 attempts)',
    'dead letter: ItemAdded: Error: order-1 has shipped; no more items',
    'stats: {"accepted":2,"saved":1,"deadLettered":1,"retries":2,"rejected":1}',
  ],
  'circuit-breaker': [
    'item 1: connection refused',
    'item 2: connection refused',
    'circuit: closed -> open',
    'item 3: connection refused',
    'item 4: failed fast (CIRCUIT_OPEN)',
    'circuit: open -> half-open',
    'item 5: saved as v1',
    'circuit: half-open -> closed',
    'item 6: saved as v2',
  ],
};
