import { measureInChild } from './isolate.js';
import { planOf } from './measure.js';
import type { BenchCase, Contender } from './model.js';
import { progress } from './progress.js';
import type { CaseResult, ContenderResult } from './results.js';
import { evaluateTargets } from './targets.js';

/** Measures Aether and then every baseline of a case, each in its own process, under the same plan. */
export async function runCase(groupName: string, benchCase: BenchCase): Promise<CaseResult> {
  const run = (contender: Contender) => runContender(groupName, benchCase, contender);
  const subject = await run(benchCase.subject);
  const baselines: ContenderResult[] = [];
  for (const baseline of benchCase.baselines) baselines.push(await run(baseline));
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

async function runContender(
  groupName: string,
  benchCase: BenchCase,
  contender: Contender,
): Promise<ContenderResult> {
  const started = performance.now();
  const result = await measureInChild({ group: groupName, caseId: benchCase.id, contender: contender.name });
  progress.contender(result, benchCase.metric.unit, (performance.now() - started) / 1000);
  return result;
}
