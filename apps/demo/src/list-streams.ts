import type { JetStreamManager } from '@nats-io/jetstream';
import type { StreamSummary } from './clean-plan.js';

/** Every stream on the server, as `clean` and `watch` judge them: name, creation time, size. */
export async function listStreams(jsm: JetStreamManager): Promise<StreamSummary[]> {
  const streams: StreamSummary[] = [];
  for await (const info of jsm.streams.list()) {
    streams.push({ name: info.config.name, created: new Date(info.created), messages: info.state.messages });
  }
  return streams;
}
