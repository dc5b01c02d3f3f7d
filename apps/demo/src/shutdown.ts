/**
 * Calls `stop` on the first SIGINT (Ctrl-C) or SIGTERM and returns a function that removes the
 * handlers. A second signal finds no handler and ends the process the usual way.
 */
export function onShutdownSignal(stop: (signal: NodeJS.Signals) => void): () => void {
  const handler = (signal: NodeJS.Signals) => {
    remove();
    stop(signal);
  };
  const remove = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return remove;
}
