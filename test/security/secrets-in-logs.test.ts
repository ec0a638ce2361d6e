import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaygroundAdapter } from '../../bots/playground/index.js';
import { createSlackAdapter, type SlackAdapter } from '../../bots/slack/index.js';
import { slackTenantId } from '../../bots/slack/tenants.js';
import { teamsAdapter } from '../../bots/teams/index.js';
import { playgroundClient } from '../playground/support/client.js';
import { completion, type FakeOpenAi, failure, startFakeOpenAi } from '../predict/llm/fake-openai.js';
import { buttonClick, messageEvent, newTs, randomTeam, sign } from '../slack/support/driver.js';
import { type FakeSlackApi, startFakeSlackApi } from '../slack/support/fake-slack-api.js';
import { uniqueTenantId } from '../support/db.js';
import { TEST_FIELDS } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sendActivity, teamsTenant, teamsUser } from '../teams/support/activities.js';
import { type FakeConnector, startFakeConnector } from '../teams/support/fake-connector.js';

/**
 * After a full flow on every platform at the default (info) level, the server's logs hold no secret and no customer
 * text: not the bot token, the signing secret, the Teams client secret or the LLM key, not the words of a message,
 * an email address or a phone number.
 */
const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-secretbottoken',
  SLACK_SIGNING_SECRET: 'signing-secret-5f3a9c0e7d',
  OPENAI_API_KEY: 'sk-live-secret-apikey-77aa',
};
const CUSTOMER_TEXT = 'Zanzibar-lighthouse refund for order 88231';
const EMAIL = 'quentin.private@example.org';
const PHONE = '+1 415 555 0199';

let slackApi: FakeSlackApi;
let connector: FakeConnector;
let llm: FakeOpenAi;
let server: TestServer;
let teamsProd: TestServer;
let slack: SlackAdapter;

beforeAll(async () => {
  slackApi = await startFakeSlackApi();
  connector = await startFakeConnector();
  llm = await startFakeOpenAi();
  // The LLM fails first (its failure is logged), then answers garbage (also logged): both paths must stay clean.
  llm.script(failure(500), failure(500), failure(500));
  llm.otherwise(completion('not json at all'));
  slack = createSlackAdapter();
  slackApi.addUser({ id: 'UCUSTOMER', name: 'quentin', real_name: 'Quentin Private' });
  slackApi.addUser({ id: 'UAGENT', name: 'priya', real_name: 'Priya Agent' });
  server = await startTestServer({
    env: {
      ...SECRETS,
      SLACK_API_URL: slackApi.apiUrl,
      AUTOCASE_TEAMS_TEST_MODE: '1',
      AUTOCASE_PREDICTOR: 'llm',
      OPENAI_BASE_URL: llm.baseURL,
      AUTOCASE_LLM_TIMEOUT_MS: '500',
      AUTOCASE_LLM_MAX_RETRIES: '0',
    },
    adapters: [slack, teamsAdapter, createPlaygroundAdapter({ tenantId: uniqueTenantId('playground') })],
    logLevel: 'info',
  });
  // Teams with real credentials: every request here is refused, which is logged too.
  teamsProd = await startTestServer({
    env: {
      CLIENT_ID: '00000000-0000-4000-8000-00000000b07d',
      CLIENT_SECRET: 'teams-client-secret-9d8c7b',
      TENANT_ID: '00000000-0000-4000-8000-0000000000aa',
    },
    adapters: [teamsAdapter],
    logLevel: 'info',
  });
});

afterAll(async () => {
  await server?.close();
  await teamsProd?.close();
  await slackApi?.close();
  await connector?.close();
  await llm?.close();
});

async function slackPost(body: string, contentType: string) {
  const ts = Math.floor(Date.now() / 1000);
  return fetch(`${server.url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sign(body, ts, SECRETS.SLACK_SIGNING_SECRET),
    },
    body,
  });
}

async function slackFlow() {
  const team = randomTeam();
  const tenantId = slackTenantId(team);
  await server.services.store.ensureTenant({ id: tenantId, platform: 'slack' });
  await server.services.store.setFields(tenantId, TEST_FIELDS);
  const ts = newTs();
  const event = (e: Record<string, unknown>) =>
    JSON.stringify({
      team_id: team,
      type: 'event_callback',
      event_id: `Ev${newTs()}`,
      event: { event_ts: e.ts, ...e },
    });
  await slackPost(
    event(messageEvent({ user: 'UCUSTOMER', text: `${CUSTOMER_TEXT}, mail ${EMAIL}`, ts })),
    'application/json',
  );
  await slack.idle();
  await slackPost(
    event(messageEvent({ user: 'UCUSTOMER', text: `call me on ${PHONE}`, thread_ts: ts, ts: newTs() })),
    'application/json',
  );
  await slack.idle();
  const conversation = await server.services.store.findConversationByThread(tenantId, 'slack', ts);
  expect(conversation).not.toBeNull();
  for (const action of ['autocase_accept', 'autocase_update', 'autocase_end']) {
    const payload = buttonClick(team, 'UAGENT', action, conversation!.id, { threadTs: ts });
    const res = await slackPost(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(200);
    await slack.idle();
    await server.services.jobs.drain();
    await slack.idle();
  }
  const command = new URLSearchParams({
    command: '/autocase',
    text: `settings phoneRegion ${EMAIL}`,
    team_id: team,
    user_id: 'UCUSTOMER',
    channel_id: 'C1',
  });
  await slackPost(command.toString(), 'application/x-www-form-urlencoded');
  await slack.idle();
  // A request with a wrong signature is logged as refused, not with what it carried.
  await fetch(`${server.url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
      'x-slack-signature': 'v0=00',
    },
    body: event(messageEvent({ user: 'UCUSTOMER', text: CUSTOMER_TEXT })),
  });
}

async function teamsFlow() {
  const t = teamsTenant(connector.url);
  await server.services.store.ensureTenant({ id: t.tenantId, platform: 'teams' });
  await server.services.store.setFields(t.tenantId, TEST_FIELDS);
  const customer = teamsUser('Quentin Private');
  const root = t.post(customer, `${CUSTOMER_TEXT}, mail ${EMAIL}`);
  await sendActivity(server.url, root);
  await sendActivity(server.url, t.reply(root.threadId, customer, `call me on ${PHONE}`));
  const conversation = await server.services.store.findConversationByThread(t.tenantId, 'teams', root.threadId);
  for (const verb of ['accept', 'update', 'end']) {
    await sendActivity(
      server.url,
      t.cardAction(root.threadId, teamsUser('Priya'), `autocase.${verb}`, { conversationId: conversation!.id }),
    );
    await server.services.jobs.drain();
  }
  // Outside test mode an activity without a valid Bot Framework token is refused and stores nothing.
  const forged = t.post(customer, `${CUSTOMER_TEXT} ${EMAIL}`);
  expect((await sendActivity(teamsProd.url, forged)).status).toBe(401);
  const badToken = t.post(customer, CUSTOMER_TEXT);
  expect(
    (await sendActivity(teamsProd.url, badToken, { authorization: `Bearer ${SECRETS.OPENAI_API_KEY}` })).status,
  ).toBe(401);
  for (const post of [forged, badToken]) {
    expect(await teamsProd.services.store.findConversationByThread(t.tenantId, 'teams', post.threadId)).toBeNull();
  }
}

async function playgroundFlow() {
  const api = playgroundClient(server.url);
  const created = await api.post('/conversations', { text: `${CUSTOMER_TEXT}, mail ${EMAIL}` });
  expect(created.status).toBe(201);
  const id = created.body.conversation.id as string;
  expect(
    (await api.post(`/conversations/${id}/messages`, { text: `call me on ${PHONE}`, role: 'customer' })).status,
  ).toBe(201);
  const accepted = await api.post(`/conversations/${id}/actions`, {
    verb: 'autocase.accept',
    data: { conversationId: id },
  });
  expect(accepted.status).toBeLessThan(300);
  await server.services.jobs.drain();
}

describe('logs at info level after a full flow', () => {
  it('hold no secret and no customer text', async () => {
    await slackFlow();
    await teamsFlow();
    await playgroundFlow();
    const logs = [...server.logs, ...teamsProd.logs].join('\n');
    // The flows did run and log (otherwise this test proves nothing).
    expect(server.logs.length).toBeGreaterThan(5);
    expect(llm.requests.length).toBeGreaterThan(0);
    for (const [name, secret] of Object.entries({ ...SECRETS, CLIENT_SECRET: 'teams-client-secret-9d8c7b' })) {
      expect(logs.includes(secret), `${name} in logs`).toBe(false);
    }
    for (const [name, text] of Object.entries({ CUSTOMER_TEXT, EMAIL, PHONE, words: 'Zanzibar', order: '88231' })) {
      expect(logs.includes(text), `${name} in logs`).toBe(false);
    }
    expect(logs.includes('Quentin')).toBe(false);
  }, 60_000);
});
