import { describe, expect, it } from 'vitest';
import { endMarker, replaceBlock, startMarker } from './readme.js';

describe('replaceBlock', () => {
  const block = `${startMarker}\nnew figures\n${endMarker}`;

  it('replaces what lies between the markers and keeps the text around them', () => {
    const readme = `# Bench\n\nintro\n\n${startMarker}\nold figures\n${endMarker}\n\nafter\n`;
    expect(replaceBlock(readme, block)).toBe(`# Bench\n\nintro\n\n${block}\n\nafter\n`);
  });

  it('appends the block to a README without markers', () => {
    expect(replaceBlock('# Bench\n\n', block)).toBe(`# Bench\n\n${block}\n`);
  });
});
