import { expect, it } from 'vitest';
import { scenario } from './test-support/scenario.js';
import type { WorkerProcess } from './test-support/worker-processes.js';

const KILLS = 16;
const LEASE_TTL_MS = 1_500;
const ACTORS = ['account-1', 'account-2', 'account-3', 'account-4'];

// The at-least-once promise under crashes: a projection worker process is SIGKILLed again and
// again while three writer processes race on the same actors; each new worker takes the lease
// over once the dead one's runs out and goes on from the committed position. No event may be
// missed; events applied twice (killed between apply and commit) are what an idempotent handler,
// keyed on (actorId, version), absorbs.
it(`misses no event across ${KILLS} SIGKILLs of the worker, half of them right after an apply, and the idempotent read model equals the oracle`, async () => {
  const run = await scenario('kills', { leaseTtlMs: LEASE_TTL_MS, batchSize: 50, applyMs: 0 });
  // They write until stopped (at most 20,000 each), so every worker meets new events.
  const writers = await run.writers(3, ACTORS, 20_000);
  let killedAfterApply = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    const worker = run.worker(`worker-${kill}`);
    await worker.next('apply a batch', (m) => m.type === 'applied', { timeoutMs: 60_000 });
    if (kill % 2 === 0) {
      // Right after an apply: the commit that records its position is most likely still on its way.
      const before = worker.messages.length;
      await worker.next('apply again', (m) => m.type === 'applied', { from: before, timeoutMs: 60_000 });
      await worker.kill();
      if (worker.messages.at(-1)?.type === 'applied') killedAfterApply++;
    } else {
      // At a random moment of its work: the point of the test, not a wait for a condition.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
      await worker.kill();
    }
  }
  const saved = await run.stopWriters(writers);
  const head = await run.store.headPosition();
  const last = run.worker('worker-last');
  last.send(`process ${head}`);
  await last.next('catch up', (m) => m.type === 'caught-up', { timeoutMs: 180_000 });
  await stop(last);
  const { applications, events } = await run.expectReadModelEqualsOracle();
  expect(events).toBe(saved);
  expect(killedAfterApply, 'kills that landed between an apply and its commit').toBeGreaterThan(0);
  console.info(
    `at-least-once kills: ${KILLS} SIGKILLs (${killedAfterApply} between an apply and its commit), ` +
      `${events} events by 3 racing writer processes, ${applications} applications, ` +
      `${applications - events} applied again, none missed`,
  );
}, 400_000);

async function stop(worker: WorkerProcess): Promise<void> {
  worker.send('stop');
  await worker.next('stop', (m) => m.type === 'report', { timeoutMs: 60_000 });
  expect(await worker.exit(30_000)).toBe(0);
}
