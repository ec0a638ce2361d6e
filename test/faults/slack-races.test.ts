import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStore } from '../../core/ports.js';
import { buttonClick, messageEvent, newTs, type SlackHarness, startSlackHarness } from '../slack/support/driver.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';

/**
 * The races of test/core/agent.test.ts through POST /slack/events with signed requests: the same event delivered
 * three times at once, Accept and End clicked together, two agents pressing Update together.
 */
let h: SlackHarness;
let store: CaseStore;
const CUSTOMER = 'UCUSTOMER';

beforeAll(async () => {
  h = await startSlackHarness({ predictor: createScriptedPredictor({ delayMs: 60 }) });
  store = h.server.services.store;
  h.api.addUser({ id: CUSTOMER, name: 'maria', real_name: 'Maria Lopez' });
  h.api.addUser({ id: 'UPRIYA', name: 'priya', real_name: 'Priya Agent' });
  h.api.addUser({ id: 'UOMAR', name: 'omar', real_name: 'Omar Agent' });
});
afterAll(() => h.close());

const workspace = () => h.newWorkspace();

async function openThread(team: string, tenantId: string, text: string) {
  const ts = newTs();
  expect((await h.event(team, messageEvent({ user: CUSTOMER, text, ts }))).status).toBe(200);
  await h.settle();
  const conversation = await store.findConversationByThread(tenantId, 'slack', ts);
  expect(conversation).not.toBeNull();
  return { ts, conversation: conversation! };
}

const cardPostsIn = (ts: string) =>
  h.api.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts || c.args.ts === ts);

describe('races through the Slack endpoint', () => {
  it('the same event delivered 3 times at once: one conversation, one message, one intake card', async () => {
    const { team, tenantId } = await workspace();
    const ts = newTs();
    const event = messageEvent({ user: CUSTOMER, text: 'title="Refund please" category=Billing', ts });
    const statuses = await h.deliverConcurrently(team, event, 'EvSAME1', 3);
    expect(statuses).toEqual([200, 200, 200]);
    // The same message again under other event ids (Slack also sends app_mention and retries after a timeout).
    await Promise.all([h.event(team, event, { eventId: 'EvSAME2' }), h.event(team, event, { eventId: 'EvSAME3' })]);
    await h.settle();
    const conversations = await store.listConversations(tenantId);
    expect(conversations).toHaveLength(1);
    const snap = await store.loadSnapshot(tenantId, conversations[0]!.id);
    expect(snap!.messages.map((m) => m.platformMessageId)).toEqual([ts]);
    expect(cardPostsIn(ts)).toHaveLength(1);
  });

  it('Accept and End clicked at once: one case, a consistent end state', async () => {
    const { team, tenantId } = await workspace();
    const { ts, conversation } = await openThread(team, tenantId, 'title="Parcel late" category="Shipping & delivery"');
    const [accept, end] = await Promise.all([
      h.interact(buttonClick(team, 'UPRIYA', 'autocase_accept', conversation.id, { threadTs: ts })),
      h.interact(buttonClick(team, 'UOMAR', 'autocase_end', conversation.id, { threadTs: ts })),
    ]);
    expect([accept.status, end.status]).toEqual([200, 200]);
    await h.settle();
    const events = await store.listEvents(tenantId, conversation.id);
    expect(events.filter((e) => e.type === 'created')).toHaveLength(1);
    expect(['active', 'wrapUp']).toContain((await store.getConversation(tenantId, conversation.id))!.state);
    const transitions = events.filter((e) => e.type === 'state_changed').map((e) => `${e.data.from}->${e.data.to}`);
    expect(new Set(transitions).size).toBe(transitions.length);
  });

  it('two agents press Update at once: the new value lands once, nothing fails', async () => {
    const { team, tenantId } = await workspace();
    const { ts, conversation } = await openThread(team, tenantId, 'title="Login fails" category="Technical issue"');
    await h.interact(buttonClick(team, 'UPRIYA', 'autocase_accept', conversation.id, { threadTs: ts }));
    await h.settle();
    expect(await store.getCase(tenantId, conversation.id)).not.toBeNull();
    await h.event(team, messageEvent({ user: CUSTOMER, text: 'priority=Urgent', thread_ts: ts, ts: newTs() }));
    await h.settle();
    const [a, b] = await Promise.all([
      h.interact(buttonClick(team, 'UPRIYA', 'autocase_update', conversation.id, { threadTs: ts })),
      h.interact(buttonClick(team, 'UOMAR', 'autocase_update', conversation.id, { threadTs: ts })),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await h.settle();
    expect((await store.getCase(tenantId, conversation.id))!.values.priority?.value).toBe('Urgent');
    const events = await store.listEvents(tenantId, conversation.id);
    expect(events.filter((e) => e.type === 'ai_updated')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'prediction_failed')).toHaveLength(0);
  });
});
