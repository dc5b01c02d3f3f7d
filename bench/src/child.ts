import { groups } from './groups.js';
import { measure, planOf } from './measure.js';
import type { ContenderResult } from './results.js';

/**
 * Entry of a measuring process (see isolate.ts): opens the group, measures one contender of one
 * case, sends the result to the parent and exits.
 */
async function child(groupName: string, caseId: string, contenderName: string): Promise<ContenderResult> {
  const group = groups.find((item) => item.name === groupName);
  if (group === undefined) throw new Error(`no group ${groupName}`);
  const opened = await group.open();
  try {
    const benchCase = opened.cases.find((item) => item.id === caseId);
    if (benchCase === undefined) throw new Error(`group ${groupName} has no case ${caseId}`);
    const contender = [benchCase.subject, ...benchCase.baselines].find((item) => item.name === contenderName);
    if (contender === undefined) throw new Error(`case ${caseId} has no contender ${contenderName}`);
    return await measure(contender, planOf(benchCase));
  } finally {
    await opened.close?.();
  }
}

const [groupName = '', caseId = '', contenderName = ''] = process.argv.slice(2);
// Exit explicitly once the result is sent: a handle a trial left open must not keep the process alive.
child(groupName, caseId, contenderName).then(
  (result) => process.send?.(result, () => process.exit(0)),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
