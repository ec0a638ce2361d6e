import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaygroundAdapter, playgroundAdapter } from '../../bots/playground/index.js';
import { renderAdaptiveCard } from '../../cards/adaptive/index.js';
import { renderBlockKit } from '../../cards/blockkit/index.js';
import type { CaseView } from '../../core/view.js';
import { testStore, uniqueTenantId } from '../support/db.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { playgroundClient } from './support/client.js';
import { type EventStream, openEventStream } from './support/sse.js';

interface Card {
  conversationId: string;
  seq: number;
  mode: 'view' | 'edit';
  view: CaseView;
  adaptive: ReturnType<typeof renderAdaptiveCard>;
  blockKit: ReturnType<typeof renderBlockKit>;
  notice: string | null;
  error: string | null;
}

let server: TestServer;
let client: ReturnType<typeof playgroundClient>;
let stream: EventStream;
const tenantId = uniqueTenantId('playground');

beforeAll(async () => {
  server = await startTestServer({
    adapters: [createPlaygroundAdapter({ tenantId })],
    overrides: { predictor: createScriptedPredictor() },
  });
  client = playgroundClient(server.url);
  stream = await openEventStream(`${server.url}/playground/api/events`);
});
afterAll(async () => {
  stream?.close();
  await server?.close();
});

/** The card the background job published after a slow action (the first one without "Filling fields…"). */
async function settled(conversationId: string, after: number): Promise<Card> {
  const event = await stream.next((e) => {
    const card = (e.data as { card?: Card }).card;
    return (
      e.event === 'card' &&
      card?.conversationId === conversationId &&
      card.seq > after &&
      !card.view.banners.some((b) => b.kind === 'filling')
    );
  });
  return (event.data as { card: Card }).card;
}

async function act(conversationId: string, action: string, extra: Record<string, unknown> = {}) {
  return client.post(`/conversations/${conversationId}/actions`, {
    verb: `autocase.${action}`,
    data: { conversationId, ...extra },
  });
}

/** What the Teams/playground edit form sends: every input, as typed strings, with some changed. */
function formData(view: CaseView, changes: Record<string, string>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of view.fields) data[`field.${f.key}`] = f.value === null ? '' : String(f.value);
  for (const [key, value] of Object.entries(changes)) data[`field.${key}`] = value;
  return data;
}

const bannerKinds = (card: Card) => card.view.banners.map((b) => b.kind);

describe('the playground page', () => {
  it('prints the URL to open and serves the page, its scripts and the Adaptive Cards renderer', async () => {
    expect(server.lines).toContain(`autocase playground: ${server.url}`);

    const root = await fetch(server.url, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/playground/');

    const page = await fetch(`${server.url}/playground/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('Load a sample conversation');
    for (const script of ['vendor/adaptivecards.min.js', 'app.js', 'blockkit.js', 'markdown.js']) {
      expect(html).toContain(`src="${script}"`);
      const res = await fetch(`${server.url}/playground/${script}`);
      expect(res.status, script).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
    }
    const vendor = await (await fetch(`${server.url}/playground/vendor/adaptivecards.min.js`)).text();
    expect(vendor).toContain('Action.Execute');
  });
});

describe('conversations over the API', () => {
  it('walks the whole flow with the same cards and core calls as Teams', async () => {
    // Post as customer: a new conversation with an intake card.
    const opened = await client.post('/conversations', {
      text: 'Hi, title="Charged twice" customerName="Maria Lopez" here',
      customerName: 'Maria Lopez',
    });
    expect(opened.status).toBe(201);
    const id = opened.body.conversation.id as string;
    const intake = opened.body.card as Card;
    expect(intake.view.kind).toBe('intake');
    // Exactly the JSON Teams gets, and exactly the message Slack gets.
    expect(intake.adaptive).toEqual(renderAdaptiveCard(intake.view));
    expect(intake.blockKit).toEqual(renderBlockKit(intake.view));
    expect(intake.adaptive.actions?.map((a) => a.verb)).toEqual(['autocase.accept']);

    // Accept: too little context (no category), so no case and the missing field named.
    const accepting = await act(id, 'accept');
    expect(accepting.status).toBe(200);
    expect(bannerKinds(accepting.body.card)).toContain('filling');
    const pending = await settled(id, accepting.body.card.seq);
    expect(pending.view.kind).toBe('pending');
    expect(pending.notice).toBe('Not enough context yet: missing Category');
    expect(bannerKinds(pending)).toContain('not-enough-context');

    // More messages, then Update from conversation creates the case.
    expect(
      (await client.post(`/conversations/${id}/messages`, { role: 'customer', text: 'category=Billing' })).status,
    ).toBe(201);
    const agentSays = await client.post(`/conversations/${id}/messages`, { role: 'agent', text: 'Thanks, looking.' });
    expect(agentSays.body.message).toMatchObject({ role: 'agent', author: 'Alex (agent)' });
    const creating = await act(id, 'update');
    const created = await settled(id, creating.body.card.seq);
    expect(created.view.kind).toBe('case');
    expect(created.view.fields.find((f) => f.key === 'category')?.value).toBe('Billing');

    // New facts: the update highlights exactly the changed field and shows the AI banner.
    await client.post(`/conversations/${id}/messages`, { role: 'customer', text: 'email=maria@example.com' });
    const updating = await act(id, 'update');
    const updated = await settled(id, updating.body.card.seq);
    expect(updated.view.banners).toContainEqual({ kind: 'ai-updated', fields: ['Email'] });
    expect(updated.view.fields.filter((f) => f.changed).map((f) => f.key)).toEqual(['email']);
    expect(JSON.stringify(updated.adaptive)).toContain('"id":"field-email-changed"');
    expect(updated.adaptive.actions?.map((a) => a.verb)).toContain('autocase.undo');

    // Nothing new: no change, and the card says so.
    const again = await act(id, 'update');
    const unchanged = await settled(id, again.body.card.seq);
    expect(bannerKinds(unchanged)).toContain('no-change');

    // Undo needs the last decision to be an AI update: make one, then undo it.
    await client.post(`/conversations/${id}/messages`, { role: 'customer', text: 'email=maria.lopez@example.com' });
    const update2 = await act(id, 'update');
    await settled(id, update2.body.card.seq);
    const undone = await act(id, 'undo');
    expect(undone.status).toBe(200);
    expect(undone.body.card.notice).toBe('The last AI update was undone.');
    expect(undone.body.card.view.fields.find((f: { key: string }) => f.key === 'email').value).toBe(
      'maria@example.com',
    );

    // Edit: the form is the card in edit mode; a bad value comes back as words on the card, nothing is written.
    const editing = await act(id, 'edit');
    expect(editing.body.card.mode).toBe('edit');
    expect(JSON.stringify(editing.body.card.adaptive)).toContain('"id":"field.email"');
    const view = editing.body.card.view as CaseView;
    const bad = await act(id, 'save', formData(view, { email: 'not an email' }));
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatch(/Email/);
    expect(bad.body.card.mode).toBe('edit');
    expect(JSON.stringify(bad.body.card.adaptive)).toContain('"id":"error-email"');
    expect(bad.body.card.fieldErrors).toHaveProperty('email');
    // What was typed stays in the form.
    expect(bad.body.card.view.fields.find((f: { key: string }) => f.key === 'email').value).toBe('not an email');
    const good = await act(id, 'save', formData(view, { email: 'MARIA@shop.example' }));
    expect(good.status).toBe(200);
    expect(good.body.card.mode).toBe('view');
    expect(good.body.card.view.fields.find((f: { key: string }) => f.key === 'email')).toMatchObject({
      value: 'maria@shop.example',
      source: 'manual',
    });

    // End conversation: wrap-up, the case stays.
    const ending = await act(id, 'end');
    const ended = await settled(id, ending.body.card.seq);
    expect(ended.view.state).toBe('wrapUp');
    expect(ended.view.kind).toBe('case');

    const got = await client.get(`/conversations/${id}`);
    expect(got.body.messages.map((m: { role: string }) => m.role)).toEqual([
      'customer',
      'customer',
      'agent',
      'customer',
      'customer',
    ]);
    const list = await client.get('/conversations');
    expect(list.body.conversations.find((c: { id: string }) => c.id === id)).toMatchObject({
      state: 'wrapUp',
      caseNumber: 1,
      title: 'Charged twice',
    });
  });

  it('creates the case at the end of the conversation when nobody did', async () => {
    const opened = await client.post('/conversations', { text: 'title="Parcel late"' });
    const id = opened.body.conversation.id as string;
    const accepting = await act(id, 'accept');
    const pending = await settled(id, accepting.body.card.seq);
    expect(pending.view.kind).toBe('pending');
    await client.post(`/conversations/${id}/messages`, {
      role: 'customer',
      text: 'customerName="Tom Becker" category=Billing',
    });
    const ending = await act(id, 'end');
    const ended = await settled(id, ending.body.card.seq);
    expect(ended.view).toMatchObject({ kind: 'case', state: 'wrapUp' });
    expect(ended.notice).toBe('Conversation ended; the case was created from the conversation.');
  });

  it('creates a case by hand from the create form when the AI found too little', async () => {
    const opened = await client.post('/conversations', { text: 'hello?' });
    const id = opened.body.conversation.id as string;
    const accepting = await act(id, 'accept');
    const pending = await settled(id, accepting.body.card.seq);
    expect(pending.view.actions).toContain('create');

    const form = await act(id, 'create');
    expect(form.body.card.mode).toBe('edit');
    const save = form.body.card.adaptive.actions.find((a: { verb: string }) => a.verb === 'autocase.save');
    expect(save).toMatchObject({ title: 'Create case', data: { conversationId: id, intent: 'create' } });

    const missing = await act(id, 'save', { ...save.data, ...formData(form.body.card.view, { title: 'Printer jam' }) });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatch(/Missing required fields: Customer name, Category/);

    const created = await act(id, 'save', {
      ...save.data,
      ...formData(form.body.card.view, { title: 'Printer jam', customerName: 'Lee Park', category: 'Technical issue' }),
    });
    expect(created.status).toBe(200);
    expect(created.body.card.view).toMatchObject({ kind: 'case', caseNumber: expect.any(Number) });
    expect(created.body.card.view.fields.find((f: { key: string }) => f.key === 'title')).toMatchObject({
      value: 'Printer jam',
      source: 'manual',
    });
  });

  it('loads a built-in sample as a new conversation with a suggested follow-up', async () => {
    const { body } = await client.get('/samples');
    expect(body.samples.length).toBeGreaterThanOrEqual(3);
    const loaded = await client.post(`/samples/${body.samples[0].id}`);
    expect(loaded.status).toBe(201);
    expect(loaded.body.messages.length).toBeGreaterThan(0);
    expect(loaded.body.messages.every((m: { role: string }) => m.role === 'customer')).toBe(true);
    expect(loaded.body.card.view.kind).toBe('intake');
    expect(loaded.body.suggestion).toEqual(expect.any(String));
  });
});

describe('live updates', () => {
  it("pushes another client's message and the new card to an open event stream", async () => {
    const other = await openEventStream(`${server.url}/playground/api/events`);
    try {
      expect(other.contentType).toMatch(/text\/event-stream/);
      await other.next((e) => e.event === 'ready');
      const opened = await client.post('/conversations', { text: 'hello from the first tab' });
      const id = opened.body.conversation.id as string;
      const message = await other.next(
        (e) => e.event === 'message' && (e.data as { conversationId: string }).conversationId === id,
      );
      expect(message.data).toEqual({ type: 'message', conversationId: id });
      const card = await other.next(
        (e) => e.event === 'card' && (e.data as { conversationId: string }).conversationId === id,
      );
      expect((card.data as { card: Card }).card.view.preview).toBe('hello from the first tab');
    } finally {
      other.close();
    }
  });
});

describe('bad input', () => {
  const noStack = (text: string) => expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);

  it('answers with a 4xx and words, never a stack trace', async () => {
    const opened = await client.post('/conversations', { text: 'title="x"' });
    const id = opened.body.conversation.id as string;
    const cases: Array<[Promise<{ status: number; body: { error?: string }; text: string }>, number, RegExp]> = [
      [client.post('/conversations', { text: '   ' }), 400, /type a message first/],
      [client.post(`/conversations/${id}/messages`, { role: 'boss', text: 'hi' }), 400, /role must be/],
      [client.call('POST', '/conversations', undefined, '{"text": '), 400, /not valid JSON/],
      [client.get('/conversations/not-a-uuid'), 404, /does not exist/],
      [client.get('/conversations/00000000-0000-4000-8000-000000000000'), 404, /does not exist/],
      [act(id, 'explode'), 400, /not an autocase card action/],
      [
        client.post(`/conversations/${id}/actions`, { verb: 'autocase.accept', data: { conversationId: 'x' } }),
        400,
        /different conversation/,
      ],
      [act(id, 'close'), 409, /End the conversation before closing it/],
      [client.post('/samples/nope'), 404, /no sample called "nope"/],
      [
        client.put('/admin/fields', { yaml: '- key: 1bad\n  label: Bad\n  type: text' }),
        400,
        /Invalid field definition/,
      ],
      [client.put('/admin/fields', { yaml: 'key: [unclosed' }), 400, /Invalid field definition/],
      [client.put('/admin/settings', { confidenceThreshold: 'lots' }), 400, /confidenceThreshold must be a number/],
      [client.put('/admin/settings', { phoneRegion: 'Narnia' }), 400, /phoneRegion must be a two-letter/],
      [client.put('/admin/settings', { colour: 'blue' }), 400, /colour/],
      [client.get('/nothing-here'), 404, /no such playground API route/],
    ];
    for (const [request, status, words] of cases) {
      const res = await request;
      expect(res.status, res.text).toBe(status);
      expect(res.body.error, res.text).toMatch(words);
      noStack(res.text);
    }
  });

  it('keeps the stored fields and settings when a change is refused', async () => {
    const before = await client.get('/admin/fields');
    await client.put('/admin/fields', { yaml: '- key: title\n  label: Title\n  type: choice' });
    expect((await client.get('/admin/fields')).body.yaml).toBe(before.body.yaml);

    const settings = await client.get('/admin/settings');
    const refused = await client.put('/admin/settings', { protectManualEdits: 'on', phoneRegion: 'XX' });
    expect(refused.status).toBe(400);
    expect((await client.get('/admin/settings')).body.settings).toEqual(settings.body.settings);
  });
});

describe('admin', () => {
  it('edits fields with the YAML editor format and settings, and tells other tabs', async () => {
    const { body } = await client.get('/admin/fields');
    expect(body.yaml).toContain('key: title');
    const yaml = `${body.yaml}- key: store\n  label: Store\n  type: text\n  required: false\n  aiManaged: false\n`;
    const saved = await client.put('/admin/fields', { yaml });
    expect(saved.status).toBe(200);
    expect(saved.body.fields.at(-1)).toMatchObject({ key: 'store', label: 'Store', aiManaged: false });
    await stream.next((e) => e.event === 'admin' && (e.data as { what: string }).what === 'fields');

    const settings = await client.put('/admin/settings', { protectManualEdits: true, confidenceThreshold: '50%' });
    expect(settings.status).toBe(200);
    expect(settings.body.settings).toMatchObject({ protectManualEdits: true, confidenceThreshold: 0.5 });
    // The playground's agent stays an agent.
    expect(settings.body.settings.agents).toContain('playground-agent');
  });
});

describe('/metrics', () => {
  it('counts conversations, cases and predictions by outcome, with latency histograms', async () => {
    const opened = await client.post('/conversations', {
      text: 'title="Metrics" customerName="Ana Ruiz" category=Billing',
    });
    const id = opened.body.conversation.id as string;
    const accepting = await act(id, 'accept');
    expect((await settled(id, accepting.body.card.seq)).view.kind).toBe('case');

    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    const value = (line: string) =>
      Number(new RegExp(`^${line.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('autocase_conversations_opened_total{platform="playground"}')).toBeGreaterThanOrEqual(1);
    expect(value('autocase_cases_created_total')).toBeGreaterThanOrEqual(1);
    expect(value('autocase_predictions_total{outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(value('autocase_prediction_duration_seconds_count{outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(value('autocase_action_duration_seconds_count{action="accept",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(value('autocase_jobs_queued_total{job="case-action"}')).toBeGreaterThanOrEqual(1);
    expect(value('autocase_jobs_run_total{job="case-action",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('# TYPE autocase_prediction_duration_seconds histogram');
  });
});

describe('configuration', () => {
  it('uses AUTOCASE_PLAYGROUND_TENANT as its tenant, seeded with the default fields', async () => {
    const tenant = uniqueTenantId('playground');
    const other = await startTestServer({ env: { AUTOCASE_PLAYGROUND_TENANT: tenant }, adapters: [playgroundAdapter] });
    try {
      const opened = await playgroundClient(other.url).post('/conversations', { text: 'hello' });
      expect(opened.status).toBe(201);
      const { store } = await testStore();
      expect((await store.listConversations(tenant)).map((c) => c.id)).toEqual([opened.body.conversation.id]);
      expect((await store.getFields(tenant)).map((f) => f.key)).toContain('title');
    } finally {
      await other.close();
    }
  });

  it("refuses a tenant that is not the playground's own", async () => {
    await expect(
      startTestServer({ env: { AUTOCASE_PLAYGROUND_TENANT: 'slack:T123' }, adapters: [playgroundAdapter] }),
    ).rejects.toThrow(/AUTOCASE_PLAYGROUND_TENANT must look like playground:<name>/);
  });

  it('is not served with AUTOCASE_PLAYGROUND=off', async () => {
    const off = await startTestServer({ env: { AUTOCASE_PLAYGROUND: 'off' }, adapters: [playgroundAdapter] });
    try {
      expect(off.lines).toEqual([]);
      expect((await fetch(`${off.url}/playground/`)).status).toBe(404);
      expect((await fetch(`${off.url}/playground/api/conversations`)).status).toBe(404);
      // Health and metrics stay.
      expect((await fetch(`${off.url}/metrics`)).status).toBe(200);
    } finally {
      await off.close();
    }
  });
});
