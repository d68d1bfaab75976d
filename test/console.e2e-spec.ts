import { createTestApp, TestApp } from './support/test-app';

/** The console's files as the browser gets them (its behaviour is tested in Chromium, see test/console). */
describe('console assets', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('serves the page without a key, with a policy that forbids other origins', async () => {
    const page = await t.http.get('/console').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<script type="module" src="/console/app/main.js">');
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it('preloads every module the page imports, at any depth, so a first visit fetches them in one round', async () => {
    const page = await t.http.get('/console').expect(200);
    const preloads = [...page.text.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
    // queue-view is imported by main.js, case-contacts by case-view, preact/hooks through the import map
    expect(preloads).toEqual(expect.arrayContaining(['/console/app/queue-view.js', '/console/app/case-contacts.js', '/console/vendor/hooks.mjs']));
    expect(preloads).not.toContain('/console/app/types.js'); // type-only imports leave nothing to load
    expect(new Set(preloads).size).toBe(preloads.length);
    expect(page.text.indexOf('modulepreload')).toBeGreaterThan(page.text.indexOf('type="importmap"'));
    for (const url of preloads) await t.http.get(url).expect(200);
  });

  it('serves the compiled app and the vendored modules, nothing else', async () => {
    const main = await t.http.get('/console/app/main.js').expect(200);
    expect(main.headers['content-type']).toMatch(/javascript/);
    expect(main.text).toContain('/v1/me');
    const preact = await t.http.get('/console/vendor/preact.mjs').expect(200);
    expect(preact.text.length).toBeGreaterThan(1_000);
    await t.http.get('/console/vendor/lodash.mjs').expect(404);
    await t.http.get('/console/app/..%2F..%2Fpackage.json').expect(404);
    await t.http.get('/console/app/missing.js').expect(404);
  });
});
