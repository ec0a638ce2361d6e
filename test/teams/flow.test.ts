import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCardRef } from '../../bots/teams/card-ref.js';
import type { CaseStore } from '../../core/ports.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';
import type { TestServer } from '../support/server.js';
import { type TeamsTenantFixture, teamsUser } from './support/activities.js';
import type { FakeConnector } from './support/fake-connector.js';
import { startTeamsHarness, type TeamsHarness } from './support/harness.js';

let server: TestServer;
let connector: FakeConnector;
let store: CaseStore;

const maria = teamsUser('Maria Lopez');
const priya = teamsUser('Priya Agent');

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({ predictor: createScriptedPredictor() });
  ({ server, connector, store } = h);
});

afterAll(() => h?.close());

const newTenant = () => h.newTenant();
const send = (activity: object) => h.send(activity);

/** Text of every TextBlock and the verbs of every action, to assert on what a person sees and can press. */
function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'TextBlock' && typeof record.text === 'string') out.push(record.text);
      if (typeof record.verb === 'string') out.push(`[${record.verb}]`);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return out.join('\n');
}

function invokeCard(res: { status: number; body: Record<string, unknown> | null }) {
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return res.body!.value as Record<string, unknown>;
}

function postedCard(threadId: string) {
  const post = connector.callsFor(threadId).find((c) => c.method === 'POST');
  expect(post).toBeDefined();
  return (post!.body as { attachments: Array<{ content: unknown }> }).attachments[0]!.content;
}

function putsFor(threadId: string) {
  return connector.callsFor(threadId).filter((c) => c.method === 'PUT');
}

function lastPutCard(threadId: string) {
  const put = putsFor(threadId).at(-1);
  expect(put).toBeDefined();
  const body = put!.body as { attachments: Array<{ contentType: string; content: unknown }> };
  expect(body.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return body.attachments[0]!.content;
}

async function conversationOf(t: TeamsTenantFixture, threadId: string) {
  const c = await store.findConversationByThread(t.tenantId, 'teams', threadId);
  expect(c).not.toBeNull();
  return c!;
}

beforeEach(() => {
  connector.failNextCalls(0);
});

describe('Teams channel conversation, end to end over HTTP', () => {
  it('opens a conversation from a channel post and answers in its thread with the intake card', async () => {
    const t = await newTenant();
    const post = t.post(maria, '<p>My invoice is <b>wrong</b> &amp; late</p>');

    const res = await send(post);

    expect(res.status).toBe(200);
    const posts = connector.callsFor(post.threadId).filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.path).toBe(`/v3/conversations/${post.threadId}/activities`);
    const card = postedCard(post.threadId);
    expect(cardText(card)).toContain('My invoice is wrong & late');
    expect(cardText(card)).toContain('[autocase.accept]');

    const conversation = await conversationOf(t, post.threadId);
    expect(conversation).toMatchObject({ state: 'open', platform: 'teams', customer: { id: maria.aadObjectId } });
    expect(parseCardRef(conversation.cardRef)).toEqual({
      serviceUrl: connector.url,
      conversationId: post.threadId,
      activityId: expect.stringMatching(/^bot-activity-/),
    });

    // Replies in the thread join the conversation; a redelivered post stores nothing twice and posts no second card.
    await send(t.reply(post.threadId, maria, 'Order 1234, paid twice'));
    await send(post);
    const snap = await store.loadSnapshot(t.tenantId, conversation.id);
    expect(snap!.messages.map((m) => m.text)).toEqual(['My invoice is wrong & late', 'Order 1234, paid twice']);
    expect(connector.callsFor(post.threadId).filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('Accept creates the case, Update shows the AI banner, Undo, Edit/Save validated, End', async () => {
    const t = await newTenant();
    const post = t.post(maria, 'title="Charged twice" category=Billing');
    await send(post);
    const conversation = await conversationOf(t, post.threadId);
    const data = { conversationId: conversation.id };

    // Accept: the clicker gets "Filling fields…" at once; the job updates the posted message with the case card.
    const accepted = invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.accept', data)));
    expect(cardText(accepted)).toContain('Filling fields');
    await server.services.jobs.drain();
    const caseCard = cardText(lastPutCard(post.threadId));
    expect(caseCard).toContain('Charged twice');
    expect(caseCard).toContain('[autocase.update]');
    expect(await conversationOf(t, post.threadId)).toMatchObject({
      state: 'active',
      assignedAgent: { id: priya.aadObjectId },
    });
    expect((await store.getCase(t.tenantId, conversation.id))?.values.title?.value).toBe('Charged twice');

    // The agent's reply is an agent message; the customer's correction feeds the update.
    await send(t.reply(post.threadId, priya, 'Looking into it'));
    await send(t.reply(post.threadId, maria, 'title="Charged twice in March"'));
    const snap = await store.loadSnapshot(t.tenantId, conversation.id);
    expect(snap!.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer']);

    const putsBefore = putsFor(post.threadId).length;
    invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.update', data)));
    await server.services.jobs.drain();
    expect(putsFor(post.threadId).length).toBe(putsBefore + 1);
    expect(cardText(lastPutCard(post.threadId))).toContain('Updated using AI: Title');
    // Refresh (what Teams sends for a stale card) answers the current card, banner included, and updates nothing.
    const refreshed = invokeCard(await send(t.cardAction(post.threadId, maria, 'autocase.refresh', data)));
    expect(cardText(refreshed)).toContain('Updated using AI: Title');
    expect(cardText(refreshed)).toContain('Charged twice in March');
    expect(putsFor(post.threadId).length).toBe(putsBefore + 1);

    // Undo is quick: answered with the restored card and pushed to the message at once.
    const undone = invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.undo', data)));
    expect(cardText(undone)).toContain('The last AI update was undone.');
    expect(putsFor(post.threadId).length).toBe(putsBefore + 2);
    expect((await store.getCase(t.tenantId, conversation.id))?.values.title?.value).toBe('Charged twice');

    // Edit: an inline form for the clicker only.
    const form = invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.edit', data)));
    expect(JSON.stringify(form)).toContain('"id":"field.email"');
    expect(cardText(form)).toContain('[autocase.save]');
    expect(putsFor(post.threadId).length).toBe(putsBefore + 2);

    // Save with bad values: errors on the card, what was typed kept, nothing written, message untouched.
    const badSave = {
      ...data,
      'field.title': 'Charged twice',
      'field.category': 'Billing',
      'field.email': 'not-an-email',
      'field.dueDate': '2026-13-45',
    };
    const refused = invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.save', badSave)));
    expect(cardText(refused)).toContain('Please fix the highlighted fields.');
    expect(JSON.stringify(refused)).toContain('"id":"error-email"');
    expect(JSON.stringify(refused)).toContain('not-an-email');
    expect((await store.getCase(t.tenantId, conversation.id))?.values.email).toBeUndefined();
    expect(putsFor(post.threadId).length).toBe(putsBefore + 2);

    // Save with good values: written as manual, answered and pushed to everyone.
    const goodSave = { ...badSave, 'field.email': 'Maria@Example.com', 'field.dueDate': '2026-12-01' };
    const saved = invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.save', goodSave)));
    expect(cardText(saved)).toContain('maria@example.com');
    expect(putsFor(post.threadId).length).toBe(putsBefore + 3);
    expect((await store.getCase(t.tenantId, conversation.id))?.values.email).toMatchObject({
      value: 'maria@example.com',
      source: 'manual',
    });

    // End: wrap-up, case kept.
    invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.end', data)));
    await server.services.jobs.drain();
    expect((await conversationOf(t, post.threadId)).state).toBe('wrapUp');
    expect(cardText(lastPutCard(post.threadId))).toContain('Wrap-up');
  });

  it('Accept without enough context creates nothing and says what is missing; End creates the case', async () => {
    const t = await newTenant();
    const post = t.post(maria, 'Hi, something is wrong with my order');
    await send(post);
    const conversation = await conversationOf(t, post.threadId);
    const data = { conversationId: conversation.id };

    invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.accept', data)));
    await server.services.jobs.drain();
    expect(cardText(lastPutCard(post.threadId))).toContain('Not enough context yet: missing Title, Category');
    expect(await store.getCase(t.tenantId, conversation.id)).toBeNull();

    await send(t.reply(post.threadId, maria, 'title="Parcel never arrived" category="Shipping & delivery"'));
    invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.end', data)));
    await server.services.jobs.drain();

    const kase = await store.getCase(t.tenantId, conversation.id);
    expect(kase?.values.title?.value).toBe('Parcel never arrived');
    expect((await conversationOf(t, post.threadId)).state).toBe('wrapUp');
    expect(cardText(lastPutCard(post.threadId))).toContain('Parcel never arrived');
  });

  it('creates a case by hand from the pending card (validated), then End and Close', async () => {
    const t = await newTenant();
    const post = t.post(maria, 'Something odd happened');
    await send(post);
    const conversation = await conversationOf(t, post.threadId);
    const data = { conversationId: conversation.id };
    await send(t.cardAction(post.threadId, priya, 'autocase.accept', data));
    await server.services.jobs.drain();

    const form = invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.create', data)));
    expect(cardText(form)).toContain('[autocase.save]');
    expect(JSON.stringify(form)).toContain('"intent":"create"');

    const create = { ...data, intent: 'create', 'field.category': 'Billing' };
    const refused = invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.save', create)));
    expect(JSON.stringify(refused)).toContain('"id":"error-title"');
    expect(await store.getCase(t.tenantId, conversation.id)).toBeNull();

    const created = invokeCard(
      await send(t.cardAction(post.threadId, priya, 'autocase.save', { ...create, 'field.title': 'Odd thing' })),
    );
    expect(cardText(created)).toContain('Odd thing');
    expect((await store.getCase(t.tenantId, conversation.id))?.values.title).toMatchObject({
      value: 'Odd thing',
      source: 'manual',
    });
    expect(cardText(lastPutCard(post.threadId))).toContain('Odd thing');

    await send(t.cardAction(post.threadId, priya, 'autocase.end', data));
    await server.services.jobs.drain();
    const closed = invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.close', data)));
    expect((await conversationOf(t, post.threadId)).state).toBe('closed');
    expect(cardText(closed)).not.toContain('[autocase.');

    // A save from a form left open before the close is refused on the card, and nothing is written.
    const late = invokeCard(
      await send(t.cardAction(post.threadId, priya, 'autocase.save', { ...data, 'field.title': 'Too late' })),
    );
    expect(cardText(late)).toContain('This conversation is closed.');
    expect((await store.getCase(t.tenantId, conversation.id))?.values.title?.value).toBe('Odd thing');
  });

  it('a "Filling fields…" card refreshes to itself until the queued action decided, then to the result', async () => {
    const t = await newTenant();
    const post = t.post(maria, 'title="Slow one" category=Billing');
    await send(post);
    const conversation = await conversationOf(t, post.threadId);
    const data = { conversationId: conversation.id };

    const filling = invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.accept', data)));
    const refresh = (filling.refresh as { action: { verb: string; data: Record<string, unknown> } }).action;
    expect(refresh.verb).toBe('autocase.refresh');
    expect(refresh.data).toMatchObject({ conversationId: conversation.id, fillingAfter: 0 });
    await server.services.jobs.drain();

    // Asked with the mark of a moment ago: the accept has decided since, so the result comes back.
    const done = invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.refresh', refresh.data)));
    expect(cardText(done)).toContain('Slow one');
    expect(cardText(done)).not.toContain('Filling fields');

    // Nothing decided since the mark (and it is recent): still filling. An old mark no longer holds the card.
    const events = (await store.listEvents(t.tenantId, conversation.id)).length;
    const pending = { ...data, fillingAfter: events, fillingAt: Date.now() };
    const still = invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.refresh', pending)));
    expect(cardText(still)).toContain('Filling fields');
    const stale = { ...pending, fillingAt: Date.now() - 10 * 60_000 };
    expect(
      cardText(invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.refresh', stale)))),
    ).not.toContain('Filling fields');
  });

  it('a refused action comes back on the card with the reason; nothing changes, the message is untouched', async () => {
    const t = await newTenant();
    const post = t.post(maria, 'title="Login fails" category=Billing');
    await send(post);
    const conversation = await conversationOf(t, post.threadId);
    const data = { conversationId: conversation.id };
    await send(t.cardAction(post.threadId, priya, 'autocase.accept', data));
    await server.services.jobs.drain();
    const putsBefore = putsFor(post.threadId).length;

    const refused = invokeCard(await send(t.cardAction(post.threadId, priya, 'autocase.close', data)));

    expect(cardText(refused)).toContain('End the conversation before closing it.');
    expect((await conversationOf(t, post.threadId)).state).toBe('active');
    expect(putsFor(post.threadId).length).toBe(putsBefore);

    const unknown = await send(t.cardAction(post.threadId, priya, 'autocase.nonsense', data));
    expect(unknown.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });

  it('keeps tenants apart: tenant B cannot act on tenant A’s conversation, even with its id', async () => {
    const a = await newTenant();
    const b = await newTenant();
    const postA = a.post(maria, 'title="Tenant A problem" category=Billing');
    await send(postA);
    const convA = await conversationOf(a, postA.threadId);

    const postB = b.post(maria, 'Tenant B question');
    await send(postB);
    const res = await send(b.cardAction(postB.threadId, priya, 'autocase.accept', { conversationId: convA.id }));

    expect(res.body).toMatchObject({ statusCode: 404, type: 'application/vnd.microsoft.error' });
    await server.services.jobs.drain();
    expect(await conversationOf(a, postA.threadId)).toMatchObject({ state: 'open', assignedAgent: null });
    expect(await store.findConversationByThread(b.tenantId, 'teams', postA.threadId)).toBeNull();
    expect(await store.getConversation(b.tenantId, convA.id)).toBeNull();
  });

  it('refuses a card copied into another channel of the same tenant', async () => {
    const t = await newTenant();
    const post = t.post(maria, 'title="Copied card" category=Billing');
    await send(post);
    const conversation = await conversationOf(t, post.threadId);
    const action = t.cardAction('19:other-channel@thread.tacv2;messageid=1', priya, 'autocase.accept', {
      conversationId: conversation.id,
    });

    const res = await send(action);

    expect(res.body).toMatchObject({ statusCode: 403 });
    expect((await conversationOf(t, post.threadId)).state).toBe('open');
  });

  it('opens a conversation with the escalation a self-service bot hands over in channelData.supportEscalation', async () => {
    const t = await newTenant();
    const helpBot = { ...teamsUser('HelpBot'), id: '28:helpbot' };
    const post = t.post(helpBot, 'Handing over to a person', {
      from: { id: helpBot.id, name: 'HelpBot', role: 'bot' },
      channelData: {
        tenant: { id: t.entraTenantId },
        team: { id: t.teamId },
        channel: { id: t.channelId },
        supportEscalation: {
          bot: 'HelpBot',
          summary: 'Parcel late, customer wants a refund',
          values: { category: 'shipping & DELIVERY' },
        },
      },
    });

    await send(post);

    const conversation = await conversationOf(t, post.threadId);
    expect(conversation.escalation).toEqual({
      bot: 'HelpBot',
      summary: 'Parcel late, customer wants a refund',
      values: { category: 'shipping & DELIVERY' },
    });
    const card = postedCard(post.threadId);
    expect(cardText(card)).toContain('Parcel late, customer wants a refund');

    // The same shape under `value` works too; a malformed one is ignored with a log line and the message kept.
    const viaValue = t.post(maria, 'I need help', {
      value: { supportEscalation: { summary: 'From a card submit', values: {} } },
    });
    await send(viaValue);
    expect((await conversationOf(t, viaValue.threadId)).escalation).toEqual({
      summary: 'From a card submit',
      values: {},
    });
    const bad = t.post(maria, 'Broken handover', { value: { supportEscalation: { values: 'category=Billing' } } });
    await send(bad);
    const kept = await conversationOf(t, bad.threadId);
    expect(kept.escalation).toBeNull();
    expect((await store.loadSnapshot(t.tenantId, kept.id))!.messages[0]!.text).toBe('Broken handover');
    expect(server.logs.join('\n')).toContain('escalation data ignored');
  });

  it('reflects edited and deleted messages, and keeps attachment-only posts', async () => {
    const t = await newTenant();
    const post = t.post(maria, 'title="Typo" category=Billing');
    await send(post);
    const reply = t.reply(post.threadId, maria, 'my email is maria@exampel.com');
    await send(reply);
    await send(t.reply(post.threadId, maria, '', { attachments: [{ contentType: 'image/png', name: 'receipt.png' }] }));
    await send(t.reply(post.threadId, maria, '   '));

    await send({
      ...reply,
      type: 'messageUpdate',
      text: 'my email is maria@example.com',
      channelData: { ...reply.channelData, eventType: 'editMessage' },
    });
    await send({
      ...post,
      type: 'messageDelete',
      channelData: { ...post.channelData, eventType: 'softDeleteMessage' },
    });

    const conversation = await conversationOf(t, post.threadId);
    const snap = await store.loadSnapshot(t.tenantId, conversation.id);
    expect(snap!.messages.map((m) => [m.text, m.deleted])).toEqual([
      ['title="Typo" category=Billing', true],
      ['my email is maria@example.com', false],
      ['[attachment: receipt.png]', false],
    ]);
  });

  it('retries a flaky Bot Connector when posting the intake card', async () => {
    const t = await newTenant();
    connector.failNextCalls(1);
    const post = t.post(maria, 'Flaky connector');

    await send(post);

    const conversation = await conversationOf(t, post.threadId);
    expect(parseCardRef(conversation.cardRef)).not.toBeNull();
    expect(connector.callsFor(post.threadId).filter((c) => c.method === 'POST')).toHaveLength(2);
  });

  it('hands the intake card to the job queue when the Bot Connector stays down, and posts it once it is back', async () => {
    const t = await newTenant();
    connector.failNextCalls(3);
    const post = t.post(maria, 'Connector down');

    expect((await send(post)).status).toBe(200);
    await server.services.jobs.drain();

    const conversation = await conversationOf(t, post.threadId);
    expect(parseCardRef(conversation.cardRef)).not.toBeNull();
    const posts = connector.callsFor(post.threadId).filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(4);
    // A redelivery of the post afterwards posts nothing more.
    await send(post);
    await server.services.jobs.drain();
    expect(connector.callsFor(post.threadId).filter((c) => c.method === 'POST')).toHaveLength(4);
  });
});
