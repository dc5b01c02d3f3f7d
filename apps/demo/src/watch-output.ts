/** Where `watch` writes. */
export interface WatchOutput {
  /** What it watches: one line per event (stdout). */
  print: (line: string) => void;
  /** What the watcher is doing (stderr), so that stdout holds only what it watches. */
  status: (line: string) => void;
}
