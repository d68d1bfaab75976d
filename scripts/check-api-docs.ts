import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * npm run docs:check-api
 *
 * Keeps docs/api/ and openapi.json in step: every operation (method + path) of openapi.json is named on exactly one
 * page of docs/api/, and every API path a page names (`/v1/...`, `/health`) exists in openapi.json. Pages write
 * operations as "GET /v1/reviews/{id}" (":id" is read the same); a page may name its own operations as often as it
 * likes, and link to another page for someone else's. Exits 1 with the list of problems.
 */
const ROOT = resolve(__dirname, '..');
const DOCS = join(ROOT, 'docs', 'api');
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;

interface OpenApi {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], unknown>>>;
}

/** "/v1/reviews/:id" and "/v1/reviews/{reviewId}" both become ["v1", "reviews", "{}"] */
function segments(path: string): string[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') || /^\{[^}]*\}$/.test(segment) ? '{}' : segment));
}

/** The openapi path a mentioned path stands for: literal segments win over parameters (/v1/reports/weekly over /v1/reports/{id}). */
function resolvePath(mentioned: string, known: string[][]): string | null {
  const wanted = segments(mentioned);
  let best: { path: string[]; literals: number } | null = null;
  for (const path of known) {
    if (path.length !== wanted.length) continue;
    let literals = 0;
    let fits = true;
    for (let i = 0; i < path.length && fits; i++) {
      if (path[i] === wanted[i]) literals += path[i] === '{}' ? 0 : 1;
      else if (path[i] !== '{}') fits = false;
    }
    if (fits && (!best || literals > best.literals)) best = { path, literals };
  }
  return best ? `/${best.path.join('/')}` : null;
}

// a path starts at /v1/ or is /health, and ends before a query string, a quote, a backtick, a bracket or punctuation
const PATH = String.raw`(\/v1\/[A-Za-z0-9_{}:\/.-]*[A-Za-z0-9_}]|\/health\b)`;
const OPERATION = new RegExp(String.raw`\b(GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS)\s+` + PATH, 'g');
const ANY_PATH = new RegExp(PATH, 'g');

function main(): void {
  const openapi = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8')) as OpenApi;
  const known = Object.keys(openapi.paths).map(segments);
  const operations = new Map<string, Set<string>>();
  for (const [path, item] of Object.entries(openapi.paths)) {
    for (const method of METHODS) {
      if (item[method]) operations.set(`${method.toUpperCase()} /${segments(path).join('/')}`, new Set());
    }
  }

  const problems: string[] = [];
  const pages = readdirSync(DOCS)
    .filter((name) => name.endsWith('.md'))
    .sort();
  for (const page of pages) {
    const lines = readFileSync(join(DOCS, page), 'utf8').split('\n');
    lines.forEach((line, index) => {
      const where = `docs/api/${page}:${index + 1}`;
      for (const match of line.matchAll(ANY_PATH)) {
        if (!resolvePath(match[1], known)) problems.push(`${where}: ${match[1]} is not a path of openapi.json`);
      }
      for (const match of line.matchAll(OPERATION)) {
        const path = resolvePath(match[2], known);
        if (!path) continue; // reported above
        const operation = `${match[1]} ${path}`;
        const pagesNaming = operations.get(operation);
        if (!pagesNaming) problems.push(`${where}: ${match[1]} ${match[2]} is not an operation of openapi.json`);
        else pagesNaming.add(page);
      }
    });
  }

  for (const [operation, pagesNaming] of operations) {
    if (pagesNaming.size === 0) problems.push(`${operation}: on no page of docs/api`);
    else if (pagesNaming.size > 1)
      problems.push(`${operation}: on ${pagesNaming.size} pages (${[...pagesNaming].join(', ')}); name it on one and link there from the others`);
  }

  if (problems.length) {
    process.stderr.write(`docs/api and openapi.json disagree (${problems.length}):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`docs/api: ${operations.size} operations of openapi.json, each on one page of ${pages.length}\n`);
}

main();
