import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStore } from '../../core/ports.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';
import type { TestServer } from '../support/server.js';
import { type TeamsTenantFixture, teamsUser } from '../teams/support/activities.js';
import type { FakeConnector } from '../teams/support/fake-connector.js';
import { startTeamsHarness, type TeamsHarness } from '../teams/support/harness.js';

/**
 * The races of the agent tests (test/core/agent.test.ts), this time through the HTTP endpoint a platform calls: the
 * same delivery three times at once, accept and end clicked together, two agents pressing Update together.
 */
let server: TestServer;
let connector: FakeConnector;
let store: CaseStore;
const predictor = createScriptedPredictor({ delayMs: 60 });
const maria = teamsUser('Maria Lopez');
const priya = teamsUser('Priya Agent');
const omar = teamsUser('Omar Agent');

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({ predictor: predictor });
  ({ server, connector, store } = h);
});

afterAll(() => h?.close());

const newTenant = () => h.newTenant();
const send = (activity: object) => h.send(activity);

async function openThread(t: TeamsTenantFixture, text: string) {
  const root = t.post(maria, text);
  expect((await send(root)).status).toBe(200);
  const conversation = await store.findConversationByThread(t.tenantId, 'teams', root.threadId);
  expect(conversation).not.toBeNull();
  return { root, conversation: conversation! };
}

describe('races through the Teams endpoint', () => {
  it('the same message delivered 3 times at once: one conversation, one message, one intake card', async () => {
    const t = await newTenant();
    const root = t.post(maria, 'title="Refund please" category=Billing');
    const statuses = await Promise.all([send(root), send(root), send(root)]);
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 200]);
    const reply = t.reply(root.threadId, maria, 'email=maria@example.com');
    const replyStatuses = await Promise.all([send(reply), send(reply), send(reply)]);
    expect(replyStatuses.map((s) => s.status)).toEqual([200, 200, 200]);

    const conversations = await store.listConversations(t.tenantId);
    expect(conversations).toHaveLength(1);
    const snap = await store.loadSnapshot(t.tenantId, conversations[0]!.id);
    expect(snap!.messages.map((m) => m.platformMessageId)).toEqual([root.id, reply.id]);
    const posts = connector.callsFor(root.threadId).filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
  });

  it('accept and end clicked at once: one case at most, a consistent end state, no error', async () => {
    const t = await newTenant();
    const { root, conversation } = await openThread(t, 'title="Parcel late" category="Shipping & delivery"');
    const data = { conversationId: conversation.id };
    const [accept, end] = await Promise.all([
      send(t.cardAction(root.threadId, priya, 'autocase.accept', data)),
      send(t.cardAction(root.threadId, priya, 'autocase.end', data)),
    ]);
    expect(accept.status).toBe(200);
    expect(end.status).toBe(200);
    await server.services.jobs.drain();

    const events = await store.listEvents(t.tenantId, conversation.id);
    expect(events.filter((e) => e.type === 'created')).toHaveLength(1);
    const after = await store.getConversation(t.tenantId, conversation.id);
    // Whichever ran first, the other either completed after it or was refused with the state unchanged by it.
    expect(['active', 'wrapUp']).toContain(after!.state);
    const states = events.filter((e) => e.type === 'state_changed').map((e) => `${e.data.from}->${e.data.to}`);
    expect(new Set(states).size).toBe(states.length);
    expect(await store.getCase(t.tenantId, conversation.id)).not.toBeNull();
  });

  it('two agents press Update at once: no lost update, no duplicate work, no error', async () => {
    const t = await newTenant();
    const { root, conversation } = await openThread(t, 'title="Login fails" category="Technical issue"');
    const data = { conversationId: conversation.id };
    expect((await send(t.cardAction(root.threadId, priya, 'autocase.accept', data))).status).toBe(200);
    await server.services.jobs.drain();
    expect(await store.getCase(t.tenantId, conversation.id)).not.toBeNull();

    expect((await send(t.reply(root.threadId, maria, 'priority=Urgent email=m@example.com'))).status).toBe(200);
    const [a, b] = await Promise.all([
      send(t.cardAction(root.threadId, priya, 'autocase.update', data)),
      send(t.cardAction(root.threadId, omar, 'autocase.update', data)),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await server.services.jobs.drain();

    const kase = await store.getCase(t.tenantId, conversation.id);
    expect(kase!.values.priority?.value).toBe('Urgent');
    expect(kase!.values.email?.value).toBe('m@example.com');
    const events = await store.listEvents(t.tenantId, conversation.id);
    // The change was written once; a second run (if it was not collapsed) found nothing new.
    expect(events.filter((e) => e.type === 'ai_updated')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'prediction_failed')).toHaveLength(0);
  });

  it('an agent saves an edit while another presses Update: the manual value and the AI value both land', async () => {
    const t = await newTenant();
    const { root, conversation } = await openThread(t, 'title="Broken screen" category="Technical issue"');
    const data = { conversationId: conversation.id };
    await send(t.cardAction(root.threadId, priya, 'autocase.accept', data));
    await server.services.jobs.drain();
    await send(t.reply(root.threadId, maria, 'priority=High'));
    const [save, update] = await Promise.all([
      send(
        t.cardAction(root.threadId, priya, 'autocase.save', {
          ...data,
          'field.title': 'Cracked screen on arrival',
          'field.category': 'Technical issue',
        }),
      ),
      send(t.cardAction(root.threadId, omar, 'autocase.update', data)),
    ]);
    expect([save.status, update.status]).toEqual([200, 200]);
    await server.services.jobs.drain();
    const kase = await store.getCase(t.tenantId, conversation.id);
    expect(kase!.values.priority?.value).toBe('High');
    // The predictor still reads the original title from the transcript; an AI update overwrites manual values by
    // design (protectManualEdits off) only when its prediction differs, so the final title is one of the two, never
    // a mix, and the audit trail has both writes.
    expect(['Cracked screen on arrival', 'Broken screen']).toContain(kase!.values.title?.value);
    const types = (await store.listEvents(t.tenantId, conversation.id)).map((e) => e.type);
    expect(types).toContain('manually_edited');
  });
});
