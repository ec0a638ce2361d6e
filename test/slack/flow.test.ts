import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../bots/slack/index.js';
import type { CaseStore } from '../../core/ports.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';
import { startTestServer } from '../support/server.js';
import {
  BOT_TOKEN,
  buttonClick,
  input,
  messageEvent,
  newTs,
  nowSeconds,
  SIGNING_SECRET,
  type SlackHarness,
  sign,
  startSlackHarness,
  viewSubmission,
} from './support/driver.js';

const CUSTOMER = 'UCUSTOMER';
const AGENT = 'UAGENT';

type Block = { type: string; block_id?: string; elements?: Array<Record<string, unknown>>; text?: { text: string } };

function buttons(blocks: unknown): Array<{ action_id: string; value: string }> {
  return ((blocks ?? []) as Block[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []) as Array<{ action_id: string; value: string }>);
}

const allText = (args: Record<string, unknown>) => JSON.stringify(args.blocks ?? []) + String(args.text ?? '');

describe('Slack: a support thread from first message to closed case', () => {
  let h: SlackHarness;
  let store: CaseStore;
  const predictor = createScriptedPredictor();

  beforeAll(async () => {
    h = await startSlackHarness({ predictor });
    store = h.server.services.store;
    h.api.addUser({ id: CUSTOMER, name: 'maria', real_name: 'Maria Lopez' });
    h.api.addUser({ id: AGENT, name: 'priya', real_name: 'Priya Agent' });
  });
  afterAll(() => h.close());

  const newWorkspace = () => h.newWorkspace();

  async function openThread(team: string, tenantId: string, text: string) {
    const ts = newTs();
    const res = await h.event(team, messageEvent({ user: CUSTOMER, text, ts }));
    expect(res.status).toBe(200);
    await h.settle();
    const conversation = await store.findConversationByThread(tenantId, 'slack', ts);
    expect(conversation).not.toBeNull();
    return { ts, conversation: conversation! };
  }

  const lastCall = (method: string) => h.api.callsTo(method).at(-1)!;

  it('runs the whole flow: intake card, accept, missing, update, highlight, edit, undo, end', async () => {
    const { team, tenantId } = await newWorkspace();
    h.api.reset();

    // A customer's top-level message opens a conversation; the intake card is posted in its thread.
    const { ts: threadTs, conversation } = await openThread(
      team,
      tenantId,
      'hi, my parcel is late title="Parcel late"',
    );
    const intake = h.api.callsTo('chat.postMessage');
    expect(intake).toHaveLength(1);
    expect(intake[0]!.token).toBe('xoxb-test-token');
    expect(intake[0]!.args).toMatchObject({ channel: 'CSUPPORT', thread_ts: threadTs });
    expect(buttons(intake[0]!.args.blocks)).toEqual([
      expect.objectContaining({ action_id: 'autocase_accept', value: conversation.id }),
    ]);
    const opened = await store.getConversation(tenantId, conversation.id);
    expect(opened).toMatchObject({ state: 'open', customer: { id: CUSTOMER, name: 'Maria Lopez' } });
    expect(opened!.cardRef).toMatch(/^CSUPPORT:\d+\.\d+$/);
    const cardTs = opened!.cardRef!.split(':')[1]!;

    // Accept: acked at once, "Filling fields…", then the pending card and an ephemeral naming what is missing.
    h.api.reset();
    const accept = await h.interact(
      buttonClick(team, AGENT, 'autocase_accept', conversation.id, { messageTs: cardTs, threadTs }),
    );
    expect(accept.status).toBe(200);
    await h.settle();
    const updates = h.api.callsTo('chat.update');
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(updates[0]!.args).toMatchObject({ channel: 'CSUPPORT', ts: cardTs });
    expect(allText(updates[0]!.args)).toContain('Filling fields');
    expect(allText(updates.at(-1)!.args)).not.toContain('Filling fields');
    expect(allText(updates.at(-1)!.args)).toContain('Not enough context yet: missing Category');
    const missing = lastCall('chat.postEphemeral');
    expect(missing.args).toMatchObject({ channel: 'CSUPPORT', user: AGENT, thread_ts: threadTs });
    expect(missing.args.text).toBe('Not enough context yet: missing Category');
    expect(await store.getConversation(tenantId, conversation.id)).toMatchObject({
      state: 'active',
      assignedAgent: { id: AGENT, name: 'Priya Agent' },
    });
    expect(await store.getCase(tenantId, conversation.id)).toBeNull();

    // More messages in the thread: the customer's and the agent's, with their roles.
    await h.event(
      team,
      messageEvent({ user: CUSTOMER, text: 'category=Billing priority=Normal', thread_ts: threadTs }),
    );
    await h.event(team, messageEvent({ user: AGENT, text: 'Thanks, looking into it', thread_ts: threadTs }));
    await h.settle();
    const snap = await store.loadSnapshot(tenantId, conversation.id);
    expect(snap!.messages.map((m) => m.role)).toEqual(['customer', 'customer', 'agent']);

    // Update from conversation: now there is enough, so the case is created and the card becomes the case card.
    h.api.reset();
    await h.interact(buttonClick(team, AGENT, 'autocase_update', conversation.id, { messageTs: cardTs, threadTs }));
    await h.settle();
    const kase = await store.getCase(tenantId, conversation.id);
    expect(kase).not.toBeNull();
    expect(kase!.values.category).toMatchObject({ value: 'Billing', source: 'ai' });
    expect(buttons(lastCall('chat.update').args.blocks).map((b) => b.action_id)).toEqual([
      'autocase_update',
      'autocase_edit',
      'autocase_end',
    ]);

    // Nothing new: Update changes nothing and says so.
    h.api.reset();
    await h.interact(buttonClick(team, AGENT, 'autocase_update', conversation.id, { messageTs: cardTs, threadTs }));
    await h.settle();
    expect(allText(lastCall('chat.update').args)).toContain('No changes');

    // The customer says something that changes a field: Update rewrites it in place, highlighted, with the banner.
    await h.event(
      team,
      messageEvent({ user: CUSTOMER, text: 'actually it is urgent priority=Urgent', thread_ts: threadTs }),
    );
    await h.settle();
    h.api.reset();
    await h.interact(buttonClick(team, AGENT, 'autocase_update', conversation.id, { messageTs: cardTs, threadTs }));
    await h.settle();
    const highlighted = lastCall('chat.update');
    expect(highlighted.args).toMatchObject({ channel: 'CSUPPORT', ts: cardTs });
    expect(allText(highlighted.args)).toContain('Updated using AI: Priority');
    expect(allText(highlighted.args)).toContain('Urgent');
    expect(buttons(highlighted.args.blocks).map((b) => b.action_id)).toContain('autocase_undo');

    // Undo puts back what the last AI update replaced (priority).
    h.api.reset();
    await h.interact(buttonClick(team, AGENT, 'autocase_undo', conversation.id, { messageTs: cardTs, threadTs }));
    await h.settle();
    expect(lastCall('chat.postEphemeral').args).toMatchObject({ user: AGENT, text: 'The last AI update was undone.' });
    const undone = await store.getCase(tenantId, conversation.id);
    expect(undone!.values.priority?.value).toBe('Normal');

    // Edit opens a modal with typed inputs.
    h.api.reset();
    await h.interact(buttonClick(team, AGENT, 'autocase_edit', conversation.id, { messageTs: cardTs, threadTs }));
    await h.settle();
    const opened2 = lastCall('views.open');
    const modal = opened2.args.view as { callback_id: string; private_metadata: string; blocks: Block[] };
    expect(modal.callback_id).toBe('autocase_edit_case');
    expect(opened2.args.trigger_id).toMatch(/^trigger-/);
    const inputTypes = Object.fromEntries(
      modal.blocks
        .filter((b) => b.type === 'input')
        .map((b) => [b.block_id, (b as unknown as { element: { type: string } }).element.type]),
    );
    expect(inputTypes).toMatchObject({
      field_title: 'plain_text_input',
      field_category: 'static_select',
      field_email: 'email_text_input',
      field_dueDate: 'datepicker',
    });

    // An invalid value is refused on its input; nothing is written.
    const before = await store.getCase(tenantId, conversation.id);
    const bad = await h.interact(
      viewSubmission(team, AGENT, modal, {
        ...input('field_title', { type: 'plain_text_input', value: 'Parcel late' }),
        ...input('field_category', { type: 'static_select', selected_option: { value: 'Billing' } }),
        ...input('field_email', { type: 'email_text_input', value: 'not-an-email' }),
        ...input('field_dueDate', { type: 'datepicker', selected_date: '2026-04-01' }),
      }),
    );
    expect(bad.status).toBe(200);
    const badBody = (await bad.json()) as { response_action: string; errors: Record<string, string> };
    expect(badBody.response_action).toBe('errors');
    expect(Object.keys(badBody.errors)).toEqual(['field_email']);
    expect(badBody.errors.field_email).toMatch(/not an email/);
    await h.settle();
    expect(await store.getCase(tenantId, conversation.id)).toEqual(before);

    // A valid submit closes the modal, writes manual values and updates the card.
    h.api.reset();
    const good = await h.interact(
      viewSubmission(team, AGENT, modal, {
        ...input('field_title', { type: 'plain_text_input', value: 'Parcel late' }),
        ...input('field_category', { type: 'static_select', selected_option: { value: 'Billing' } }),
        ...input('field_priority', { type: 'static_select', selected_option: { value: 'High' } }),
        ...input('field_email', { type: 'email_text_input', value: 'Maria@Example.com' }),
        ...input('field_dueDate', { type: 'datepicker', selected_date: null }),
      }),
    );
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('');
    await h.settle();
    const edited = await store.getCase(tenantId, conversation.id);
    expect(edited!.values.email).toMatchObject({ value: 'maria@example.com', source: 'manual', updatedBy: AGENT });
    expect(edited!.values.priority).toMatchObject({ value: 'High', source: 'manual' });
    expect(allText(lastCall('chat.update').args)).toContain('maria@example.com');

    // End: wrap-up, the card shows it.
    h.api.reset();
    await h.interact(buttonClick(team, AGENT, 'autocase_end', conversation.id, { messageTs: cardTs, threadTs }));
    await h.settle();
    expect(await store.getConversation(tenantId, conversation.id)).toMatchObject({ state: 'wrapUp' });
    expect(allText(lastCall('chat.update').args)).toContain('Wrap-up');
    expect(buttons(lastCall('chat.update').args.blocks).map((b) => b.action_id)).toContain('autocase_close');
  });

  it('creates the case at End when there is enough by then, and tells the agent', async () => {
    const { team, tenantId } = await newWorkspace();
    const { ts: threadTs, conversation } = await openThread(team, tenantId, 'hello title="Wrong size"');
    await h.interact(buttonClick(team, AGENT, 'autocase_accept', conversation.id, { threadTs }));
    await h.settle();
    expect(await store.getCase(tenantId, conversation.id)).toBeNull();
    await h.event(team, messageEvent({ user: CUSTOMER, text: 'category="Shipping & delivery"', thread_ts: threadTs }));
    await h.settle();
    h.api.reset();
    await h.interact(buttonClick(team, AGENT, 'autocase_end', conversation.id, { threadTs }));
    await h.settle();
    expect(await store.getConversation(tenantId, conversation.id)).toMatchObject({ state: 'wrapUp' });
    expect(await store.getCase(tenantId, conversation.id)).toMatchObject({
      values: { category: expect.objectContaining({ value: 'Shipping & delivery' }) },
    });
    expect(lastCall('chat.postEphemeral').args.text).toBe(
      'Conversation ended; the case was created from the conversation.',
    );
    expect(allText(lastCall('chat.update').args)).toContain('Wrong size');
  });

  it('creates a case by hand from the Create modal, refusing a submit without the required fields', async () => {
    const { team, tenantId } = await newWorkspace();
    const { threadTs, conversation } = await (async () => {
      const opened = await openThread(team, tenantId, 'I need help');
      return { threadTs: opened.ts, conversation: opened.conversation };
    })();
    await h.interact(buttonClick(team, AGENT, 'autocase_accept', conversation.id, { threadTs }));
    await h.settle();
    expect(buttons(lastCall('chat.update').args.blocks).map((b) => b.action_id)).toContain('autocase_create');

    h.api.reset();
    await h.interact(buttonClick(team, AGENT, 'autocase_create', conversation.id, { threadTs }));
    await h.settle();
    const modal = lastCall('views.open').args.view as Record<string, unknown>;
    expect(modal.callback_id).toBe('autocase_create_case');

    const refused = await h.interact(
      viewSubmission(team, AGENT, modal, {
        ...input('field_title', { type: 'plain_text_input', value: 'Needs help' }),
        ...input('field_category', { type: 'static_select', selected_option: null }),
      }),
    );
    expect(await refused.json()).toEqual({ response_action: 'errors', errors: { field_category: 'required' } });
    expect(await store.getCase(tenantId, conversation.id)).toBeNull();

    h.api.reset();
    const created = await h.interact(
      viewSubmission(team, AGENT, modal, {
        ...input('field_title', { type: 'plain_text_input', value: 'Needs help' }),
        ...input('field_category', { type: 'static_select', selected_option: { value: 'Technical issue' } }),
      }),
    );
    expect(await created.text()).toBe('');
    await h.settle();
    expect(await store.getCase(tenantId, conversation.id)).toMatchObject({
      values: {
        title: expect.objectContaining({ value: 'Needs help', source: 'manual' }),
        category: expect.objectContaining({ value: 'Technical issue', source: 'manual' }),
      },
    });
    expect(allText(lastCall('chat.update').args)).toContain('Needs help');
  });

  it('opens a conversation from a self-service bot escalation (message metadata) and uses its values', async () => {
    const { team, tenantId } = await newWorkspace();
    const ts = newTs();
    h.api.reset();
    await h.event(team, {
      type: 'message',
      subtype: 'bot_message',
      channel: 'CSUPPORT',
      channel_type: 'channel',
      ts,
      bot_id: 'BHELPBOT',
      username: 'HelpBot',
      text: 'Handing over to a human: customer was double charged',
      metadata: {
        event_type: 'support_escalation',
        event_payload: {
          summary: 'Customer was charged twice for March',
          values: { title: 'Charged twice', category: 'Billing', nested: { no: 1 } },
        },
      },
    });
    await h.settle();
    const conversation = await store.findConversationByThread(tenantId, 'slack', ts);
    expect(conversation).toMatchObject({
      state: 'open',
      escalation: {
        bot: 'HelpBot',
        summary: 'Customer was charged twice for March',
        values: { title: 'Charged twice', category: 'Billing' },
      },
    });
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(allText(h.api.callsTo('chat.postMessage')[0]!.args)).toContain('Customer was charged twice for March');

    await h.interact(buttonClick(team, AGENT, 'autocase_accept', conversation!.id, { threadTs: ts }));
    await h.settle();
    expect(await store.getCase(tenantId, conversation!.id)).toMatchObject({
      values: {
        title: expect.objectContaining({ value: 'Charged twice', source: 'escalation' }),
        category: expect.objectContaining({ value: 'Billing', source: 'escalation' }),
      },
    });
  });

  it('reflects message edits and deletions, and ignores its own and non-conversation messages', async () => {
    const { team, tenantId } = await newWorkspace();
    const { ts: threadTs, conversation } = await openThread(team, tenantId, 'my email is a@example.com');
    const replyTs = newTs();
    await h.event(team, messageEvent({ user: CUSTOMER, text: 'order 1234', ts: replyTs, thread_ts: threadTs }));
    await h.settle();

    await h.event(team, {
      type: 'message',
      subtype: 'message_changed',
      channel: 'CSUPPORT',
      channel_type: 'channel',
      ts: newTs(),
      message: {
        type: 'message',
        user: CUSTOMER,
        text: 'my email is b@example.com',
        ts: threadTs,
        thread_ts: threadTs,
      },
      previous_message: { type: 'message', user: CUSTOMER, text: 'my email is a@example.com', ts: threadTs },
    });
    await h.event(team, {
      type: 'message',
      subtype: 'message_deleted',
      channel: 'CSUPPORT',
      channel_type: 'channel',
      ts: newTs(),
      deleted_ts: replyTs,
      previous_message: { type: 'message', user: CUSTOMER, text: 'order 1234', ts: replyTs, thread_ts: threadTs },
    });
    // The bot's own card posts and edits come back as events: not conversation messages.
    await h.event(team, messageEvent({ user: 'UAUTOCASE', bot_id: 'BAUTOCASE', text: 'card', thread_ts: threadTs }));
    await h.event(team, {
      type: 'message',
      subtype: 'message_changed',
      channel: 'CSUPPORT',
      ts: newTs(),
      message: {
        type: 'message',
        bot_id: 'BAUTOCASE',
        user: 'UAUTOCASE',
        text: 'card v2',
        ts: '1.0',
        thread_ts: threadTs,
      },
    });
    // A join notice and a reply in a thread that is not a conversation are not either.
    await h.event(team, messageEvent({ subtype: 'channel_join', user: CUSTOMER, text: 'joined', thread_ts: threadTs }));
    await h.event(team, messageEvent({ user: CUSTOMER, text: 'stray', thread_ts: newTs() }));
    await h.settle();

    const snap = await store.loadSnapshot(tenantId, conversation.id);
    expect(snap!.messages.map((m) => [m.text, m.deleted])).toEqual([
      ['my email is b@example.com', false],
      ['order 1234', true],
    ]);
    // A deleted message is not shown to the predictor.
    predictor.calls.length = 0;
    await h.interact(buttonClick(team, AGENT, 'autocase_accept', conversation.id, { threadTs }));
    await h.settle();
    expect(predictor.calls.at(-1)!.messages.map((m) => m.text)).toEqual(['my email is b@example.com']);
  });

  it('processes a retried delivery once, even three concurrent ones', async () => {
    const { team, tenantId } = await newWorkspace();
    const ts = newTs();
    const event = messageEvent({ user: CUSTOMER, text: 'retry me', ts });
    h.api.reset();
    const responses = await Promise.all([
      h.event(team, event, { eventId: 'EvRETRY1' }),
      h.event(team, event, {
        eventId: 'EvRETRY1',
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      }),
      h.event(team, event, {
        eventId: 'EvRETRY1',
        headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' },
      }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await h.settle();
    const conversation = await store.findConversationByThread(tenantId, 'slack', ts);
    const snap = await store.loadSnapshot(tenantId, conversation!.id);
    expect(snap!.messages).toHaveLength(1);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('truncates a huge message and survives odd payloads', async () => {
    const { team, tenantId } = await newWorkspace();
    const ts = newTs();
    await h.event(team, messageEvent({ user: CUSTOMER, text: `long ${'x'.repeat(100_000)}`, ts }));
    await h.settle();
    const conversation = await store.findConversationByThread(tenantId, 'slack', ts);
    const [message] = (await store.loadSnapshot(tenantId, conversation!.id))!.messages;
    expect(message!.text.length).toBeLessThan(41_000);
    expect(message!.text).toMatch(/…\(truncated\)$/);

    const odd = [
      await h.event(team, { type: 'message' }),
      await h.event(team, { type: 'message', channel: 42, ts: { x: 1 }, text: ['no'] }),
      await h.event(team, messageEvent({ user: CUSTOMER, text: 'meta', metadata: 'not an object' })),
      await h.interact({
        type: 'block_actions',
        team: { id: team },
        user: { id: AGENT },
        actions: [{ action_id: 'autocase_accept', value: 'not-a-uuid' }],
      }),
      await h.interact({ type: 'block_actions', actions: 'nope' }),
      await h.interact({
        type: 'view_submission',
        team: { id: team },
        user: { id: AGENT },
        view: { callback_id: 'autocase_edit_case', private_metadata: '{bad json' },
      }),
      await h.post('{"type":"event_callback", broken', 'application/json'),
    ];
    await h.settle();
    // A signed event is acknowledged once stored; one Bolt itself cannot read is then parked with a log line, not
    // retried. Interactions Bolt cannot read, and bodies that are not JSON, get a 400 (a 500 would only make Slack
    // retry them).
    expect(odd.map((r) => r.status)).toEqual([200, 200, 200, 200, 400, 200, 400]);
    expect(h.server.logs.join('')).toContain('slack payload could not be processed');
    expect(h.server.logs.join('')).toContain('inbox: event cannot be processed; parked');
    const health = await fetch(`${h.server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('tells the agent when Slack refuses to open the form (expired trigger), so a click again works', async () => {
    const { team, tenantId } = await newWorkspace();
    const { ts: threadTs, conversation } = await openThread(team, tenantId, 'title="T" category=Billing');
    await h.interact(buttonClick(team, AGENT, 'autocase_accept', conversation.id, { threadTs }));
    await h.settle();
    h.api.reset();
    h.api.failNext('views.open', 'expired_trigger_id');
    await h.interact(buttonClick(team, AGENT, 'autocase_edit', conversation.id, { threadTs }));
    await h.settle();
    expect(lastCall('chat.postEphemeral').args).toMatchObject({
      user: AGENT,
      text: 'The form could not open (expired_trigger_id); please click again.',
    });
    await h.interact(buttonClick(team, AGENT, 'autocase_edit', conversation.id, { threadTs }));
    await h.settle();
    expect(h.api.callsTo('views.open')).toHaveLength(2);
  });

  it('lets any replica finish the work: a second server that never saw the thread updates the stored card', async () => {
    const { team, tenantId } = await newWorkspace();
    const { ts: threadTs, conversation } = await openThread(team, tenantId, 'title="Broken lid" category=Billing');
    const cardRef = (await store.getConversation(tenantId, conversation.id))!.cardRef!;
    const adapter = createSlackAdapter();
    const replica = await startTestServer({
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: h.api.apiUrl },
      adapters: [adapter],
      overrides: { predictor },
      logLevel: 'warn',
    });
    try {
      h.api.reset();
      const body = new URLSearchParams({
        payload: JSON.stringify(buttonClick(team, AGENT, 'autocase_accept', conversation.id, { threadTs })),
      }).toString();
      const timestamp = nowSeconds();
      const res = await fetch(`${replica.url}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': sign(body, timestamp),
        },
        body,
      });
      expect(res.status).toBe(200);
      for (let i = 0; i < 3; i++) {
        await adapter.idle();
        await replica.services.jobs.drain();
      }
      const [channel, ts] = cardRef.split(':');
      const updates = h.api.callsTo('chat.update');
      expect(updates.at(-1)!.args).toMatchObject({ channel, ts });
      expect(allText(updates.at(-1)!.args)).toContain('Broken lid');
      expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
    } finally {
      await replica.close();
    }
  });

  it('tells a second agent the conversation is taken, and closes: no buttons, later replies ignored', async () => {
    const { team, tenantId } = await newWorkspace();
    h.api.addUser({ id: 'UAGENT2', name: 'sam', real_name: 'Sam Second' });
    const { ts: threadTs, conversation } = await openThread(team, tenantId, 'title="Late" category=Billing');
    await h.interact(buttonClick(team, AGENT, 'autocase_accept', conversation.id, { threadTs }));
    await h.settle();
    h.api.reset();
    await h.interact(buttonClick(team, 'UAGENT2', 'autocase_accept', conversation.id, { threadTs }));
    await h.settle();
    expect(lastCall('chat.postEphemeral').args).toMatchObject({
      user: 'UAGENT2',
      text: 'Already accepted by Priya Agent.',
    });
    expect(await store.getConversation(tenantId, conversation.id)).toMatchObject({ assignedAgent: { id: AGENT } });
    expect(allText(lastCall('chat.update').args)).not.toContain('Filling fields');

    await h.interact(buttonClick(team, AGENT, 'autocase_end', conversation.id, { threadTs }));
    await h.settle();
    h.api.reset();
    await h.interact(buttonClick(team, AGENT, 'autocase_close', conversation.id, { threadTs }));
    await h.settle();
    expect(await store.getConversation(tenantId, conversation.id)).toMatchObject({ state: 'closed' });
    expect(buttons(lastCall('chat.update').args.blocks)).toEqual([]);
    await h.event(team, messageEvent({ user: CUSTOMER, text: 'one more thing', thread_ts: threadTs }));
    await h.settle();
    expect((await store.loadSnapshot(tenantId, conversation.id))!.messages).toHaveLength(1);
  });

  it('keeps workspaces apart: another team cannot act on a conversation by its id', async () => {
    const a = await newWorkspace();
    const b = await newWorkspace();
    const { ts: threadTs, conversation } = await openThread(a.team, a.tenantId, 'team A problem title="A"');
    h.api.reset();
    await h.interact(buttonClick(b.team, AGENT, 'autocase_accept', conversation.id, { threadTs }));
    await h.interact(buttonClick(b.team, AGENT, 'autocase_edit', conversation.id, { threadTs }));
    const submit = await h.interact(
      viewSubmission(
        b.team,
        AGENT,
        {
          callback_id: 'autocase_edit_case',
          private_metadata: JSON.stringify({ conversationId: conversation.id }),
          blocks: [{ type: 'input', block_id: 'field_title' }],
        },
        input('field_title', { type: 'plain_text_input', value: 'hijacked' }),
      ),
    );
    await h.settle();
    expect(await submit.json()).toEqual({
      response_action: 'errors',
      errors: { field_title: 'That conversation does not exist.' },
    });
    expect(await store.getConversation(a.tenantId, conversation.id)).toMatchObject({
      state: 'open',
      assignedAgent: null,
    });
    expect(h.api.callsTo('chat.update')).toHaveLength(0);
    expect(h.api.callsTo('views.open')).toHaveLength(0);
    expect(h.api.callsTo('chat.postEphemeral').map((c) => c.args.text)).toEqual([
      'That conversation does not exist.',
      'That conversation does not exist.',
    ]);
    // The same thread id in team B is a different conversation.
    await h.event(b.team, messageEvent({ user: CUSTOMER, text: 'team B', ts: threadTs }));
    await h.settle();
    const inB = await store.findConversationByThread(b.tenantId, 'slack', threadTs);
    expect(inB!.id).not.toBe(conversation.id);
    expect((await store.loadSnapshot(a.tenantId, conversation.id))!.messages).toHaveLength(1);
  });
});
