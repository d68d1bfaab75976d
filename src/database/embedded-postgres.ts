import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
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
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    let location: string | undefined;
    if (dataDir !== 'memory') {
      location = resolve(dataDir);
      mkdirSync(location, { recursive: true });
    }
    const db = await PGlite.create(location);
    const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1' });
    await server.start();
    const address = server.getServerConn();
    const port = Number(address.split(':').pop());
    return new EmbeddedPostgres(db, server, `postgresql://postgres@127.0.0.1:${port}/postgres`);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
