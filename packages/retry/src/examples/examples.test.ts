import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock/virtual-clock.js';
import * as adaptive from './adaptive.js';
import * as circuitBreaker from './circuit-breaker.js';
import * as conflictDetails from './conflict-details.js';
import * as jitter from './jitter.js';
import { exampleOutputs } from './outputs.js';
import * as retryQueue from './retry-queue.js';
import * as simple from './simple.js';

const examples = {
  simple,
  'conflict-details': conflictDetails,
  jitter,
  adaptive,
  'retry-queue': retryQueue,
  'circuit-breaker': circuitBreaker,
};

describe('examples', () => {
  it.each(Object.entries(examples))(
    '%s prints what the README shows, without waiting for real',
    async (name, example) => {
      const clock = new VirtualClock({ autoAdvance: true });
      expect(await example.main(clock)).toEqual(exampleOutputs[name]);
    },
  );
});
