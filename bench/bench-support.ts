import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

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
  writeFileSync(file, begin >= 0 && end > begin ? `${current.slice(0, begin)}${section}${current.slice(end + endMark.length)}` : `${current.trimEnd()}\n\n${section}\n`);
}

/** The repository, from dist-bench/bench/ where the benches run. */
const ROOT = resolve(__dirname, '..', '..');

/** A port the OS says is free on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Runs `node dist/cli.js ARGS` and answers its stdout; a failure carries the end of its stderr. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): string {
  try {
    return execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`node dist/cli.js ${args.join(' ')} failed:\n${stderr.split('\n').slice(-15).join('\n')}`);
  }
}
