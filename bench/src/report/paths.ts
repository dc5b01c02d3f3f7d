import { fileURLToPath } from 'node:url';

/** The bench package directory (this file runs from `bench/dist/report`). */
export const benchDir = fileURLToPath(new URL('../..', import.meta.url));
export const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
export const resultsDir = fileURLToPath(new URL('../../results/', import.meta.url));
export const ratiosSvgPath = fileURLToPath(new URL('../../results/ratios.svg', import.meta.url));
