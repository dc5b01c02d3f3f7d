/**
 * Runs a user callback whose failure must neither be lost nor break the caller: an error it
 * throws is rethrown in a microtask, where it surfaces as an uncaught exception.
 */
export function reportAsync(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
