import { plural } from './format.js';
import type { DoneReport } from './load-writers.js';

/** The first line of `load`: who writes what where. */
export function loadHeadline(options: {
  writers: number;
  events: number;
  orderId: string;
  at: string;
}): string {
  const { writers, events, orderId, at } = options;
  const who = plural(writers, 'writer process', 'writer processes');
  const what = writers === 1 ? `adds ${plural(events, 'item')}` : `add ${plural(events, 'item')} each`;
  return `Load: ${who} ${what} to ${orderId} on ${at}, every save through saveWithRetry`;
}

/** What the writers reported once all are done, in one line. */
export function loadSummary(reports: readonly DoneReport[], seconds: string): string {
  const saved = reports.reduce((sum, report) => sum + report.saved, 0);
  const conflicts = reports.reduce((sum, report) => sum + report.conflicts, 0);
  const retries = reports.reduce((sum, report) => sum + report.retries, 0);
  const most = Math.max(...reports.map((report) => report.maxAttempts));
  const counts = reports.map((report) => report.conflicts);
  // Up to 8 writers, each count; more would not fit on a line.
  const perWriter =
    counts.length <= 8
      ? counts.map((count, index) => `${index + 1}: ${count}`).join(', ')
      : `from ${Math.min(...counts)} to ${Math.max(...counts)}`;
  return (
    `All writers done in ${seconds} s: ${plural(saved, 'event')} saved; ` +
    `${plural(conflicts, 'version conflict')} (per writer ${perWriter}), ` +
    `${plural(retries, 'retry', 'retries')}; the busiest save took ${plural(most, 'attempt')}`
  );
}
