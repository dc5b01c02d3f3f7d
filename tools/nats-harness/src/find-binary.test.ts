import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNatsServer, NatsServerNotFoundError } from './find-binary.js';

describe('findNatsServer', () => {
  let dir: string;
  let fake: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aether-find-'));
    fake = join(dir, 'nats-server');
    await writeFile(fake, '#!/bin/sh\n');
    await chmod(fake, 0o755);
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds the binary on PATH', () => {
    expect(findNatsServer({ env: { PATH: `/nonexistent:${dir}` }, fallbacks: [] })).toBe(fake);
  });

  it('prefers NATS_SERVER_BIN, and an explicit path over both', () => {
    expect(findNatsServer({ env: { NATS_SERVER_BIN: fake, PATH: '' }, fallbacks: [] })).toBe(fake);
    expect(() => findNatsServer({ binary: join(dir, 'missing'), env: { PATH: dir } })).toThrow(
      NatsServerNotFoundError,
    );
  });

  it('falls back to the Debian location after PATH', () => {
    expect(findNatsServer({ env: { PATH: '/nonexistent' }, fallbacks: [fake] })).toBe(fake);
  });

  it('says how to install nats-server when there is none', () => {
    let error: unknown;
    try {
      findNatsServer({ env: { PATH: '/nonexistent' }, fallbacks: ['/nonexistent/nats-server'] });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(NatsServerNotFoundError);
    expect((error as Error).message).toContain('apt-get install nats-server');
    expect((error as NatsServerNotFoundError).code).toBe('NATS_SERVER_NOT_FOUND');
  });
});
