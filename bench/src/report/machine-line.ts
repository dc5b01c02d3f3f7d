import type { Machine } from '../run/machine.js';

/** `AMD EPYC, 2 cores, 23.5 GiB RAM, Node v20.20.2, Linux ... x64`: where a table was measured. */
export function machineLine(machine: Machine): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, Node ${machine.node}, ${machine.os}`;
}
