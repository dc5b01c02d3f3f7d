import { describe, expect, it } from 'vitest';
import { LogTail, readLogLine, type ServerLogFacts } from './server-log.js';

describe('readLogLine', () => {
  it('reads the bound ports and readiness from nats-server 2.9 log lines', () => {
    const facts: ServerLogFacts = { ready: false };
    for (const line of [
      '[1] 2024/01/01 00:00:00.000000 [INF] Starting http monitor on 127.0.0.1:38123',
      '[1] 2024/01/01 00:00:00.000000 [INF] Listening for client connections on 127.0.0.1:41234',
      '[1] 2024/01/01 00:00:00.000000 [INF] Listening for route connections on 127.0.0.1:6222',
    ]) {
      readLogLine(facts, line);
    }
    expect(facts).toEqual({ ready: false, monitorPort: 38123, clientPort: 41234, routePort: 6222 });
    readLogLine(facts, '[1] 2024/01/01 00:00:00.000000 [INF] Server is ready');
    expect(facts.ready).toBe(true);
  });
});

describe('LogTail', () => {
  it('keeps only the last lines', () => {
    const tail = new LogTail(2);
    for (const line of ['a', 'b', 'c']) tail.push(line);
    expect(tail.lines()).toEqual(['b', 'c']);
    expect(tail.text(1)).toBe('c');
  });
});
