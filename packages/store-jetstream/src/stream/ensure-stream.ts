import { ApiCodes, apiCodeOf } from '@aether/nats-support';
import type { JetStreamManager, StreamInfo } from '@nats-io/jetstream';
import { JetStreamStoreError } from '../errors/store-error.js';
import { toStoreError } from '../errors/to-store-error.js';
import type { ResolvedConfig } from '../options/resolve-options.js';
import { desiredStreamConfig, diffStreamConfig } from './stream-config.js';

/**
 * Creates the store's stream, or checks the existing one. An existing stream whose config differs
 * is reported (`STREAM_CONFIG_CONFLICT`, naming every difference) and never changed. A created
 * stream is checked too: an old server silently drops flags it does not know.
 */
export async function ensureStream(jsm: JetStreamManager, config: ResolvedConfig): Promise<StreamInfo> {
  let info: StreamInfo;
  let created = false;
  try {
    info = await jsm.streams.info(config.stream);
  } catch (err) {
    if (apiCodeOf(err) !== ApiCodes.StreamNotFound)
      throw toStoreError(err, { operation: 'open', stream: config.stream });
    [info, created] = await create(jsm, config);
  }
  const differences = diffStreamConfig(config, info.config);
  if (differences.length > 0) {
    const state = created
      ? 'was created, but the server did not apply the whole configuration (is it older than nats-server 2.9?)'
      : 'already exists with a configuration this store cannot use';
    throw new JetStreamStoreError(
      'STREAM_CONFIG_CONFLICT',
      `stream ${JSON.stringify(config.stream)} ${state}: ${differences.join('; ')}. The store never changes an ` +
        'existing stream: open it with matching options (storeName, namespace, maxAge, replicas, storage, ' +
        `duplicateWindow), or change the stream yourself (e.g. \`nats stream edit ${config.stream}\`).`,
    );
  }
  return info;
}

async function create(jsm: JetStreamManager, config: ResolvedConfig): Promise<[StreamInfo, boolean]> {
  try {
    return [await jsm.streams.add(desiredStreamConfig(config)), true];
  } catch (err) {
    const apiCode = apiCodeOf(err);
    // Another process created it at the same moment with another config: compare with that one.
    if (apiCode === ApiCodes.StreamNameInUse) return [await jsm.streams.info(config.stream), false];
    if (apiCode === ApiCodes.StreamSubjectOverlap) {
      throw new JetStreamStoreError(
        'STREAM_CONFIG_CONFLICT',
        `cannot create stream ${JSON.stringify(config.stream)}: another stream already captures subjects ` +
          `${config.subjectPrefix}.*; remove that stream or choose another storeName or namespace`,
        { cause: err, apiCode },
      );
    }
    throw toStoreError(err, { operation: 'open', stream: config.stream });
  }
}
