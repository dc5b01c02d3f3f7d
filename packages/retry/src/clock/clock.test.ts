import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from './clock.js';
import { VirtualClock } from './virtual-clock.js';

describe('systemClock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads Date.now and sleeps on a timer', async () => {
    expect(systemClock.now()).toBe(1_000);
    let done = false;
    const sleeping = systemClock.sleep(500).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it('rejects with the reason at once when the signal has aborted, without a timer', async () => {
    const reason = new Error('gone');
    await expect(systemClock.sleep(500, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects when the signal aborts and clears its timer; a finished sleep leaves no listener behind', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(10_000, controller.signal);
    controller.abort('stop');
    await expect(sleeping).rejects.toBe('stop');
    expect(vi.getTimerCount()).toBe(0);

    const other = new AbortController();
    const remove = vi.spyOn(other.signal, 'removeEventListener');
    const finished = systemClock.sleep(5, other.signal);
    await vi.advanceTimersByTimeAsync(5);
    await finished;
    expect(remove).toHaveBeenCalledTimes(1);
  });
});

describe('VirtualClock', () => {
  it('fires timers in due order as advance() moves time, and records every wait', async () => {
    const clock = new VirtualClock({ start: 100 });
    const fired: string[] = [];
    void clock.sleep(30).then(() => fired.push(`a@${clock.now()}`));
    void clock.sleep(10).then(() => fired.push(`b@${clock.now()}`));
    void clock.sleep(10).then(() => fired.push(`c@${clock.now()}`));
    expect(clock.pending).toBe(3);
    await clock.advance(15);
    expect(fired).toEqual(['b@110', 'c@110']);
    expect(clock.now()).toBe(115);
    await clock.advance(100);
    expect(fired).toEqual(['b@110', 'c@110', 'a@130']);
    expect(clock.now()).toBe(215);
    expect(clock.sleeps).toEqual([30, 10, 10]);
  });

  it('fires sleeps started by woken code within the same advance', async () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    void clock.sleep(10).then(async () => {
      fired.push(clock.now());
      await clock.sleep(10);
      fired.push(clock.now());
    });
    await clock.advance(25);
    expect(fired).toEqual([10, 20]);
  });

  it('with autoAdvance, moves itself whenever the program waits only on it', async () => {
    const clock = new VirtualClock({ autoAdvance: true });
    const order: string[] = [];
    await Promise.all([
      clock.sleep(300).then(() => order.push('slow')),
      clock.sleep(100).then(() => order.push('fast')),
    ]);
    expect(order).toEqual(['fast', 'slow']);
    expect(clock.now()).toBe(300);
  });

  it('rejects an aborted sleep and forgets its timer', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(50, controller.signal);
    controller.abort('cancelled');
    await expect(sleeping).rejects.toBe('cancelled');
    expect(clock.pending).toBe(0);
    await expect(clock.sleep(50, AbortSignal.abort('already'))).rejects.toBe('already');
    expect(clock.pending).toBe(0);
  });
});
