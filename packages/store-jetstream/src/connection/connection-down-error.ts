/**
 * A request or publish the store never sent: the connection was down for the whole of its
 * timeout. Unlike a timeout after sending, this one is certain that nothing reached the server.
 */
export class ConnectionDownError extends Error {
  constructor(timeoutMs: number) {
    super(`the NATS connection was down for the whole ${timeoutMs} ms timeout`);
    this.name = 'ConnectionDownError';
  }
}
