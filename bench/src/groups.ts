import { inMemoryGroup } from './cases/in-memory.js';
import type { BenchGroup } from './model.js';

/**
 * Every benchmark group, in the order they run and appear in the README. A new group is a file
 * in `cases/` exporting a `BenchGroup`, added here.
 */
export const groups: readonly BenchGroup[] = [inMemoryGroup];
