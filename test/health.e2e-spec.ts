import { createTestApp, TestApp } from './support/test-app';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('reports the database and the queue up, without an API key', async () => {
    const response = await t.http.get('/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.database).toMatchObject({ status: 'up', mode: t.config.embeddedDatabase ? 'embedded' : 'postgres' });
    expect(response.body.queue).toMatchObject({ status: 'up', mode: t.config.inProcessJobs ? 'in-process' : 'redis' });
  });
});
