import type { BenchCase } from '../model.js';
import { formatNumber, formatSeconds, formatValue } from '../report/format.js';
import type { ContenderResult } from '../report/results.js';

/** Progress goes to stderr, so stdout holds only the tables. */
export const progress = {
  group(title: string, caseCount: number): void {
    write(`\n▶ ${title}: ${caseCount} cases`);
  },
  skipped(title: string, reason: string): void {
    write(`\n▶ ${title}: skipped (${reason})`);
  },
  case(index: number, total: number, benchCase: BenchCase): void {
    write(`  [${index}/${total}] ${benchCase.title}`);
  },
  contender(result: ContenderResult, unit: string): void {
    const name = result.name.padEnd(16);
    if (result.median === undefined) {
      write(`        ${name} failed: ${result.error ?? 'no result'}`);
      return;
    }
    const capped =
      result.capped === undefined
        ? ''
        : `; ${result.capped.runs} stopped at the time cap after ${formatNumber(result.capped.minDone)}–${formatNumber(result.capped.maxDone)} of ${formatNumber(result.capped.planned)}`;
    const range = `${formatNumber(Math.min(...result.values))}–${formatNumber(Math.max(...result.values))}`;
    write(
      `        ${name} ${formatValue(result.median, unit)} (median of ${result.values.length}: ${range}${capped})`,
    );
  },
  caseDone(seconds: number): void {
    write(`        (${formatSeconds(seconds)})`);
  },
};

function write(line: string): void {
  process.stderr.write(`${line}\n`);
}
