/** A NATS server given with `--nats`: the URL handed to nats.js and how to name it in messages. */
export interface NatsServer {
  /** `nats://[user:pass@]host:port`, the port filled in (4222 when left out). */
  url: string;
  /** `host:port`, without credentials: what the demo prints. */
  display: string;
}

export const DEFAULT_NATS_PORT = 4222;

/**
 * Reads the value of `--nats`: `nats://host:port`, or `host:port` / `host` (nats:// assumed).
 * Returns the server or a one-line reason why the value is not one.
 */
export function parseNatsUrl(value: string): NatsServer | { error: string } {
  const shown = JSON.stringify(value);
  const text = value.includes('://') ? value : `nats://${value}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `--nats ${shown} is not a valid URL; expected nats://host:port` };
  }
  if (url.protocol !== 'nats:') {
    return { error: `--nats ${shown} must use nats://, not ${url.protocol}//` };
  }
  if (url.hostname === '') return { error: `--nats ${shown} has no host; expected nats://host:port` };
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    return { error: `--nats ${shown} must be nats://host:port, with nothing after the port` };
  }
  const port = url.port === '' ? DEFAULT_NATS_PORT : Number(url.port);
  if (port < 1) return { error: `--nats ${shown} has port ${port}; ports go from 1 to 65535` };
  const credentials =
    url.username === '' ? '' : `${url.username}${url.password === '' ? '' : `:${url.password}`}@`;
  const display = `${url.hostname}:${port}`;
  return { url: `nats://${credentials}${display}`, display };
}
