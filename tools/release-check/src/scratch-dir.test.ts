import { access, utimes } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { makeScratchDir, removeAbandonedScratchDirs, removeScratchDir } from './scratch-dir.js';

const exists = (dir: string) =>
  access(dir).then(
    () => true,
    () => false,
  );

describe('removeAbandonedScratchDirs', () => {
  it('removes the directories of its label older than the limit, and no other', async () => {
    const label = `sweep-test-${process.pid}`;
    const abandoned = await makeScratchDir(label);
    const running = await makeScratchDir(label);
    const otherLabel = await makeScratchDir(`other-${process.pid}`);
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(abandoned, twoHoursAgo, twoHoursAgo);
    await utimes(otherLabel, twoHoursAgo, twoHoursAgo);
    try {
      expect(await removeAbandonedScratchDirs(label, 3_600_000)).toEqual([abandoned]);
      expect([await exists(abandoned), await exists(running), await exists(otherLabel)]).toEqual([
        false,
        true,
        true,
      ]);
    } finally {
      await Promise.all([abandoned, running, otherLabel].map(removeScratchDir));
    }
  });
});
