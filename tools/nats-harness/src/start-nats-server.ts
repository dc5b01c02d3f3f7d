import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsUser } from './authorization.js';
import { type ClusterNodeConfig, LOOPBACK, type NatsNodeConfig, renderNatsConfig } from './config-file.js';
import { findNatsServer } from './find-binary.js';
import { waitForProcessState } from './process-state.js';
import { LogTail } from './server-log.js';
import { type StartedProcess, signalAndWait, spawnNatsServer } from './server-process.js';

export interface StartNatsServerOptions {
  /** Enable JetStream (default true). */
  jetstream?: boolean;
  /** Client port; by default the server picks a free loopback port. `restart()` keeps it. */
  port?: number;
  /** JetStream store directory; by default a fresh temporary one that `destroy()` removes. */
  storeDir?: string;
  /** Server name; unique per node in a cluster. Default `aether-<pid>-<n>`. */
  serverName?: string;
  /** Enable HTTP monitoring (`/healthz`, `/jsz`): `true` for a free port, or a port number. */
  monitor?: boolean | number;
  /** Make this node part of a cluster (routes on loopback). See `ClusterNodeConfig`. */
  cluster?: ClusterNodeConfig;
  /** Users and the permissions the server enforces for each (`authorization { users = [...] }`). */
  users?: readonly NatsUser[];
  /** Raw config text appended to the generated file (auth, TLS, limits). */
  extraConfig?: string;
  /** Path of the binary; default: `$NATS_SERVER_BIN`, PATH, then `/usr/sbin/nats-server`. */
  binary?: string;
  /** Default 15 s. */
  startTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before SIGKILL. Default 10 s. */
  stopGraceMs?: number;
}

/** A server started by the harness. Every process operation targets its process id. */
export interface NatsServer {
  /** `nats://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The current process id (a new one after `restart()`). */
  readonly pid: number;
  readonly storeDir: string;
  readonly configFile: string;
  readonly serverName: string;
  /** The HTTP monitoring port, when `monitor` was set. */
  readonly monitorPort: number | undefined;
  readonly running: boolean;
  /** SIGTERM by process id, then waits for the exit (SIGKILL after the grace period). */
  stop(): Promise<void>;
  /**
   * Sends `signal` (default SIGKILL) to the process id. Waits for the exit for SIGKILL, SIGTERM,
   * SIGINT and SIGQUIT; other signals (SIGSTOP, SIGCONT, ...) are only sent.
   */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /**
   * Freezes the process (SIGSTOP) and resolves once it is stopped: the server holds its sockets
   * open but answers nothing, like a hung or overloaded server. Needs /proc (Linux).
   */
  pause(): Promise<void>;
  /** Lets a paused process run again (SIGCONT) and resolves once it runs. */
  resume(): Promise<void>;
  /** Stops the server if it runs, then starts it again on the same port and store directory. */
  restart(): Promise<void>;
  /** Stops the server and removes the temporary directories the harness created. */
  destroy(): Promise<void>;
  /** The server's recent log lines. */
  logs(): string[];
}

const terminating = new Set<NodeJS.Signals>(['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGQUIT']);
let started = 0;

/**
 * Starts `nats-server` (JetStream on by default) on loopback with its own config file and
 * temporary store directory, and resolves once it accepts connections.
 */
export async function startNatsServer(options: StartNatsServerOptions = {}): Promise<NatsServer> {
  const binary = findNatsServer({ binary: options.binary });
  const workDir = await mkdtemp(join(tmpdir(), 'aether-nats-'));
  const storeDir = options.storeDir ?? join(workDir, 'jetstream');
  await mkdir(storeDir, { recursive: true });
  const monitorPort = options.monitor === true ? -1 : options.monitor === false ? undefined : options.monitor;
  const config: NatsNodeConfig = {
    serverName: options.serverName ?? `aether-${process.pid}-${++started}`,
    port: options.port ?? -1,
    jetstream: options.jetstream ?? true,
    storeDir,
    monitorPort,
    cluster: options.cluster,
    users: options.users,
    extra: options.extraConfig,
  };
  const server = new HarnessServer({
    binary,
    workDir,
    config,
    startTimeoutMs: options.startTimeoutMs ?? 15_000,
    stopGraceMs: options.stopGraceMs ?? 10_000,
  });
  try {
    await server.start();
  } catch (err) {
    await rm(workDir, { recursive: true, force: true });
    throw err;
  }
  return server;
}

interface HarnessSettings {
  binary: string;
  workDir: string;
  config: NatsNodeConfig;
  startTimeoutMs: number;
  stopGraceMs: number;
}

class HarnessServer implements NatsServer {
  readonly configFile: string;
  readonly #settings: HarnessSettings;
  readonly #log = new LogTail();
  #process: StartedProcess | undefined;

  constructor(settings: HarnessSettings) {
    this.#settings = settings;
    this.configFile = join(settings.workDir, 'nats.conf');
  }

  get url(): string {
    return `nats://${LOOPBACK}:${this.port}`;
  }

  get port(): number {
    return this.#settings.config.port;
  }

  get pid(): number {
    if (this.#process === undefined) throw new Error(`nats-server ${this.serverName} is not running`);
    return this.#process.pid;
  }

  get storeDir(): string {
    return this.#settings.config.storeDir;
  }

  get serverName(): string {
    return this.#settings.config.serverName;
  }

  get monitorPort(): number | undefined {
    return this.#settings.config.monitorPort;
  }

  get running(): boolean {
    const child = this.#process?.child;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  async start(): Promise<void> {
    await writeFile(this.configFile, renderNatsConfig(this.#settings.config));
    this.#process = await spawnNatsServer({
      binary: this.#settings.binary,
      configFile: this.configFile,
      startTimeoutMs: this.#settings.startTimeoutMs,
      log: this.#log,
    });
    // Pin the ports the server chose, so that restart() comes back on the same ones.
    const { facts } = this.#process;
    const config = this.#settings.config;
    if (config.port === -1 && facts.clientPort !== undefined) config.port = facts.clientPort;
    if (config.monitorPort === -1 && facts.monitorPort !== undefined) config.monitorPort = facts.monitorPort;
    await writeFile(this.configFile, renderNatsConfig(config));
  }

  async stop(): Promise<void> {
    if (this.#process !== undefined)
      await signalAndWait(this.#process, 'SIGTERM', this.#settings.stopGraceMs);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.#process === undefined) return;
    if (terminating.has(signal)) {
      await signalAndWait(this.#process, signal, this.#settings.stopGraceMs);
    } else {
      process.kill(this.#process.pid, signal);
    }
  }

  async pause(): Promise<void> {
    const pid = this.pid;
    process.kill(pid, 'SIGSTOP');
    if (!(await waitForProcessState(pid, (state) => state === 'T' || state === 't'))) {
      throw new Error(
        `nats-server ${this.serverName} (pid ${pid}) did not stop on SIGSTOP (is /proc available?)`,
      );
    }
  }

  async resume(): Promise<void> {
    const pid = this.pid;
    process.kill(pid, 'SIGCONT');
    await waitForProcessState(pid, (state) => state !== 'T' && state !== 't');
  }

  async restart(): Promise<void> {
    if (this.running) await this.stop();
    await this.start();
  }

  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.#settings.workDir, { recursive: true, force: true });
  }

  logs(): string[] {
    return this.#log.lines();
  }
}
