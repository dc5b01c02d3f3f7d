// Type-level counting, so that `.to(version, ...)` accepts only the version after the chain's last
// one: a gap in a chain written with literal versions does not compile.

type Counter<N extends number, Counted extends unknown[] = []> = Counted['length'] extends N
  ? Counted
  : Counter<N, [...Counted, unknown]>;

/** `V + 1` for a literal version `V`; `number` when `V` is just `number`. */
export type NextVersion<V extends number> = number extends V
  ? number
  : Extract<[...Counter<V>, unknown]['length'], number>;
