/** A base-10 log scale over whole decades, mapping ratios to x positions in a chart. */
export interface LogScale {
  readonly x: (ratio: number) => number;
  /** Powers of ten from the lowest to the highest decade, for grid lines and labels. */
  readonly ticks: readonly number[];
}

/** Covers every ratio and at least 0.1× to 10×, widened to whole decades. */
export function logScale(ratios: readonly number[], left: number, right: number): LogScale {
  const logs = ratios.filter((ratio) => ratio > 0).map(Math.log10);
  const low = Math.floor(Math.min(-1, ...logs));
  const high = Math.ceil(Math.max(1, ...logs));
  const x = (ratio: number) => left + ((Math.log10(ratio) - low) / (high - low)) * (right - left);
  const ticks = Array.from({ length: high - low + 1 }, (_, index) => 10 ** (low + index));
  return { x, ticks };
}
