import { randomUUID } from 'node:crypto';

/**
 * Ids that no other test, run or process ever uses, so a persistent store shared between tests
 * (a JetStream server, a database) never shows one test another test's data.
 */
export function uniqueIds(prefix: string): (label: string) => string {
  return (label) => `${prefix}-${label}-${randomUUID()}`;
}
