import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadServerConfig } from '../../bots/config.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe('the HTTP server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers /healthz with 200 while the database is reachable', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('answers unknown paths with a JSON 404, not a stack trace', async () => {
    const res = await fetch(`${server.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not found' });
  });
});

describe('server configuration', () => {
  it('defaults to port 3978 and embedded PGlite in ./.autocase', () => {
    const config = loadServerConfig({});
    expect(config).toMatchObject({ port: 3978, databaseUrl: undefined, dataDir: './.autocase', playground: true });
  });

  it('refuses a bad value with a message naming it', () => {
    expect(() => loadServerConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadServerConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('reads admins as a comma list', () => {
    expect(loadServerConfig({ AUTOCASE_ADMINS: 'U1, U2,,' }).admins).toEqual(['U1', 'U2']);
  });
});
