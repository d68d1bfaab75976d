import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, EntityList, MIGRATIONS_DIR, runMigrations } from './data-source';
import { EmbeddedPostgres } from './embedded-postgres';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * Applies the committed migrations to a throwaway embedded database and asks TypeORM what the
 * entities still need. Empty means entities and migrations agree.
 */
export async function diffEntitiesAgainstMigrations(entities: EntityList): Promise<SchemaDiff> {
  const embedded = await EmbeddedPostgres.start('memory');
  const dataSource = new DataSource(dataSourceOptions({ url: embedded.url, poolSize: 1, entities }));
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((q) => withParameters(q.query, q.parameters)),
      down: sql.downQueries.map((q) => withParameters(q.query, q.parameters)).reverse(),
    };
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded.stop();
  }
}

function withParameters(query: string, parameters: unknown[] | undefined): string {
  return parameters?.length ? `${query} -- parameters: ${JSON.stringify(parameters)}` : query;
}

/** Writes migrations/<timestamp>-<Name>.ts from a diff; returns its path. */
export function writeMigration(name: string, diff: SchemaDiff, now = Date.now()): string {
  const className = `${name.replace(/[^A-Za-z0-9]/g, '')}${now}`;
  const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(diff.up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(diff.down)}
  }
}
`;
  const path = join(MIGRATIONS_DIR, `${now}-${name}.ts`);
  writeFileSync(path, source);
  return path;
}
