import { formatNumber, formatRatio } from './format.js';
import { ratioOf } from './ratio.js';
import type { CaseResult, ContenderResult, GroupResult } from './results.js';

/** A group's figures as rows of text, shared by the console and the README renderers. */
export interface Table {
  readonly header: readonly string[];
  /** Per column: numbers are right-aligned. */
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly string[])[];
  readonly footnotes: readonly string[];
}

const marks = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/**
 * Columns: the case, every contender's median, Aether / each baseline, and the targets.
 * `label` picks the case text (the console uses the short one).
 */
export function groupTable(group: GroupResult, label: (result: CaseResult) => string): Table {
  const subjects = unique(group.cases.map((result) => result.subject.name));
  const baselines = unique(
    group.cases.flatMap((result) => result.baselines.map((baseline) => baseline.name)),
  );
  const footnotes: string[] = [];
  const footnote = (text: string) => {
    footnotes.push(text);
    return footnoteMark(footnotes.length - 1);
  };
  const rows = group.cases.map((result) => {
    const all = [result.subject, ...result.baselines];
    const valueCell = (name: string) => {
      const found = all.find((item) => item.name === name);
      return found === undefined ? '—' : valueText(found, result, footnote);
    };
    const ratioCell = (name: string) => {
      const ratio = ratioOf(
        result.subject.median,
        result.baselines.find((item) => item.name === name)?.median,
      );
      return ratio === undefined ? '—' : formatRatio(ratio);
    };
    return [
      `${label(result)} — ${result.metric.unit}, ${result.metric.better} is better`,
      ...subjects.map(valueCell),
      ...baselines.map(valueCell),
      ...baselines.map(ratioCell),
      targetText(result),
    ];
  });
  const subjectName = subjects.length === 1 ? subjects[0] : 'Aether';
  return {
    header: [
      'case',
      ...subjects,
      ...baselines,
      ...baselines.map((name) => `${subjectName} / ${name}`),
      'target',
    ],
    numeric: ['case', ...subjects, ...baselines, ...baselines].map((_, index) => index > 0).concat(false),
    rows,
    footnotes,
  };
}

/** `¹` for the first footnote, `²` for the second, ... */
export function footnoteMark(index: number): string {
  return marks[index] ?? `[${index + 1}]`;
}

function valueText(
  result: ContenderResult,
  benchCase: CaseResult,
  footnote: (text: string) => string,
): string {
  if (result.median === undefined)
    return `failed${footnote(`${result.name}, ${benchCase.short}: ${result.error ?? 'no result'}`)}`;
  if (result.capped === undefined) return formatNumber(result.median);
  const { runs, minDone, maxDone, planned } = result.capped;
  const range =
    minDone === maxDone ? formatNumber(minDone) : `${formatNumber(minDone)}–${formatNumber(maxDone)}`;
  const which =
    runs === result.values.length
      ? `all ${runs} measured runs`
      : `${runs} of ${result.values.length} measured runs`;
  return `${formatNumber(result.median)}${footnote(
    `${result.name}, ${benchCase.short}: ${which} stopped at the ${benchCase.plan.maxSeconds} s cap, after ${range} of ${formatNumber(planned)}; each run's figure is its rate over what it did, not over ${formatNumber(planned)}.`,
  )}`;
}

function targetText(result: CaseResult): string {
  if (result.targets.length === 0) return '—';
  return result.targets
    .map(
      (target) => `${target.label}: ${target.met === undefined ? 'unknown' : target.met ? 'met' : 'NOT met'}`,
    )
    .join('; ');
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
