// Embedded-mode smoke test for CI: `node dist/main.js` with no DATABASE_URL and no REDIS_URL must
// start on PGlite, create a demo shop, ingest and analyse a review, shut down cleanly on SIGTERM,
// and find the review again after a restart. Run after `npm run build`.
'use strict';
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const { createServer } = require('node:net');

const dataDir = mkdtempSync(join(tmpdir(), 'rrs-smoke-'));
let port = 0;
let base = '';

/** A port nothing listens on, from the OS (a random pick once hit epmd's 4369). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
}

function start() {
  const env = { ...process.env, PORT: String(port), EMBEDDED_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function until(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stop(proc) {
  const exited = new Promise((resolve) => proc.child.once('exit', (code) => resolve(code)));
  proc.child.kill('SIGTERM');
  const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 15_000))]);
  if (code !== 0) throw new Error(`graceful shutdown failed: exit ${code}`);
}

async function main() {
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  let proc = start();
  try {
    const health = await until('health', async () => {
      const response = await fetch(`${base}/health`);
      return response.ok ? response.json() : null;
    });
    if (health.database.mode !== 'embedded' || health.queue.mode !== 'in-process') throw new Error(`wrong mode ${JSON.stringify(health)}`);
    const key = await until('demo shop key in the log', async () => /"apiKey":"(rrs_[^"]+)"/.exec(proc.output())?.[1], 5_000);
    const auth = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
    const created = await fetch(`${base}/v1/reviews`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ platform: 'jd', externalId: 'smoke-1', rating: 2, content: 'Screen cracked on arrival', reviewedAt: '2026-11-01T10:00:00Z' }),
    });
    if (created.status !== 201) throw new Error(`POST /v1/reviews answered ${created.status}`);
    const { review } = await created.json();
    const analysed = await until('analysis', async () => {
      const body = await (await fetch(`${base}/v1/reviews/${review.id}`, { headers: auth })).json();
      return body.analysisStatus === 'done' ? body : null;
    }, 15_000);
    if (analysed.language !== 'en' || analysed.grade !== 'bad') throw new Error(`unexpected analysis ${JSON.stringify(analysed)}`);
    await stop(proc);

    proc = start();
    await until('restart', async () => (await fetch(`${base}/health`)).ok);
    const again = await fetch(`${base}/v1/reviews/${review.id}`, { headers: auth });
    if (again.status !== 200) throw new Error(`review lost across restart: ${again.status}`);
    if (/created a demo shop/.test(proc.output())) throw new Error('a second demo shop was created on restart');
    await stop(proc);
    console.log('embedded smoke test passed');
  } catch (error) {
    proc.child.kill('SIGKILL');
    console.error(String(error));
    console.error(proc.output().slice(-4000));
    process.exitCode = 1;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
