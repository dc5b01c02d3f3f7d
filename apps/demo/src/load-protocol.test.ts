import { describe, expect, it } from 'vitest';
import { loadSku, parseReport } from './load-protocol.js';

describe('writer reports', () => {
  it('reads the three reports', () => {
    expect(parseReport('{"type":"ready"}')).toEqual({ type: 'ready' });
    expect(parseReport('{"type":"saved","version":7,"attempts":2,"conflicts":1}')).toEqual({
      type: 'saved',
      version: 7,
      attempts: 2,
      conflicts: 1,
    });
    expect(parseReport('{"type":"done","saved":20,"conflicts":3,"retries":3,"maxAttempts":2}')).toMatchObject(
      {
        type: 'done',
        saved: 20,
      },
    );
  });

  it('ignores anything else', () => {
    for (const line of ['', 'ready', 'null', '[]', '{"type":"saved","version":"7"}', '{"type":"boom"}']) {
      expect(parseReport(line), line).toBeUndefined();
    }
  });

  it('names each item after its writer and number', () => {
    expect(loadSku(3, 17)).toBe('W3-17');
  });
});
