import { expect, it } from 'vitest';
import { scenario } from './test-support/scenario.js';
import type { Message, WorkerProcess } from './test-support/worker-processes.js';

const LEASE_TTL_MS = 2_000;
const ACTORS = ['account-1', 'account-2', 'account-3'];

const applying = (m: Message) => m.type === 'applying';
const committed = (m: Message) => m.type === 'commit' && m.outcome === 'ok';

// Two worker processes of one projection. The one holding the lease is frozen (SIGSTOP) in the
// middle of an apply, past its lease; the other takes over and goes on. Thawed (SIGCONT), the
// first finishes the apply in hand, but its commit is refused with LEASE_LOST, and it goes to
// standby and applies nothing more while the other holds the lease.
it('refuses the next commit of a worker frozen past its lease once another took over, and it stops applying', async () => {
  // A slow read model (300 ms per apply), so that the freeze lands inside an apply.
  const run = await scenario('fencing', { leaseTtlMs: LEASE_TTL_MS, batchSize: 500, applyMs: 500 });
  const writers = await run.writers(2, ACTORS, 20_000);
  const a = run.worker('worker-a');
  const b = run.worker('worker-b');
  const holder = await Promise.any(
    [a, b].map(async (worker) => {
      await worker.next('commit a batch', committed, { timeoutMs: 60_000 });
      return worker;
    }),
  );
  const other = holder === a ? b : a;
  expect(other.messages.filter(applying), 'the worker without the lease applies nothing').toEqual([]);

  await holder.next('apply again', applying, { from: holder.messages.length, timeoutMs: 30_000 });
  holder.signal('SIGSTOP');
  const frozenAt = performance.now();
  await other.next('take over and commit', committed, { timeoutMs: LEASE_TTL_MS * 5 + 10_000 });
  const takeoverMs = Math.round(performance.now() - frozenAt);

  const thawedAt = holder.messages.length;
  holder.signal('SIGCONT');
  const refused = await holder.next('try to commit', (m) => m.type === 'commit', {
    from: thawedAt,
    timeoutMs: 30_000,
  });
  expect(refused.outcome).toBe('LEASE_LOST');
  await holder.next('go to standby', (m) => m.type === 'state' && m.state === 'standby', {
    from: thawedAt,
    timeoutMs: 30_000,
  });
  // While the other worker commits three more batches, the fenced one applies nothing.
  const fencedAt = holder.messages.length;
  for (let batch = 0; batch < 3; batch++) {
    await other.next('commit more', committed, { from: other.messages.length, timeoutMs: 30_000 });
  }
  expect(holder.messages.slice(fencedAt).filter(applying)).toEqual([]);
  expect(holder.messages.slice(thawedAt).filter(committed)).toEqual([]);

  await run.stopWriters(writers);
  const head = await run.store.headPosition();
  other.send(`process ${head}`);
  await other.next('catch up', (m) => m.type === 'caught-up', { timeoutMs: 120_000 });
  await Promise.all([stop(holder), stop(other)]);
  const { applications, events } = await run.expectReadModelEqualsOracle();
  console.info(
    `fencing: takeover ${takeoverMs} ms after the freeze (lease ${LEASE_TTL_MS} ms); the thawed worker's commit ` +
      `refused with LEASE_LOST; ${events} events, ${applications} applications`,
  );
}, 300_000);

async function stop(worker: WorkerProcess): Promise<void> {
  worker.send('stop');
  await worker.next('stop', (m) => m.type === 'report', { timeoutMs: 60_000 });
  expect(await worker.exit(30_000)).toBe(0);
}
