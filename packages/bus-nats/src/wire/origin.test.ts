import { describe, expect, it } from 'vitest';
import { ORIGIN_HEADER, originHeaders, validateNodeId } from './origin.js';

describe('node ids', () => {
  it.each(['', 'a b', 'line\nbreak', 'é', 'x'.repeat(129), 7, null])(
    'refuses %j with a ValidationError naming nodeId',
    (id) => {
      expect(() => validateNodeId(id)).toThrow(expect.objectContaining({ field: 'nodeId' }));
    },
  );

  it('accepts visible ASCII and puts it into the origin header', () => {
    expect(validateNodeId('node-1:eu/west')).toBe('node-1:eu/west');
    expect(originHeaders('node-1').get(ORIGIN_HEADER)).toBe('node-1');
  });
});
