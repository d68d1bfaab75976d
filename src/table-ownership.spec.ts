import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * One owner per table (docs/architecture.md, "Table ownership"): only the owning folder writes a table; others
 * read it, or call what the owner exports. This reads the source of src/ for raw SQL writes (INSERT INTO, UPDATE,
 * DELETE FROM) and TypeORM repository writes, and fails on a write outside the owner.
 */
const OWNERS: Record<string, string> = {
  shops: 'shops',
  api_keys: 'shops',
  staff_members: 'shops',
  reviews: 'reviews',
  review_revisions: 'reviews',
  platform_rule_overrides: 'reviews',
  review_grade_counts: 'reports',
  classifier_models: 'classification',
  tag_corrections: 'classification',
  reviewer_profiles: 'reviewers',
  reviewer_decisions: 'reviewers',
  reviewer_contact_outcomes: 'reviewers',
  reviewer_risk_settings: 'reviewers',
  recovery_cases: 'recovery',
  recovery_case_events: 'recovery',
  recovery_contacts: 'recovery',
  recovery_settings: 'recovery',
  reply_drafts: 'replies',
  reply_templates: 'replies',
  remedy_policies: 'replies',
  reply_settings: 'replies',
  webhook_deliveries: 'replies',
  reports: 'reports',
  report_events: 'reports',
  compliance_overrides: 'compliance',
  corrective_actions: 'compliance',
  outbox_events: 'events',
  event_subscriptions: 'events',
  event_deliveries: 'events',
  deployment: 'jobs',
  alerts: 'alerts',
  alert_settings: 'alerts',
};

const SRC = __dirname;
const WRITE_METHODS = 'save|insert|update|delete|upsert|remove|increment|decrement|softDelete';

interface SourceFile {
  path: string;
  folder: string;
  text: string;
}

function sources(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): SourceFile[] => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'web' && dir.endsWith('console') ? [] : sources(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    const rel = relative(SRC, path);
    return [{ path: rel, folder: rel.includes(sep) ? rel.split(sep)[0]! : '(root)', text: readFileSync(path, 'utf8') }];
  });
}

const FILES = sources(SRC);

/** entity class name -> table, from @Entity('table') ... export class Name */
const ENTITY_TABLES = new Map<string, { table: string; folder: string }>(
  FILES.flatMap((file) =>
    [...file.text.matchAll(/@Entity\(\s*'(\w+)'[^)]*\)[\s\S]*?export class (\w+)/g)].map((m) => [m[2]!, { table: m[1]!, folder: file.folder }] as const),
  ),
);

interface Write {
  file: string;
  table: string;
  how: string;
}

/** The writes of one file's text: raw SQL, and TypeORM writes on an entity's repository or through a manager. */
function writesIn(path: string, text: string): Write[] {
  const writes: Write[] = [];
  const add = (table: string | undefined, how: string) => {
    if (table) writes.push({ file: path, table, how });
  };
  const tableOf = (entity: string) => ENTITY_TABLES.get(entity)?.table;
  for (const m of text.matchAll(/\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(\w+)/g)) {
    if (m[2]! in OWNERS) add(m[2], m[1]!.replace(/\s+/, ' '));
  }
  for (const m of text.matchAll(/@InjectRepository\((\w+)\)\s*(?:private|protected|public)?\s*(?:readonly\s+)?(\w+)/g)) {
    if (new RegExp(`this\\.${m[2]}\\.(${WRITE_METHODS})\\(`).test(text)) add(tableOf(m[1]!), `repository ${m[2]}`);
  }
  for (const m of text.matchAll(new RegExp(`getRepository(?:<\\w+>)?\\((['"]?)(\\w+)\\1\\)\\s*\\.(${WRITE_METHODS})\\(`, 'g'))) {
    add(tableOf(m[2]!), `getRepository(${m[2]}).${m[3]}`);
  }
  for (const m of text.matchAll(new RegExp(`\\.(${WRITE_METHODS})\\(\\s*(?:\\w+\\.create\\()?(\\w+)\\s*,`, 'g'))) {
    add(tableOf(m[2]!), `${m[1]}(${m[2]})`);
  }
  for (const m of text.matchAll(/\.into\((\w+)\)|createQueryBuilder\(\)\s*\.(?:update|delete)\((\w+)\)/g)) {
    add(tableOf((m[1] ?? m[2])!), 'query builder');
  }
  return writes;
}

describe('table ownership', () => {
  it('knows the owner of every entity table, and it is the folder that declares the entity', () => {
    for (const [entity, { table, folder }] of ENTITY_TABLES) {
      expect({ entity, table, owner: OWNERS[table] }).toEqual({ entity, table, owner: folder });
    }
  });

  it('finds the writes it looks for (raw SQL, repositories, managers)', () => {
    const sample = `
      await db.query(\`UPDATE reviews SET tags = $1\`);
      await manager.save(manager.create(RecoveryContact, { shopId }));
      await manager.getRepository(ReviewerProfile).update({ id }, { status });
      const x = \`SELECT id FROM reviews FOR UPDATE SKIP LOCKED\`;
      const y = \`INSERT INTO reports (id) VALUES ($1) ON CONFLICT DO UPDATE SET id = EXCLUDED.id\`;`;
    expect(writesIn('sample.ts', sample).map((w) => w.table)).toEqual(['reviews', 'reports', 'reviewer_profiles', 'recovery_contacts']);
  });

  it('has no folder writing a table it does not own', () => {
    const foreign = FILES.flatMap((file) => writesIn(file.path, file.text).filter((w) => OWNERS[w.table] !== file.folder));
    expect(foreign).toEqual([]);
  });
});
