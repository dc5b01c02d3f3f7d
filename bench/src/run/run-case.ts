import type { BenchCase } from '../model.js';
import type { CaseResult } from '../report/results.js';
import { evaluateTargets } from '../report/targets.js';
import { openChildTrial } from './isolate.js';
import { measureInTurns, planOf } from './measure.js';
import { progress } from './progress.js';

/**
 * Measures Aether and every baseline of a case under the same plan, each in its own process,
 * taking turns run by run (see `measureInTurns`).
 */
export async function runCase(groupName: string, benchCase: BenchCase): Promise<CaseResult> {
  const started = performance.now();
  const contenders = [benchCase.subject, ...benchCase.baselines];
  const [subject, ...baselines] = await measureInTurns(
    contenders.map((contender) => ({
      name: contender.name,
      open: () => openChildTrial({ group: groupName, caseId: benchCase.id, contender: contender.name }),
    })),
    planOf(benchCase),
  );
  if (subject === undefined) throw new Error(`case ${benchCase.id} measured nothing`);
  for (const result of [subject, ...baselines]) progress.contender(result, benchCase.metric.unit);
  progress.caseDone((performance.now() - started) / 1000);
  return {
    id: benchCase.id,
    title: benchCase.title,
    short: benchCase.short,
    metric: benchCase.metric,
    plan: planOf(benchCase),
    subject,
    baselines,
    targets: evaluateTargets(benchCase.targets ?? [], benchCase.metric, subject, baselines),
  };
}
