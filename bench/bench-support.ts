import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
export { freePort } from '../test/support/free-port';

/** What every bench shares: its settings from the environment, its throwaway database, its section of RESULTS.md. */

/** An integer setting from the environment, at least `min`; the fallback when it is unset or blank. */
export function intSetting(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  return value;
}

/** The maintenance database's URL next to a bench database, and the bench database's name (a plain identifier). */
export function adminUrl(databaseUrl: string): { admin: string; database: string } {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new Error(`the bench database name must be a plain identifier, got "${database}"`);
  url.pathname = '/postgres';
  return { admin: url.toString(), database };
}

/** Drops and creates the bench database of `databaseUrl`; returns its name. */
export async function recreateDatabase(databaseUrl: string): Promise<string> {
  const { admin, database } = adminUrl(databaseUrl);
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
  return database;
}

/** The CPU's model name, for the machine line of a result. */
export function cpuModel(): string {
  return existsSync('/proc/cpuinfo') ? (/^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown').trim() : 'unknown';
}

/**
 * Puts a bench's section (its markers included) into the results file: in place of the one between the same
 * markers, or at the end when there is none yet.
 */
export function writeResultsSection(file: string, beginMark: string, endMark: string, section: string): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const begin = current.indexOf(beginMark);
  const end = current.indexOf(endMark);
  writeFileSync(
    file,
    begin >= 0 && end > begin ? `${current.slice(0, begin)}${section}${current.slice(end + endMark.length)}` : `${current.trimEnd()}\n\n${section}\n`,
  );
}

/** The repository, from dist-bench/bench/ where the benches run. */
const ROOT = resolve(__dirname, '..', '..');

/** Runs `node dist/cli.js ARGS` and answers its stdout; a failure carries the end of its stderr. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): string {
  try {
    return execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`node dist/cli.js ${args.join(' ')} failed:\n${stderr.split('\n').slice(-15).join('\n')}`, { cause: error });
  }
}

/** The id of the newest shop of that name in the database (an earlier run's), or null. */
export async function findShopByName(databaseUrl: string, name: string): Promise<string | null> {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const rows = await client.query<{ id: string }>(`SELECT id FROM shops WHERE name = $1 ORDER BY created_at DESC LIMIT 1`, [name]);
    return rows.rows[0]?.id ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const services = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of services) if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
});

export interface ServiceProcess {
  /** what error messages call it: "the service", "worker-1" */
  name: string;
  child: ChildProcess;
  /** the last lines the process logged (and how it exited), to say why it stopped when it does */
  tail: string[];
}

export interface SpawnOptions {
  name?: string;
  /** dist/main.js unless told otherwise */
  script?: string;
  /** node options before the script (a --require) */
  nodeArgs?: string[];
  /** sees every line the process logs */
  onLine?: (line: string) => void;
}

/** Starts a service process of dist/; it is killed if this process exits first. */
export function spawnService(env: NodeJS.ProcessEnv, options: SpawnOptions = {}): ServiceProcess {
  const script = options.script ?? join(ROOT, 'dist', 'main.js');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  services.add(child);
  const service: ServiceProcess = { name: options.name ?? 'the service', child, tail: [] };
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      options.onLine?.(line);
      service.tail.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
      if (service.tail.length > 20) service.tail.shift();
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // a service stopped by someone else shows up as a refused connection: say what happened
  child.once('exit', (code, signal) => service.tail.push(`(${service.name} exited: ${signal ?? `code ${code}`})`));
  return service;
}

/** Waits (60 s at most) until `baseUrl`/health answers; fails with the service's last lines if it exits first. */
export async function waitHealthy(baseUrl: string, service: ServiceProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`${service.name} exited with ${service.child.exitCode}:\n${service.tail.join('\n')}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${service.name} did not become healthy within 60 s:\n${service.tail.join('\n')}`);
}

/** Starts `node dist/main.js` with `env` and waits until it is healthy. */
export async function startService(env: NodeJS.ProcessEnv, baseUrl: string): Promise<ServiceProcess> {
  const service = spawnService(env);
  await waitHealthy(baseUrl, service);
  return service;
}

/** SIGTERM, then SIGKILL after 15 s; resolves when it has exited. */
export async function stopService({ child }: ServiceProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
  services.delete(child);
}
