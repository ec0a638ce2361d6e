import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaygroundAdapter } from '../../bots/playground/index.js';
import { teamsAdapter } from '../../bots/teams/index.js';
import { DomainError } from '../../core/errors.js';
import type { CaseStore } from '../../core/ports.js';
import { playgroundClient } from '../playground/support/client.js';
import { uniqueTenantId } from '../support/db.js';
import { TEST_FIELDS } from '../support/fixtures.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sendActivity, type TeamsTenantFixture, teamsTenant, teamsUser } from '../teams/support/activities.js';
import { type FakeConnector, startFakeConnector } from '../teams/support/fake-connector.js';

/**
 * Tenant B can never read or change tenant A, whichever door it knocks on: Teams activities, the playground API, the
 * admin commands, or the store and agent themselves when handed A's ids.
 */
let server: TestServer;
let connector: FakeConnector;
let store: CaseStore;
const playgroundTenant = uniqueTenantId('playground');
const adminB = teamsUser('Bea Admin');
const maria = teamsUser('Maria Lopez');
const priya = teamsUser('Priya Agent');

let a: TeamsTenantFixture;
let aThread: string;
let aConversationId: string;

async function stateOfA() {
  const snap = await store.loadSnapshot(a.tenantId, aConversationId);
  return {
    snap,
    events: await store.listEvents(a.tenantId, aConversationId),
    fields: await store.getFields(a.tenantId),
    settings: await store.getSettings(a.tenantId),
  };
}

beforeAll(async () => {
  connector = await startFakeConnector();
  server = await startTestServer({
    env: { AUTOCASE_TEAMS_TEST_MODE: '1', AUTOCASE_ADMINS: adminB.aadObjectId },
    adapters: [teamsAdapter, createPlaygroundAdapter({ tenantId: playgroundTenant })],
    overrides: { predictor: createScriptedPredictor() },
  });
  store = server.services.store;

  a = teamsTenant(connector.url);
  await store.ensureTenant({ id: a.tenantId, platform: 'teams' });
  await store.setFields(a.tenantId, TEST_FIELDS);
  const root = a.post(maria, 'title="Tenant A secret case" category=Billing email=a@example.com');
  aThread = root.threadId;
  expect((await sendActivity(server.url, root)).status).toBe(200);
  aConversationId = (await store.findConversationByThread(a.tenantId, 'teams', aThread))!.id;
  await sendActivity(server.url, a.cardAction(aThread, priya, 'autocase.accept', { conversationId: aConversationId }));
  await server.services.jobs.drain();
  expect(await store.getCase(a.tenantId, aConversationId)).not.toBeNull();
});

afterAll(async () => {
  await server?.close();
  await connector?.close();
});

/** Tenant B's activities, addressed at tenant A's thread and conversation. */
function tenantBAimingAtA() {
  const b = teamsTenant(connector.url);
  const rebase = <T extends { conversation: Record<string, unknown>; channelData: Record<string, unknown> }>(x: T) => ({
    ...x,
    conversation: { ...x.conversation, id: aThread },
    channelData: { ...x.channelData, channel: { id: a.channelId, name: 'General' }, team: { id: a.teamId } },
  });
  return { b, rebase };
}

describe('through Teams', () => {
  it("every card action of tenant B on tenant A's conversation is refused and changes nothing", async () => {
    const before = await stateOfA();
    const callsBefore = connector.callsFor(aThread).length;
    const { b, rebase } = tenantBAimingAtA();
    for (const verb of ['accept', 'update', 'end', 'undo', 'close', 'save', 'create', 'edit', 'refresh']) {
      const click = rebase(
        b.cardAction(aThread, priya, `autocase.${verb}`, {
          conversationId: aConversationId,
          'field.title': 'Overwritten by B',
          'field.category': 'Billing',
        }),
      );
      const res = await sendActivity(server.url, click);
      const status = (res.body as { statusCode?: number } | null)?.statusCode ?? res.status;
      expect(status, verb).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(res.body)).not.toContain('Tenant A secret case');
    }
    await server.services.jobs.drain();
    expect(await stateOfA()).toEqual(before);
    expect(connector.callsFor(aThread).length).toBe(callsBefore);
  });

  it("tenant B posting into a thread with A's ids gets its own conversation, never A's", async () => {
    const before = await stateOfA();
    const { b, rebase } = tenantBAimingAtA();
    const reply = rebase(b.reply(aThread, teamsUser('Mallory'), 'title="Injected" category=Billing'));
    expect((await sendActivity(server.url, reply)).status).toBe(200);
    expect(await stateOfA()).toEqual(before);
    expect(await store.findConversationByThread(b.tenantId, 'teams', aThread)).toBeNull();
  });

  it("tenant B's admin changes B's fields and settings only", async () => {
    const before = await stateOfA();
    const b = teamsTenant(connector.url);
    for (const command of ['settings protectManualEdits on', 'agents add @Maria Lopez', 'settings phoneRegion GB']) {
      expect((await sendActivity(server.url, b.command(adminB, command, [maria]))).status).toBe(200);
    }
    expect((await store.getSettings(b.tenantId)).protectManualEdits).toBe(true);
    expect(await stateOfA()).toEqual(before);
  });
});

describe('through the playground API', () => {
  it("does not show or act on another tenant's conversation", async () => {
    const before = await stateOfA();
    const api = playgroundClient(server.url);
    expect((await api.get(`/conversations/${aConversationId}`)).status).toBe(404);
    expect(
      (await api.post(`/conversations/${aConversationId}/messages`, { text: 'hi', role: 'customer' })).status,
    ).toBe(404);
    for (const verb of ['accept', 'update', 'end', 'close', 'save']) {
      const res = await api.post(`/conversations/${aConversationId}/actions`, {
        verb: `autocase.${verb}`,
        data: { conversationId: aConversationId, 'field.title': 'Overwritten' },
      });
      expect(res.status, verb).toBe(404);
    }
    const list = await api.get('/conversations');
    expect(list.text).not.toContain(aConversationId);
    expect(list.text).not.toContain('Tenant A secret case');
    const fields = await api.put('/admin/fields', { fields: [{ key: 'only', label: 'Only', type: 'text' }] });
    expect(fields.status).toBe(200);
    await server.services.jobs.drain();
    expect(await stateOfA()).toEqual(before);
  });
});

describe('through the store and the agent', () => {
  it("every read with tenant B's id and A's conversation id finds nothing", async () => {
    const b = uniqueTenantId('other');
    await store.ensureTenant({ id: b, platform: 'teams' });
    expect(await store.getConversation(b, aConversationId)).toBeNull();
    expect(await store.loadSnapshot(b, aConversationId)).toBeNull();
    expect(await store.getCase(b, aConversationId)).toBeNull();
    expect(await store.listEvents(b, aConversationId)).toEqual([]);
    expect(await store.findConversationByThread(b, 'teams', aThread)).toBeNull();
    expect((await store.listConversations(b)).map((c) => c.id)).not.toContain(aConversationId);
  });

  it("every write with tenant B's id on A's conversation is refused or does nothing", async () => {
    const before = await stateOfA();
    const b = uniqueTenantId('other');
    await store.ensureTenant({ id: b, platform: 'teams' });
    const msg = {
      role: 'customer' as const,
      author: { id: 'x', name: 'Mallory' },
      text: 'injected',
      platformMessageId: 'm1',
    };
    await expect(store.appendMessage(b, aConversationId, msg)).rejects.toBeInstanceOf(DomainError);
    const firstMessage = before.snap!.messages[0]!.platformMessageId;
    expect(await store.editMessage(b, aConversationId, firstMessage, 'rewritten')).toBe(false);
    expect(await store.deleteMessage(b, aConversationId, firstMessage)).toBe(false);
    await store.setCardRef(b, aConversationId, 'stolen');
    await expect(store.withConversation(b, aConversationId, async () => 'ran')).rejects.toBeInstanceOf(DomainError);
    const actor = { id: 'x', name: 'Mallory' };
    const agent = server.services.agent;
    await expect(agent.accept(b, aConversationId, actor)).rejects.toBeInstanceOf(DomainError);
    await expect(agent.updateFromConversation(b, aConversationId, actor)).rejects.toBeInstanceOf(DomainError);
    await expect(agent.editCase(b, aConversationId, actor, { title: 'x' })).rejects.toBeInstanceOf(DomainError);
    await expect(agent.end(b, aConversationId, actor)).rejects.toBeInstanceOf(DomainError);
    await expect(agent.close(b, aConversationId, actor)).rejects.toBeInstanceOf(DomainError);
    const outcome = await server.services.cases
      .handle({ tenantId: b, conversationId: aConversationId, action: 'update', actor })
      .catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(DomainError);
    expect(await stateOfA()).toEqual(before);
  });
});
