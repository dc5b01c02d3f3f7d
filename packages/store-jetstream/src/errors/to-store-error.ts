import { isValidationError, isVersionConflict, ValidationError } from '@aether/core';
import { ApiCodes, classifyNatsError } from '@aether/nats-support';
import { isJetStreamStoreError, JetStreamStoreError } from './store-error.js';

/** What the store was doing when nats.js failed: it shapes the message a user reads. */
export type ErrorContext =
  | { operation: 'open'; stream: string }
  | {
      operation: 'save';
      stream: string;
      actorId: string;
      eventId: string;
      version: number;
      /** How many events the save holds (saved together); 1 for `saveEvent`. */
      count: number;
      duplicateWindowMs: number;
    }
  | { operation: 'read' | 'snapshot'; stream: string; actorId: string }
  | { operation: 'log'; stream: string };

/**
 * Turns a nats.js error into a `JetStreamStoreError` with a code, a retryable flag and a message
 * that says what to do, keeping the original as `cause`. Errors it does not recognise are
 * returned unchanged.
 */
export function toStoreError(err: unknown, context: ErrorContext): unknown {
  if (isJetStreamStoreError(err) || isValidationError(err) || isVersionConflict(err)) return err;
  const failure = classifyNatsError(err);
  const what = describe(context);
  const options = { cause: err };
  switch (failure.kind) {
    case 'timeout':
      return new JetStreamStoreError(
        'TIMEOUT',
        `${what} timed out waiting for the server; ${retryAdvice(context)}`,
        options,
      );
    case 'disconnected':
      return failure.sent
        ? new JetStreamStoreError(
            'DISCONNECTED',
            `${what} lost the connection waiting for the server; ${retryAdvice(context)}`,
            options,
          )
        : new JetStreamStoreError(
            'DISCONNECTED',
            `${what} failed: ${(err as Error).message}; nothing was sent (so nothing was stored), retrying is safe`,
            options,
          );
    case 'permission':
      return new JetStreamStoreError('PERMISSION_DENIED', permissionMessage(what, failure), {
        cause: err,
        refused: { permission: failure.permission, subject: failure.subject },
      });
    case 'closed':
      return new JetStreamStoreError(
        'CONNECTION_CLOSED',
        `${what} failed: the NATS connection is closed; open the store again with a live connection`,
        options,
      );
    case 'no-responders':
      return context.operation === 'open'
        ? new JetStreamStoreError(
            'JETSTREAM_NOT_ENABLED',
            'the NATS server did not answer the JetStream API: start nats-server with JetStream (`nats-server -js`)',
            options,
          )
        : new JetStreamStoreError(
            'STREAM_UNAVAILABLE',
            `${what} failed: no JetStream stream answered (stream ${JSON.stringify(context.stream)} may have been ` +
              `deleted, or the server is restarting or electing a leader); nothing was written, retrying is safe`,
            options,
          );
    case 'api':
      return fromApiCode(failure.apiCode, what, context, err);
    case 'invalid-argument':
      return context.operation === 'save'
        ? new ValidationError(
            'id',
            `cannot be sent as the Nats-Msg-Id header: ${(err as Error).message}`,
            options,
          )
        : err;
    default:
      return err;
  }
}

function fromApiCode(apiCode: number, what: string, context: ErrorContext, cause: unknown): unknown {
  const options = { cause, apiCode };
  switch (apiCode) {
    case ApiCodes.JetStreamNotEnabled:
    case ApiCodes.JetStreamNotEnabledForAccount:
      return new JetStreamStoreError(
        'JETSTREAM_NOT_ENABLED',
        `${what} failed: JetStream is not enabled for this account or server; start nats-server with -js`,
        options,
      );
    case ApiCodes.StreamNotFound:
      return new JetStreamStoreError(
        'STREAM_NOT_FOUND',
        `${what} failed: stream ${JSON.stringify(context.stream)} does not exist (was it deleted?); open the store again to recreate it`,
        options,
      );
    case ApiCodes.ClusterNotAvailable:
    case ApiCodes.ClusterNotLeader:
      return new JetStreamStoreError(
        'NO_LEADER',
        `${what} failed: the JetStream cluster has no leader for this request right now (an election is running); ${retryAdvice(context)}`,
        options,
      );
    default:
      return new JetStreamStoreError(
        'SERVER_ERROR',
        `${what} failed: JetStream error ${apiCode}: ${(cause as Error).message}`,
        options,
      );
  }
}

function permissionMessage(
  what: string,
  refused: { permission: 'publish' | 'subscribe'; subject: string },
): string {
  const where =
    refused.permission === 'subscribe'
      ? " (the store takes its replies on the connection's inbox prefix, nats.js option `inboxPrefix`, default `_INBOX`: allow subscribe to `<inboxPrefix>.>`)"
      : '';
  return (
    `${what} failed: the NATS server denied this user permission to ${refused.permission} to ` +
    `${JSON.stringify(refused.subject)}${where}. Retrying cannot help: grant the permission (the ` +
    '@aether/store-jetstream README, "Security", lists every one the store needs)'
  );
}

function describe(context: ErrorContext): string {
  switch (context.operation) {
    case 'open':
      return `opening stream ${JSON.stringify(context.stream)}`;
    case 'save':
      return context.count === 1
        ? `saving event ${JSON.stringify(context.eventId)} (version ${context.version}) of actor ${JSON.stringify(context.actorId)}`
        : `saving ${context.count} events from event ${JSON.stringify(context.eventId)} (versions ${context.version}-${context.version + context.count - 1}) of actor ${JSON.stringify(context.actorId)} together`;
    case 'read':
      return `reading actor ${JSON.stringify(context.actorId)}`;
    case 'snapshot':
      return `snapshot of actor ${JSON.stringify(context.actorId)}`;
    case 'log':
      return `reading the log of stream ${JSON.stringify(context.stream)}`;
  }
}

function retryAdvice(context: ErrorContext): string {
  if (context.operation !== 'save') return 'retrying is safe';
  const seconds = Math.round(context.duplicateWindowMs / 1000);
  return (
    'the event may or may not have been stored. Retrying the same event (same id) is safe: ' +
    `within the ${seconds} s duplicate window JetStream stores it at most once, and after it the version check refuses a second copy`
  );
}
