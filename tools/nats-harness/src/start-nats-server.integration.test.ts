import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { NatsServerNotFoundError } from './find-binary.js';
import { readServerInfo } from './server-info.js';
import { type NatsServer, startNatsServer } from './start-nats-server.js';

describe('startNatsServer', () => {
  const servers: NatsServer[] = [];
  const start = async (options?: Parameters<typeof startNatsServer>[0]) => {
    const server = await startNatsServer(options);
    servers.push(server);
    return server;
  };

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.destroy()));
  });

  it('starts a JetStream server on a free loopback port that accepts connections', async () => {
    const server = await start();
    expect(server.url).toBe(`nats://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.running).toBe(true);
    expect(existsSync(server.storeDir)).toBe(true);
    const info = await readServerInfo(server.port);
    expect(info.jetstream).toBe(true);
    expect(info.server_name).toBe(server.serverName);
  });

  it('restarts on the same port and store directory with a new process id', async () => {
    const server = await start({ monitor: true });
    const { port, storeDir, pid } = server;
    await server.restart();
    expect(server.port).toBe(port);
    expect(server.storeDir).toBe(storeDir);
    expect(server.pid).not.toBe(pid);
    expect((await readServerInfo(port)).jetstream).toBe(true);
    const health = await fetch(`http://127.0.0.1:${server.monitorPort}/healthz`);
    expect(health.status).toBe(200);
  });

  it('kills the process with a signal and can start it again', async () => {
    const server = await start();
    await server.kill('SIGKILL');
    expect(server.running).toBe(false);
    await expect(readServerInfo(server.port)).rejects.toThrow();
    await server.restart();
    expect(server.running).toBe(true);
  });

  it('pauses a server so that it answers nothing, and resumes it', async () => {
    const server = await start();
    await server.pause();
    await expect(readServerInfo(server.port, 300)).rejects.toThrow(/no INFO/);
    await server.resume();
    expect((await readServerInfo(server.port)).jetstream).toBe(true);
  });

  it('stops by process id, and destroy removes the temporary directory', async () => {
    const server = await start();
    await server.stop();
    expect(server.running).toBe(false);
    await server.destroy();
    expect(existsSync(server.storeDir)).toBe(false);
  });

  it('starts without JetStream when asked', async () => {
    const server = await start({ jetstream: false });
    expect((await readServerInfo(server.port)).jetstream).toBeUndefined();
  });

  it('reports the server log when the config is rejected', async () => {
    await expect(start({ extraConfig: 'this is not { valid' })).rejects.toThrow(/exited before it was ready/);
  });

  it('fails with an install hint when there is no binary', async () => {
    await expect(start({ binary: '/nonexistent/nats-server' })).rejects.toThrow(NatsServerNotFoundError);
  });
});
