import { commandsGroup } from './cases/commands.js';
import { commandsJetstreamGroup } from './cases/commands-jetstream.js';
import { inMemoryGroup } from './cases/in-memory.js';
import { jetstreamGroup } from './cases/jetstream.js';
import { jetstreamR3Group } from './cases/jetstream-r3.js';
import { natsBusGroup } from './cases/nats-bus.js';
import { projectionsGroup } from './cases/projections.js';
import type { BenchGroup } from './model.js';

/**
 * Every benchmark group, in the order they run and appear in the README. A new group is a file
 * in `cases/` exporting a `BenchGroup`, added here.
 */
export const groups: readonly BenchGroup[] = [
  inMemoryGroup,
  jetstreamGroup,
  jetstreamR3Group,
  natsBusGroup,
  commandsGroup,
  commandsJetstreamGroup,
  projectionsGroup,
];
