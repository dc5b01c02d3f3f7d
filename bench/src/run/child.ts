import { groups } from '../groups.js';
import type { OpenGroup, Trial } from '../model.js';
import type { FromChild, ToChild } from './isolate.js';
import { collectGarbage } from './timing.js';

/**
 * Entry of a measuring process (see isolate.ts): opens the group and one contender of one case,
 * says it is ready, then runs one repetition each time the bench process asks (after a full
 * GC), until it is told to close.
 */
async function open(groupName: string, caseId: string, contenderName: string): Promise<[OpenGroup, Trial]> {
  const group = groups.find((item) => item.name === groupName);
  if (group === undefined) throw new Error(`no group ${groupName}`);
  const opened = await group.open();
  try {
    const benchCase = opened.cases.find((item) => item.id === caseId);
    if (benchCase === undefined) throw new Error(`group ${groupName} has no case ${caseId}`);
    const contender = [benchCase.subject, ...benchCase.baselines].find((item) => item.name === contenderName);
    if (contender === undefined) throw new Error(`case ${caseId} has no contender ${contenderName}`);
    return [opened, await contender.open()];
  } catch (error) {
    await opened.close?.();
    throw error;
  }
}

function send(message: FromChild, then: () => void = () => {}): void {
  process.send?.(message, then);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function serve(opened: OpenGroup, trial: Trial, command: ToChild): Promise<void> {
  if (command.type === 'run') {
    try {
      collectGarbage();
      send({ type: 'sample', sample: await trial.run({ maxSeconds: command.maxSeconds }) });
    } catch (error) {
      send({ type: 'failed', error: message(error) });
    }
    return;
  }
  try {
    await trial.close?.();
  } finally {
    await opened.close?.();
  }
  // Exit explicitly once answered: a handle a trial left open must not keep the process alive.
  send({ type: 'closed' }, () => process.exit(0));
}

const [groupName = '', caseId = '', contenderName = ''] = process.argv.slice(2);
process.on('disconnect', () => process.exit(1));
open(groupName, caseId, contenderName).then(
  ([opened, trial]) => {
    process.on('message', (command) => {
      serve(opened, trial, command as ToChild).catch((error: unknown) => {
        send({ type: 'failed', error: message(error) }, () => process.exit(1));
      });
    });
    send({ type: 'ready' });
  },
  (error: unknown) => send({ type: 'failed', error: message(error) }, () => process.exit(1)),
);
