import { defineProject } from 'vitest/config';

// Unit tests of the pure parts (stats, formatting, targets, arguments); timed measurements are the
// program itself, never tests.
export default defineProject({
  test: { include: ['src/**/*.test.ts'] },
});
