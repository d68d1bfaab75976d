import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * PGlite (PostgreSQL compiled to WebAssembly) served on a loopback socket, so the same pg driver,
 * TypeORM setup and migrations run against it as against a real server. PGlite is a single
 * session: callers must use a pool of one connection.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    private readonly lockFile: string | null,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    let location: string | undefined;
    let lockFile: string | null = null;
    if (dataDir !== 'memory') {
      location = resolve(dataDir);
      mkdirSync(location, { recursive: true });
      lockFile = `${location}.lock`;
      acquireLock(lockFile, location);
    }
    const db = await PGlite.create(location);
    const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1' });
    await server.start();
    const address = server.getServerConn();
    const port = Number(address.split(':').pop());
    return new EmbeddedPostgres(db, server, `postgresql://postgres@127.0.0.1:${port}/postgres`, lockFile);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    if (this.lockFile) unlinkSync(this.lockFile);
  }
}

/**
 * Two processes opening the same PGlite directory would corrupt it: the first one holds a lock file
 * with its pid; a lock left by a process that no longer runs is taken over.
 */
function acquireLock(lockFile: string, location: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw new Error(
          `the embedded database in ${location} is in use by process ${holder}: stop that process, or set DATABASE_URL to share a PostgreSQL server`,
          { cause: error },
        );
      }
      unlinkSync(lockFile);
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
