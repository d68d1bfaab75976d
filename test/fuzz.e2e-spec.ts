import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

/**
 * No input gives a 5xx. Every operation of the committed openapi.json is called with parameters and bodies
 * generated from its schema, mixed with hostile values (NUL, lone surrogates, tiny and huge numbers, null, wrong
 * types, deep nesting, other media types), as the shop's integration key and with the ids of real objects.
 * FUZZ_SEED and FUZZ_RUNS (total requests) reproduce or widen a run; a failure lists the requests that caused it.
 * FUZZ_VERBOSE=1 prints the statuses per operation (is the fuzzer getting past validation?), 2 also every 400.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const REQUEST_TIMEOUT_MS = 15_000;

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  example?: unknown;
  default?: unknown;
  allOf?: Schema[];
  oneOf?: Schema[];
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { mediaTypes: string[]; schema?: Schema };
  secured: boolean;
}
interface Call {
  method: string;
  url: string;
  contentType?: string;
  body?: string | Buffer;
  /** another API key, or none */
  auth: 'shop' | 'lead' | 'none' | 'bogus';
  headers?: Record<string, string>;
}
interface Failure {
  call: Call;
  status: number;
  response: string;
}

const openapi = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: Schema }> }; security?: unknown[] }>>;
  components: { schemas: Record<string, Schema> };
};

function operations(): Operation[] {
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content;
      found.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: content ? { mediaTypes: Object.keys(content), schema: Object.values(content)[0]?.schema } : undefined,
        secured: op.security !== undefined,
      });
    }
  }
  return found;
}

function resolve(schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(openapi.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
  return schema;
}

const deep = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'bad\u0000value',
  'x\ud800',
  '\udc00y',
  '\u0007\u001b[31m',
  '😀'.repeat(3),
  'x'.repeat(10_001),
  "'; DROP TABLE reviews; --",
  '%00',
  '0000-01-01 00:00:00',
  '9999-12-31T23:59:59Z',
  '2026-02-30',
  '1e-7',
  '5e-324',
  '1e400',
  '-1',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  'null',
  'true',
  'me',
  '00000000-0000-0000-0000-000000000000',
];
const HOSTILE_HEADERS = [
  '',
  '*',
  'text/html',
  'application/xml',
  'zh-CN;q=abc, en;q=',
  'x'.repeat(4000),
  'gzip',
  'br',
  'deflate',
  'compress',
  'identity',
  '\u00ff\u00fe',
];
const HOSTILE_NUMBERS = [0, -0, -1, 1e-7, 5e-324, 1.5e-300, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, 0.1 + 0.2, 1.005, 123456789.123];
const HOSTILE_VALUES: unknown[] = [null, true, false, [], {}, [null], { '': null }, { '\u0000': 1 }, deep(40), ...HOSTILE_NUMBERS, ...HOSTILE_STRINGS];

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const hostileValue = fc.constantFrom(...HOSTILE_VALUES);

/**
 * A request body or parameter: mostly a well-typed value of the schema (its example, its default or a generated
 * value) with at most one hostile value planted somewhere in it, so that one bad thing reaches deep code at a time.
 */
function valueOf(schema: Schema | undefined): fc.Arbitrary<unknown> {
  return fc
    .tuple(wellTyped(schema, 0), sometimes(0.4, fc.tuple(fc.nat(), fc.oneof(hostileValue, hostileKey))))
    .map(([value, plant]) => (plant ? planted(value, plant[0], plant[1]) : value));
}

/** `arbitrary` with probability p, else null (fc.option's freq is the odds of null, easy to read backwards). */
function sometimes<T>(p: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: Math.round((1 - p) * 100), arbitrary: fc.constant(null) }, { weight: Math.round(p * 100), arbitrary });
}

const HOSTILE_KEY = Symbol('hostile key');
const hostileKey = fc
  .tuple(fc.constantFrom('x\ud800', '\u0000', '__proto__', 'constructor', ''), hostileValue)
  .map(([key, value]) => ({ [HOSTILE_KEY]: key, value }));

/** `value` with the n-th of its nodes (modulo their count) replaced by `hostile`, or given an extra hostile key. */
function planted(value: unknown, n: number, hostile: unknown): unknown {
  const nodes: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((child, i) => (nodes.push({ parent: node, key: i }), walk(child)));
    else if (node && typeof node === 'object')
      for (const [key, child] of Object.entries(node)) {
        nodes.push({ parent: node as Record<string, unknown>, key });
        walk(child);
      }
  };
  const copy = structuredClone(value);
  walk(copy);
  const extraKey = hostile && typeof hostile === 'object' && HOSTILE_KEY in hostile ? (hostile as { [HOSTILE_KEY]: string; value: unknown }) : null;
  if (!nodes.length) return extraKey ? { [extraKey[HOSTILE_KEY]]: extraKey.value } : hostile;
  const at = nodes[n % nodes.length];
  if (extraKey) {
    const target = at.parent;
    if (!Array.isArray(target))
      Object.defineProperty(target, extraKey[HOSTILE_KEY], { value: extraKey.value, enumerable: true, configurable: true, writable: true });
  } else (at.parent as Record<string | number, unknown>)[at.key] = hostile;
  return copy;
}

function wellTyped(raw: Schema | undefined, depth: number): fc.Arbitrary<unknown> {
  const schema = resolve(raw);
  const generated = generatedOf(schema, depth);
  const known = [schema.example, schema.default].filter((v) => v !== undefined);
  return known.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: generated }) : generated;
}

function generatedOf(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.oneOf?.length) return fc.oneof(...schema.oneOf.map((s) => wellTyped(s, depth)));
  switch (schema.type) {
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.oneof(
        { weight: 1, arbitrary: fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e9, noNaN: true }) },
        {
          weight: 3,
          arbitrary: fc.integer({ min: Math.ceil(schema.minimum ?? 0), max: Math.floor(Math.min(schema.maximum ?? 1e6, 1e6)) }).map((n) => n / 100),
        },
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(wellTyped(schema.items, depth + 1), { maxLength: 3 });
    case 'object':
      return depth > 4 ? fc.constant({}) : objectOf(schema, depth + 1);
    case 'string':
      if (schema.format === 'date-time' || schema.format === 'date')
        return fc.date({ min: new Date('1960-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === 'uuid') return fc.uuid();
      return fc.oneof(fc.string({ maxLength: Math.min(schema.maxLength ?? 40, 40) }), fc.string({ unit: 'grapheme', maxLength: 20 }));
    default:
      return fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

const ABSENT = Symbol('absent');

/** What a field's name says that its schema does not: timestamps and ids are plain strings in the document. */
function hinted(name: string, raw: Schema | undefined): fc.Arbitrary<unknown> | null {
  const schema = resolve(raw);
  if (schema.type !== 'string' || schema.enum || schema.format) return null;
  if (/^(from|to|at)$/.test(name))
    return fc
      .date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, name === 'at' ? 19 : 10));
  if (/(At|From|To)$/.test(name)) return fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (name === 'week') return fc.integer({ min: 1, max: 53 }).map((w) => `2026-W${String(w).padStart(2, '0')}`);
  if (name === 'cursor') return fc.constantFrom('', 'eyJ4IjoxfQ', 'not-a-cursor');
  if (name === 'assignee') return fc.oneof(fc.constantFrom('me', 'unassigned'), fc.uuid());
  if (/(^id|Id)$/.test(name) && name !== 'externalId' && name !== 'productId' && name !== 'buyerId' && name !== 'orderId') return fc.uuid();
  if (name === 'currency') return fc.constantFrom('CNY', 'USD');
  return null;
}

function objectOf(schema: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  if (!properties.length) return fc.dictionary(fc.string({ maxLength: 8 }), generatedOf({}, depth), { maxKeys: 3 });
  const required = new Set(schema.required ?? []);
  // optional fields are sent one time in three: with all of them, one is nearly always invalid and the request stops at validation
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of properties) {
    const value = hinted(name, property) ?? wellTyped(property, depth);
    record[name] = required.has(name) ? value : fc.oneof({ weight: 2, arbitrary: fc.constant(ABSENT) }, { weight: 1, arbitrary: value });
  }
  return fc.record(record).map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== ABSENT)));
}

/** Query parameters of the schema, some left out, at most one of them hostile (or repeated), now and then an unknown one. */
function queryString(parameters: Parameter[]): fc.Arbitrary<string> {
  const query = parameters.filter((p) => p.in === 'query');
  const typed = query.map((p) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: (hinted(p.name, p.schema) ?? wellTyped(p.schema, 3)).map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))),
      },
    ),
  );
  const plant = sometimes(
    0.3,
    fc.tuple(
      fc.nat(),
      fc.oneof(
        hostileString.map((v) => [v]),
        fc.array(hostileString, { minLength: 2, maxLength: 3 }),
      ),
    ),
  );
  const extra = sometimes(0.1, fc.constantFrom('unknown=1', 'limit[a]=1', 'cursor=%00', 'x=%ED%A0%80', 'a=%', 'from[]=1&from[]=2', 'limit=1e2'));
  return fc.tuple(fc.tuple(...typed), plant, extra).map(([values, planted, more]) => {
    const chosen: Array<string[] | null> = values.map((v) => (v === null ? null : [v]));
    if (planted && query.length) chosen[planted[0] % query.length] = planted[1];
    const parts = query.flatMap((p, i) => (chosen[i] ?? []).map((v) => `${p.name}=${percentEncode(v)}`));
    if (more) parts.push(more);
    return parts.length ? `?${parts.join('&')}` : '';
  });
}

const JSON_BODY_VARIANTS = fc.constantFrom('json', 'json', 'json', 'json', 'json', 'json', 'text', 'none', 'deep', 'scalar', 'badUtf8', 'malformed');

function bodyOf(op: Operation): fc.Arbitrary<Pick<Call, 'contentType' | 'body'>> {
  if (!op.body) return sometimes(0.1, fc.constant({ contentType: 'application/json', body: '{"unexpected":true}' })).map((b) => b ?? {});
  if (op.body.mediaTypes.includes('text/csv')) {
    const cell = fc.oneof(hostileString, fc.string({ maxLength: 10 }), fc.constantFrom('5', '1e-7', '59.9', '2026-11-01 10:00:00', 'taobao'));
    const headers = 'platform,externalId,rating,reviewedAt,orderAmount,content';
    return fc.tuple(fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 4 }), fc.boolean()).map(([rows, quoted]) => ({
      contentType: 'text/csv',
      body: [headers, ...rows.map((row) => row.map((c) => (quoted ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join('\n'),
    }));
  }
  const schema = resolve(op.body.schema);
  return fc.tuple(JSON_BODY_VARIANTS, valueOf(schema), hostileValue).map(([variant, value, hostile]) => {
    switch (variant) {
      case 'text':
        return { contentType: 'text/plain', body: JSON.stringify(value) ?? 'null' };
      case 'none':
        return { body: JSON.stringify(value) ?? 'null' };
      case 'deep':
        return { contentType: 'application/json', body: `${'['.repeat(5000)}${']'.repeat(5000)}` };
      case 'scalar':
        return { contentType: 'application/json', body: JSON.stringify(hostile) ?? 'null' };
      case 'badUtf8':
        return { contentType: 'application/json', body: Buffer.concat([Buffer.from('{"content":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]) };
      case 'malformed':
        return { contentType: 'application/json', body: (JSON.stringify(value) ?? '').slice(0, -1) };
      default:
        return { contentType: 'application/json', body: JSON.stringify(value) ?? 'null' };
    }
  });
}

describe('fuzz: no request gives a 5xx', () => {
  let t: TestApp;
  let shop: TestShop;
  const ids: Record<string, string[]> = {};
  let lead: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    shop = await t.createShop('Fuzz shop');
    const buyerId = `fuzz-${randomUUID().slice(0, 8)}`;
    const reviewIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await t.http
        .post('/v1/reviews')
        .set(shop.auth)
        .send(reviewInput({ buyerId, rating: 1, content: '质量太差，要退款，不然给差评' }));
      reviewIds.push(created.body.review.id);
    }
    const staff = await t.http.post('/v1/staff').set(shop.auth).send({ name: 'Fuzz lead', role: 'lead' }).expect(201);
    const leadKey = await t.http.post(`/v1/staff/${staff.body.id}/api-keys`).set(shop.auth).send({}).expect(201);
    // the staff member the fuzzer may deactivate: never the one whose key it uses
    const target = await t.http.post('/v1/staff').set(shop.auth).send({ name: 'Fuzz agent', role: 'agent' }).expect(201);
    lead = { Authorization: `Bearer ${leadKey.body.key}` };
    // a key the fuzzer may revoke: never the one it authenticates with
    const spare = await t.http.post('/v1/api-keys').set(shop.auth).send({ name: 'spare' });
    const template = await t.http.post('/v1/reply-templates').set(shop.auth).send({ part: 'feel', language: 'zh-Hans', text: '我们理解您的感受' });
    const cases = await eventually(
      async () => {
        const list = await t.http.get('/v1/cases').set(shop.auth).expect(200);
        return list.body.items.length ? (list.body.items as Array<{ id: string }>) : undefined;
      },
      20_000,
      'cases of the seeded bad reviews',
    );
    const reviewers = await t.http.get('/v1/reviewers').set(shop.auth).expect(200);
    const reply = await t.http.post(`/v1/reviews/${reviewIds[0]}/replies`).set(shop.auth).send({});
    const replies = await t.http.get('/v1/replies').set(shop.auth);
    const report = await t.http.get('/v1/reports/weekly').set(shop.auth);
    const reports = await t.http.get('/v1/reports').set(shop.auth);
    const collect = (...values: unknown[]) => values.filter((v): v is string => typeof v === 'string');
    ids.reviews = reviewIds;
    ids.cases = cases.map((c) => c.id);
    ids.staff = [target.body.id];
    ids['api-keys'] = collect(spare.body?.id);
    ids['reply-templates'] = collect(template.body?.id);
    ids.reviewers = (reviewers.body.items ?? []).map((r: { id: string }) => r.id);
    ids.replies = collect(reply.body?.id, ...((replies.body?.items ?? []) as Array<{ id: string }>).map((r) => r.id));
    ids.reports = collect(report.body?.id, ...((reports.body?.items ?? []) as Array<{ id: string }>).map((r) => r.id));
    if (process.env.FUZZ_VERBOSE) process.stderr.write(`fuzz ids: ${JSON.stringify(Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v.length])))}\n`);
  }, 60_000);
  afterAll(async () => t?.close());

  it(`answers ${TOTAL_RUNS} generated requests (seed ${SEED}) with no 5xx`, async () => {
    const ops = operations();
    const runsPerOp = Math.max(1, Math.round(TOTAL_RUNS / ops.length));
    // each of these starts background work (training, reclassifying every review, a report): a few calls find what there is to find
    const costly = new Set(['POST /v1/classifier/retrain', 'POST /v1/classifier/reclassify', 'GET /v1/reports/weekly', 'GET /v1/reports']);
    const failures: Failure[] = [];
    const statuses: Record<string, Record<number, number>> = {};
    const started = Date.now();
    let sent = 0;

    for (const [index, op] of ops.entries()) {
      const resource = op.path.split('/')[2] ?? '';
      const known = ids[resource] ?? [];
      const pathValue = fc.oneof(
        { weight: 4, arbitrary: known.length ? fc.constantFrom(...known) : fc.uuid() },
        { weight: 2, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: hostileString },
      );
      const call = fc
        .record({
          path: fc.tuple(...op.parameters.filter((p) => p.in === 'path').map(() => pathValue)),
          query: queryString(op.parameters),
          body: bodyOf(op),
          headers: sometimes(
            0.15,
            fc.dictionary(fc.constantFrom('Accept', 'Accept-Language', 'Content-Encoding', 'X-Request-Id'), fc.constantFrom(...HOSTILE_HEADERS), {
              maxKeys: 2,
            }),
          ),
          auth: fc.constantFrom<Call['auth']>('shop', 'shop', 'shop', 'shop', 'shop', 'lead', 'lead', 'lead', 'none', 'bogus'),
        })
        .map(({ path, query, body, auth, headers }): Call => {
          let i = 0;
          const url = op.path.replace(/\{[^}]+\}/g, () => percentEncode(String(path[i++])));
          return { method: op.method, url: `${url}${query}`, auth, ...body, ...(headers ? { headers } : {}) };
        });

      await fc.assert(
        fc.asyncProperty(call, async (c) => {
          sent += 1;
          const { status, text } = await send(t, c.auth === 'lead' ? lead : c.auth === 'shop' ? shop.auth : undefined, c);
          const counts = (statuses[`${op.method} ${op.path}`] ??= {});
          counts[status] = (counts[status] ?? 0) + 1;
          if (process.env.FUZZ_VERBOSE === '2' && status === 400) process.stderr.write(`400 ${c.method} ${c.url.slice(0, 200)} ${text.slice(0, 300)}\n`);
          if (status >= 500) failures.push({ call: c, status, response: text.slice(0, 300) });
        }),
        { seed: SEED + index, numRuns: costly.has(`${op.method} ${op.path}`) ? Math.min(runsPerOp, 8) : runsPerOp, endOnFailure: true },
      );
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`fuzz: ${sent} requests over ${ops.length} operations in ${seconds} s (FUZZ_SEED=${SEED}, FUZZ_RUNS=${TOTAL_RUNS})\n`);
    if (process.env.FUZZ_VERBOSE)
      process.stderr.write(
        `${Object.entries(statuses)
          .map(([op, counts]) => `${op} ${JSON.stringify(counts)}`)
          .join('\n')}\n`,
      );
    expect(failures.map(describeFailure)).toEqual([]);
  }, 300_000);

  it('answers each field of each body and each query parameter set to each hostile value, one at a time, with no 5xx', async () => {
    const failures: Failure[] = [];
    let sent = 0;
    const started = Date.now();
    const hostile: unknown[] = [null, 1e-7, 5e-324, 1e308, -1, 'x\ud800', 'a\u0000b', '', [], {}, true, '0000-01-01 00:00:00', deep(40)];
    const hostileQuery = ['\u0000', '5e-324', '1e400', 'abc', '-1', '', '0000-01-01', 'x'.repeat(300)];
    for (const op of operations()) {
      const url = op.path.replace(/\{[^}]+\}/g, () => ids[op.path.split('/')[2] ?? '']?.[0] ?? randomUUID());
      const calls: Call[] = [];
      const schema = op.body?.mediaTypes.includes('application/json') ? resolve(op.body.schema) : null;
      const base = schema ? baseOf(schema) : null;
      for (const field of Object.keys(base ?? {})) {
        for (const value of hostile) {
          calls.push({ method: op.method, url, auth: 'shop', contentType: 'application/json', body: JSON.stringify({ ...base, [field]: value }) });
        }
      }
      for (const p of op.parameters.filter((q) => q.in === 'query')) {
        for (const value of hostileQuery) calls.push({ method: op.method, url: `${url}?${p.name}=${percentEncode(value)}`, auth: 'shop' });
      }
      for (const c of calls) {
        sent += 1;
        const { status, text } = await send(t, shop.auth, c);
        if (status >= 500) failures.push({ call: c, status, response: text.slice(0, 300) });
      }
    }
    process.stderr.write(`fuzz sweep: ${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    expect(failures.map(describeFailure)).toEqual([]);
  }, 300_000);
});

/** A plausible body of the schema: each field's example or default, else the simplest value of its type. */
function baseOf(schema: Schema): Record<string, unknown> {
  const base: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    const property = resolve(raw);
    base[name] =
      property.example ??
      property.default ??
      property.enum?.[0] ??
      ({ integer: property.minimum ?? 1, number: property.minimum ?? 1, boolean: true, array: [], object: {} } as Record<string, unknown>)[
        property.type ?? ''
      ] ??
      'x';
  }
  return base;
}

/** encodeURIComponent throws on a lone surrogate; this writes its UTF-8 replacement, as a sloppy client would. */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

async function send(t: TestApp, auth: { Authorization: string } | undefined, call: Call): Promise<{ status: number; text: string }> {
  let request = t.http[call.method.toLowerCase() as 'get'](call.url);
  if (auth) request = request.set(auth);
  if (call.auth === 'bogus') request = request.set('Authorization', 'Bearer rrs_\u00ff');
  if (call.contentType) request = request.set('Content-Type', call.contentType);
  for (const [name, value] of Object.entries(call.headers ?? {})) request = request.set(name, value);
  if (call.body !== undefined) request = request.send(call.body);
  try {
    const response = await request.ok(() => true).timeout(REQUEST_TIMEOUT_MS);
    return { status: response.status, text: response.text ?? '' };
  } catch (error) {
    // no answer at all is as bad as a 5xx: report it with the request rather than hang the suite
    return { status: 599, text: `no response within ${REQUEST_TIMEOUT_MS} ms: ${String(error)}` };
  }
}

function describeFailure(f: Failure): string {
  const body = call(f.call.body);
  const headers = f.call.headers ? `, ${JSON.stringify(f.call.headers).slice(0, 200)}` : '';
  return `${f.status} ← ${f.call.method} ${f.call.url} [auth ${f.call.auth}${f.call.contentType ? `, ${f.call.contentType}` : ''}${headers}] ${body} → ${f.response}`;
}

function call(body: Call['body']): string {
  if (body === undefined) return '(no body)';
  const text = Buffer.isBuffer(body) ? `<bytes ${body.toString('hex').slice(0, 80)}>` : body;
  return JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…` : text);
}
