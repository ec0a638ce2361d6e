import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsAdapter } from '../../bots/teams/index.js';
import type { FieldDefinition } from '../../core/types.js';
import { answer, completion, type FakeOpenAi, failure, startFakeOpenAi } from '../predict/llm/fake-openai.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sendActivity, teamsTenant, teamsUser } from '../teams/support/activities.js';
import { type FakeConnector, startFakeConnector } from '../teams/support/fake-connector.js';
import { freePort } from './support/private-postgres.js';

/**
 * The LLM endpoint fails in every way it can, under the real server and the Teams endpoint: the chat keeps working,
 * the prediction falls back to the offline predictor (or is retried), and the card tells the agent what happened.
 */
const FIELDS: FieldDefinition[] = [
  { key: 'title', label: 'Title', type: 'text', required: true, aiManaged: true },
  { key: 'email', label: 'Email', type: 'email', required: false, aiManaged: true },
];
const API_KEY = 'sk-test-llm-outage-4f9a1c';
const FALLBACK_BANNER = 'The AI service was unavailable';

let fake: FakeOpenAi;
let connector: FakeConnector;
let server: TestServer;
let downServer: TestServer;

const llmEnv = (baseURL: string) => ({
  AUTOCASE_TEAMS_TEST_MODE: '1',
  AUTOCASE_PREDICTOR: 'llm',
  OPENAI_BASE_URL: baseURL,
  OPENAI_API_KEY: API_KEY,
  AUTOCASE_LLM_TIMEOUT_MS: '400',
  AUTOCASE_LLM_MAX_RETRIES: '1',
});

beforeAll(async () => {
  fake = await startFakeOpenAi();
  connector = await startFakeConnector();
  server = await startTestServer({ env: llmEnv(fake.baseURL), adapters: [teamsAdapter] });
  // Nothing listens on this port: the endpoint is down.
  downServer = await startTestServer({
    env: llmEnv(`http://127.0.0.1:${await freePort()}/v1`),
    adapters: [teamsAdapter],
  });
});

afterAll(async () => {
  await server?.close();
  await downServer?.close();
  await connector?.close();
  await fake?.close();
});

async function acceptThrough(target: TestServer) {
  const t = teamsTenant(connector.url);
  await target.services.store.ensureTenant({ id: t.tenantId, platform: 'teams' });
  await target.services.store.setFields(t.tenantId, FIELDS);
  const maria = teamsUser('Maria Lopez');
  const root = t.post(maria, 'I was charged twice for my order 12345, please refund the duplicate payment');
  expect((await sendActivity(target.url, root)).status).toBe(200);
  // The chat keeps working whatever the LLM does: messages are stored as they come.
  const reply = t.reply(root.threadId, maria, 'You can reach me at maria@example.com');
  expect((await sendActivity(target.url, reply)).status).toBe(200);
  const conversation = await target.services.store.findConversationByThread(t.tenantId, 'teams', root.threadId);
  expect(conversation).not.toBeNull();

  const click = t.cardAction(root.threadId, teamsUser('Priya Agent'), 'autocase.accept', {
    conversationId: conversation!.id,
  });
  const res = await sendActivity(target.url, click);
  expect(res.status).toBe(200);
  await target.services.jobs.drain();
  const puts = connector.callsFor(root.threadId).filter((c) => c.method === 'PUT');
  const card = JSON.stringify(puts.at(-1)?.body ?? null);
  const kase = await target.services.store.getCase(t.tenantId, conversation!.id);
  const events = await target.services.store.listEvents(t.tenantId, conversation!.id);
  const messages = (await target.services.store.loadSnapshot(t.tenantId, conversation!.id))!.messages;
  return { card, kase, events, messages };
}

function expectFallback(outcome: Awaited<ReturnType<typeof acceptThrough>>, reason: RegExp) {
  expect(outcome.messages).toHaveLength(2);
  // The offline predictor filled the case…
  expect(outcome.kase?.values.title?.value).toMatch(/charged twice/i);
  expect(outcome.kase?.values.email?.value).toBe('maria@example.com');
  // …the audit trail says why…
  const created = outcome.events.find((e) => e.type === 'created');
  expect(created?.data.fallback).toMatchObject({ reason: expect.stringMatching(reason) });
  // …and so does the card everyone sees.
  expect(outcome.card).toContain(FALLBACK_BANNER);
}

describe('LLM endpoint failures through the real server', () => {
  it('endpoint down: falls back to the offline predictor and the card says so', async () => {
    expectFallback(await acceptThrough(downServer), /.+/);
  });

  it('slower than the timeout: falls back, and the card says so', async () => {
    fake.otherwise({
      ...completion(answer(FIELDS, { title: { value: 'Too late', confidence: 0.9 } })),
      delayMs: 3_000,
    });
    expectFallback(await acceptThrough(server), /.+/);
  });

  it('429 on every attempt: retried, then falls back, and the card says so', async () => {
    const before = fake.requests.length;
    fake.otherwise(failure(429));
    expectFallback(await acceptThrough(server), /.+/);
    // One retry after the first 429 (AUTOCASE_LLM_MAX_RETRIES=1), then the fallback.
    expect(fake.requests.length - before).toBeGreaterThanOrEqual(2);
  });

  it('garbage instead of JSON: falls back, and the card says so', async () => {
    fake.otherwise({ status: 200, body: '{"choices": [ this is not json' });
    expectFallback(await acceptThrough(server), /.+/);
  });

  it('unusable model output: falls back, and the card says so', async () => {
    fake.otherwise(completion('Sure! The title is probably about a refund.'));
    expectFallback(await acceptThrough(server), /unusable/);
  });

  it('one 429 then an answer: retried, the LLM answer is used, no fallback banner', async () => {
    fake.otherwise(null);
    fake.script(
      failure(429),
      completion(answer(FIELDS, { title: { value: 'Double charge on order 12345', confidence: 0.95, evidence: [1] } })),
    );
    const outcome = await acceptThrough(server);
    expect(outcome.kase?.values.title?.value).toBe('Double charge on order 12345');
    expect(outcome.events.find((e) => e.type === 'created')?.data.fallback ?? null).toBeNull();
    expect(outcome.card).not.toContain(FALLBACK_BANNER);
  });

  it('never logs the API key', () => {
    expect([...server.logs, ...downServer.logs].join('\n')).not.toContain(API_KEY);
  });
});
