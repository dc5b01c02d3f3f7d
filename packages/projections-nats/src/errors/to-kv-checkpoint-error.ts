import { ApiCodes, classifyNatsError } from '@aether/nats-support';
import { isProjectionError } from '@aether/projections';
import { isKvCheckpointError, KvCheckpointError } from './kv-checkpoint-error.js';

/**
 * Turns a nats.js error met while `doing` something with `bucket` into a one-line
 * `KvCheckpointError` that says what to do, keeping the original as `cause`. Errors that are
 * already Aether's, and errors it does not recognise, are returned unchanged.
 */
export function toKvCheckpointError(err: unknown, bucket: string, doing: string): unknown {
  if (isKvCheckpointError(err) || isProjectionError(err)) return err;
  const failure = classifyNatsError(err);
  const what = `projection checkpoints in NATS KV bucket ${JSON.stringify(bucket)}: ${doing}`;
  const options = { cause: err };
  switch (failure.kind) {
    case 'timeout':
      return new KvCheckpointError(
        'TIMEOUT',
        bucket,
        `${what} got no answer in time: is the NATS server running and reachable? Retrying is safe`,
        options,
      );
    case 'disconnected':
      return new KvCheckpointError(
        'DISCONNECTED',
        bucket,
        `${what} lost the connection to NATS while waiting; retrying is safe`,
        options,
      );
    case 'closed':
      return new KvCheckpointError(
        'CONNECTION_CLOSED',
        bucket,
        `${what} failed: the NATS connection is closed; make the checkpoints again with a live connection`,
        options,
      );
    case 'no-responders':
      return new KvCheckpointError(
        'JETSTREAM_NOT_ENABLED',
        bucket,
        `${what} failed: the NATS server did not answer the JetStream API: start nats-server with JetStream (\`nats-server -js\`)`,
        options,
      );
    case 'permission':
      return new KvCheckpointError(
        'PERMISSION_DENIED',
        bucket,
        `${what} failed: the NATS server denied this user ${JSON.stringify(failure.subject)}; grant publish to ` +
          `$JS.API.> and $KV.${bucket}.> and subscribe to the inbox prefix (default _INBOX.>). Retrying cannot help`,
        options,
      );
    case 'api':
      return fromApiCode(failure.apiCode, bucket, what, err);
    default:
      return err;
  }
}

function fromApiCode(apiCode: number, bucket: string, what: string, cause: unknown): KvCheckpointError {
  const options = { cause, apiCode };
  switch (apiCode) {
    case ApiCodes.JetStreamNotEnabled:
    case ApiCodes.JetStreamNotEnabledForAccount:
      return new KvCheckpointError(
        'JETSTREAM_NOT_ENABLED',
        bucket,
        `${what} failed: JetStream is not enabled for this account or server; start nats-server with -js`,
        options,
      );
    case ApiCodes.ClusterNotAvailable:
    case ApiCodes.ClusterNotLeader:
      return new KvCheckpointError(
        'NO_LEADER',
        bucket,
        `${what} failed: the JetStream cluster has no leader for the bucket right now; retrying is safe`,
        options,
      );
    default:
      return new KvCheckpointError(
        'SERVER_ERROR',
        bucket,
        `${what} failed: JetStream error ${apiCode}: ${(cause as Error).message}`,
        options,
      );
  }
}
