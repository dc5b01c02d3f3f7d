import { LocalEventBus } from '@aether/core';
import { describeEventBus } from './event-bus-suite.js';

describeEventBus('LocalEventBus', () => new LocalEventBus());
