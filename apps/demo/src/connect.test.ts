import { JetStreamStoreError } from '@aether/store-jetstream';
import { describe, expect, it } from 'vitest';
import { connectFailure } from './connect.js';

const server = { url: 'nats://ada:secret@127.0.0.1:4999', display: '127.0.0.1:4999' };

function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('connectFailure', () => {
  it('says a refused connection in one line, without credentials', () => {
    const error = connectFailure(named('ConnectionError', 'connection refused'), server);
    expect(error.code).toBe('NATS_UNREACHABLE');
    expect(error.message).toBe(
      'cannot connect to NATS at 127.0.0.1:4999: connection refused; start one with `nats-server -js`',
    );
  });

  it('says a server that does not answer in time', () => {
    expect(connectFailure(named('TimeoutError', 'timeout'), server).message).toBe(
      'no answer from NATS at 127.0.0.1:4999 within 2 s; is a NATS server listening there?',
    );
  });

  it('says a server without JetStream, as the store reports it and as nats.js does', () => {
    const error = new JetStreamStoreError('JETSTREAM_NOT_ENABLED', 'the NATS server did not answer');
    for (const reported of [error, named('JetStreamNotEnabled', 'jetstream is not enabled')]) {
      expect(connectFailure(reported, server).message).toBe(
        'NATS at 127.0.0.1:4999 has no JetStream; start it with `nats-server -js`',
      );
    }
  });

  it('keeps the first line of anything else', () => {
    const error = connectFailure(new Error('Authorization Violation\n  at somewhere'), server);
    expect(error.code).toBe('NATS_FAILED');
    expect(error.message).toBe('NATS at 127.0.0.1:4999: Authorization Violation');
    expect(error.cause).toBeInstanceOf(Error);
  });
});
