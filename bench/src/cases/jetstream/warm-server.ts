import { pipeline } from './pipeline.js';
import type { Session } from './session.js';
import { createStream, dropStream, subjectPrefix } from './streams.js';

/**
 * A few seconds of appends to a throw-away stream before the first case, so that the contender
 * measured first does not pay for a server that has just started (its heap and file caches grow
 * during the first thousands of appends) while the one measured after it does not.
 */
export async function warmServer(session: Session, stream: string, seconds: number): Promise<void> {
  await createStream(session, stream);
  const payload = new Uint8Array(200).fill(120);
  try {
    await pipeline(Number.MAX_SAFE_INTEGER, 500, seconds, (index) =>
      session.js.publish(`${subjectPrefix(stream)}.a${index % 1000}`, payload, { msgID: `warm-${index}` }),
    );
  } finally {
    await dropStream(session.jsm, stream);
  }
}
