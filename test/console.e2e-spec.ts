import { createTestApp, TestApp } from './support/test-app';

/** The console's files as the browser gets them (its behaviour is tested in Chromium, see test/console-ui). */
describe('console assets', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('serves the page without a key, with a policy that runs only its own scripts and talks to no other origin', async () => {
    const page = await t.http.get('/console').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<script type="module" src="/console/app/main.js">');
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self';");
  });

  it('loads the app as one bundle: the page names one script and no other module', async () => {
    const page = await t.http.get('/console').expect(200);
    expect([...page.text.matchAll(/<script\b/g)]).toHaveLength(1);
    expect(page.text).not.toMatch(/modulepreload|importmap/);
    const main = await t.http.get('/console/app/main.js').expect(200);
    expect(main.headers['content-type']).toMatch(/javascript/);
    expect(main.text).toContain('/v1/me');
    // preact is inside, and no import is left for the browser to resolve
    expect(main.text).not.toMatch(/\bfrom\s*["']|\bimport\s*\(/);
    // the server's wording, bundled from its own modules
    expect(main.text).toContain('已驳回');
    expect(main.text).not.toContain('已排除');
    const map = await t.http.get('/console/app/main.js.map').expect(200);
    expect(map.headers['content-type']).toMatch(/json/);
  });

  it('serves nothing else', async () => {
    await t.http.get('/console/vendor/preact.mjs').expect(404);
    await t.http.get('/console/app/..%2F..%2Fpackage.json').expect(404);
    await t.http.get('/console/app/missing.js').expect(404);
    await t.http.get('/console/app/queue-view.js').expect(404);
  });
});
