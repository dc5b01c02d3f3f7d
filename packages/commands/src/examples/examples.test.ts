import { VirtualClock } from '@aether/retry';
import { describe, expect, it } from 'vitest';
import { exampleOutputs } from './outputs.js';
import * as quickStart from './quick-start.js';
import * as saveByHand from './save-by-hand.js';

const examples = { 'quick-start': quickStart, 'save-by-hand': saveByHand };

describe('examples', () => {
  it.each(Object.entries(examples))(
    '%s returns what the README shows, without waiting for real',
    async (name, example) => {
      expect(await example.main(new VirtualClock({ autoAdvance: true }))).toEqual(exampleOutputs[name]);
    },
  );
});
