import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../bots/config.js';
import { loadTeamsConfig } from '../../bots/teams/config.js';
import { teamsAdapter } from '../../bots/teams/index.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sendActivity, teamsTenant, teamsUser } from './support/activities.js';
import { type FakeConnector, startFakeConnector } from './support/fake-connector.js';

const CREDENTIALS = {
  CLIENT_ID: '00000000-0000-4000-8000-00000000b07d',
  CLIENT_SECRET: 'not-a-real-secret',
  TENANT_ID: '00000000-0000-4000-8000-0000000000aa',
};

describe('Teams with credentials (production mode)', () => {
  let server: TestServer;
  let connector: FakeConnector;
  const previous = process.env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS;

  beforeAll(async () => {
    connector = await startFakeConnector();
    // The SDK reads this variable when not told otherwise; autocase always tells it, so it must have no effect.
    process.env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS = 'true';
    try {
      server = await startTestServer({ env: CREDENTIALS, adapters: [teamsAdapter] });
    } finally {
      if (previous === undefined) delete process.env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS;
      else process.env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS = previous;
    }
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  it('starts without touching the network: no token is fetched, nothing is logged as an error', () => {
    expect(server.lines.join('\n')).toContain('/api/messages');
    expect(server.lines.join('\n')).not.toContain('TEST MODE');
    const errors = server.logs.filter((l) => JSON.parse(l).level >= 50);
    expect(errors).toEqual([]);
  });

  it('refuses an activity without a Bot Framework token (401) and stores nothing', async () => {
    const t = teamsTenant(connector.url);
    const post = t.post(teamsUser('Mallory'), 'title="forged" category=Billing');

    const res = await sendActivity(server.url, post);

    expect(res.status).toBe(401);
    expect(await server.services.store.findConversationByThread(t.tenantId, 'teams', post.threadId)).toBeNull();
    expect(connector.calls).toEqual([]);
  });

  it('refuses a malformed bearer token (401)', async () => {
    const t = teamsTenant(connector.url);
    const post = t.post(teamsUser('Mallory'), 'hello');

    const res = await sendActivity(server.url, post, { authorization: 'Bearer not-a-jwt' });

    expect(res.status).toBe(401);
    expect(await server.services.store.findConversationByThread(t.tenantId, 'teams', post.threadId)).toBeNull();
  });
});

describe('Teams configuration', () => {
  it('is off without CLIENT_ID or the test flag: /api/messages does not exist', async () => {
    const server = await startTestServer({ adapters: [teamsAdapter] });
    try {
      const res = await sendActivity(server.url, { type: 'message', text: 'hi' });
      expect(res.status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('refuses test mode when NODE_ENV=production, with a message naming it', () => {
    const env = { AUTOCASE_TEAMS_TEST_MODE: '1', NODE_ENV: 'production' };
    expect(() => loadTeamsConfig(env)).toThrow(ConfigError);
    // The adapter asks at start-up, so the server refuses to start rather than serve unauthenticated.
    expect(() => teamsAdapter.enabled({ config: { env } } as never)).toThrow(/AUTOCASE_TEAMS_TEST_MODE/);
  });

  it('reads the SDK variable names and refuses half-configured credentials', () => {
    expect(loadTeamsConfig({ ...CREDENTIALS, SERVICE_URL: 'http://127.0.0.1:9/' })).toEqual({
      clientId: CREDENTIALS.CLIENT_ID,
      clientSecret: CREDENTIALS.CLIENT_SECRET,
      tenantId: CREDENTIALS.TENANT_ID,
      serviceUrl: 'http://127.0.0.1:9',
      testMode: false,
    });
    expect(loadTeamsConfig({}).testMode).toBe(false);
    expect(loadTeamsConfig({ AUTOCASE_TEAMS_TEST_MODE: '0' }).testMode).toBe(false);
    expect(() => loadTeamsConfig({ CLIENT_SECRET: 'x' })).toThrow(/CLIENT_ID is missing/);
    expect(() => loadTeamsConfig({ SERVICE_URL: 'smba.example' })).toThrow(/SERVICE_URL/);
  });
});
