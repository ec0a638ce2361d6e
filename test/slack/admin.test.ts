import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackTenantId } from '../../bots/slack/tenants.js';
import { fieldEditorContent } from '../../core/admin/index.js';
import type { CaseStore } from '../../core/ports.js';
import { TEST_FIELDS } from '../support/fixtures.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';
import {
  input,
  messageEvent,
  newTs,
  randomTeam,
  type SlackHarness,
  startSlackHarness,
  viewSubmission,
} from './support/driver.js';

const WORKSPACE_ADMIN = 'UWSADMIN';
const ENV_ADMIN = 'UENVADMIN';
const MEMBER = 'UMEMBER';

describe('Slack: the /autocase admin command', () => {
  let h: SlackHarness;
  let store: CaseStore;
  let team: string;
  let tenantId: string;

  beforeAll(async () => {
    h = await startSlackHarness({ predictor: createScriptedPredictor(), env: { AUTOCASE_ADMINS: ENV_ADMIN } });
    store = h.server.services.store;
    h.api.addUser({ id: WORKSPACE_ADMIN, name: 'ada', real_name: 'Ada Admin', is_admin: true });
    h.api.addUser({ id: MEMBER, name: 'max', real_name: 'Max Member' });
    h.api.addUser({ id: 'UCUSTOMER', name: 'maria', real_name: 'Maria Lopez' });
    team = randomTeam();
    tenantId = slackTenantId(team);
    await store.ensureTenant({ id: tenantId, platform: 'slack' });
    await store.setFields(tenantId, TEST_FIELDS);
  });
  afterAll(() => h.close());

  /** Runs `/autocase <text>` and returns what the bot answered through the response_url. */
  async function run(user: string, text: string, extra: Record<string, string> = {}) {
    h.api.reset();
    const res = await h.command({
      command: '/autocase',
      text,
      team_id: team,
      team_domain: 'acme',
      channel_id: 'CADMIN',
      user_id: user,
      user_name: user.toLowerCase(),
      trigger_id: `trigger-${newTs()}`,
      response_url: h.api.responseUrl(),
      ...extra,
    });
    expect(res.status).toBe(200);
    await h.settle();
    return h.api.callsTo('respond').map((c) => c.args as { response_type: string; text: string; blocks: unknown[] });
  }

  it('refuses non-admins with a clear ephemeral answer and changes nothing', async () => {
    const before = await store.getSettings(tenantId);
    for (const text of ['fields', 'settings protectManualEdits on', 'agents add <@U1>', 'fields edit', 'simulate']) {
      const [answer, ...more] = await run(MEMBER, text);
      expect(more).toEqual([]);
      expect(answer).toMatchObject({ response_type: 'ephemeral' });
      expect(answer!.text).toMatch(/^Only workspace admins and autocase admins can use autocase admin commands/);
      expect(h.api.callsTo('views.open')).toHaveLength(0);
    }
    expect(await store.getSettings(tenantId)).toEqual(before);
    // Someone Slack does not know (users.info fails) is not an admin either.
    const [unknown] = await run('UGHOST', 'fields');
    expect(unknown!.text).toMatch(/^Only workspace admins/);
  });

  it('lets workspace admins and AUTOCASE_ADMINS in; help and fields answer as ephemeral messages', async () => {
    const [help] = await run(WORKSPACE_ADMIN, 'help');
    expect(help!.text).toMatch(/\/autocase fields edit/);
    const [fields] = await run(ENV_ADMIN, 'fields');
    expect(fields!.response_type).toBe('ephemeral');
    expect(JSON.stringify(fields!.blocks)).toMatch(/category\s+Category\s+choice\s+yes\s+yes\s+Billing/);
    // Without a response_url the answer is an ephemeral message in the channel.
    h.api.reset();
    await h.command({
      command: '/autocase',
      text: 'settings',
      team_id: team,
      channel_id: 'CADMIN',
      user_id: ENV_ADMIN,
    });
    await h.settle();
    expect(h.api.callsTo('chat.postEphemeral')[0]!.args).toMatchObject({ channel: 'CADMIN', user: ENV_ADMIN });
  });

  it('shows and changes settings, refusing bad values', async () => {
    const [shown] = await run(WORKSPACE_ADMIN, 'settings');
    expect(shown!.text).toMatch(/protectManualEdits: off/);
    await run(WORKSPACE_ADMIN, 'settings protectManualEdits on');
    await run(WORKSPACE_ADMIN, 'settings confidenceThreshold 0.5');
    const [region] = await run(WORKSPACE_ADMIN, 'settings phoneRegion de');
    expect(region!.text).toMatch(/Saved: phoneRegion is now DE/);
    const [bad] = await run(WORKSPACE_ADMIN, 'settings confidenceThreshold lots');
    expect(bad!.text).toMatch(/confidenceThreshold must be a number from 0 to 1/);
    expect(await store.getSettings(tenantId)).toMatchObject({
      protectManualEdits: true,
      confidenceThreshold: 0.5,
      phoneRegion: 'DE',
    });
  });

  it('adds and removes agents, whose messages then count as agent messages', async () => {
    const [added] = await run(WORKSPACE_ADMIN, 'agents add <@UAGENT1|dana> <@UAGENT2>');
    expect(added!.text).toMatch(/Added <@UAGENT1>, <@UAGENT2>/);
    expect((await store.getSettings(tenantId)).agents).toEqual(['UAGENT1', 'UAGENT2']);
    const [,] = await run(WORKSPACE_ADMIN, 'agents remove <@UAGENT2>');
    expect((await store.getSettings(tenantId)).agents).toEqual(['UAGENT1']);

    // A configured agent's top-level post opens nothing; their reply in a customer thread is an agent message.
    const agentTs = newTs();
    await h.event(team, messageEvent({ user: 'UAGENT1', text: 'team announcement', ts: agentTs }));
    const threadTs = newTs();
    await h.event(team, messageEvent({ user: 'UCUSTOMER', text: 'help please', ts: threadTs }));
    await h.settle();
    await h.event(team, messageEvent({ user: 'UAGENT1', text: 'on it', thread_ts: threadTs }));
    await h.settle();
    expect(await store.findConversationByThread(tenantId, 'slack', agentTs)).toBeNull();
    const conversation = await store.findConversationByThread(tenantId, 'slack', threadTs);
    const snap = await store.loadSnapshot(tenantId, conversation!.id);
    expect(snap!.messages.map((m) => m.role)).toEqual(['customer', 'agent']);
  });

  it('edits fields in a modal: invalid definitions are refused per input, a valid edit is saved whole', async () => {
    await run(WORKSPACE_ADMIN, 'fields edit');
    const opened = h.api.callsTo('views.open');
    expect(opened).toHaveLength(1);
    const modal = opened[0]!.args.view as {
      callback_id: string;
      blocks: Array<{ block_id?: string; element?: { initial_value?: string } }>;
    };
    expect(modal.callback_id).toBe('autocase_admin_fields');
    const content = fieldEditorContent(TEST_FIELDS);
    const initial = Object.fromEntries(
      modal.blocks.filter((b) => b.block_id).map((b) => [b.block_id, b.element?.initial_value]),
    );
    expect(initial.admin_fields_order).toBe(content.order);
    expect(initial.admin_field_1).toBe(content.fields[1]!.yaml);

    const state = (edits: Record<string, string | null>) => {
      const values: Record<string, Record<string, Record<string, unknown>>> = {
        ...input('admin_fields_order', { type: 'plain_text_input', value: edits.order ?? content.order }),
        ...input('admin_fields_added', { type: 'plain_text_input', value: edits.added ?? null }),
      };
      content.fields.forEach((f, i) => {
        const id = `admin_field_${i}`;
        Object.assign(values, input(id, { type: 'plain_text_input', value: id in edits ? edits[id] : f.yaml }));
      });
      return values;
    };

    // A choice field without options: refused on its own input; nothing written.
    const noOptions = content.fields[1]!.yaml.replace(/options:[\s\S]*$/, '');
    const refused = await h.interact(viewSubmission(team, WORKSPACE_ADMIN, modal, state({ admin_field_1: noOptions })));
    expect(await refused.json()).toEqual({
      response_action: 'errors',
      errors: { admin_field_1: 'options: a choice field needs at least one option' },
    });
    const badYaml = await h.interact(viewSubmission(team, WORKSPACE_ADMIN, modal, state({ added: 'key: [' })));
    expect(await badYaml.json()).toMatchObject({
      response_action: 'errors',
      errors: { admin_fields_added: expect.stringMatching(/YAML error/) },
    });
    expect(await store.getFields(tenantId)).toEqual(TEST_FIELDS);

    // A non-admin cannot submit it either.
    const sneaky = await h.interact(viewSubmission(team, MEMBER, modal, state({})));
    expect(await sneaky.json()).toMatchObject({
      response_action: 'errors',
      errors: { admin_fields_order: expect.stringMatching(/Only workspace admins/) },
    });

    // Remove the due date, add a field, move category first.
    const saved = await h.interact(
      viewSubmission(
        team,
        WORKSPACE_ADMIN,
        modal,
        state({
          admin_field_4: null,
          order: 'category, title, priority, email, dueDate, internalNote',
          added: 'key: orderNumber\nlabel: Order number\ntype: text\nhint: e.g. ORD-12345',
        }),
      ),
    );
    const body = (await saved.json()) as { response_action: string; view: { blocks: unknown[] } };
    expect(body.response_action).toBe('update');
    expect(JSON.stringify(body.view.blocks)).toContain('Saved 6 fields.');
    const fields = await store.getFields(tenantId);
    expect(fields.map((f) => f.key)).toEqual(['category', 'title', 'priority', 'email', 'internalNote', 'orderNumber']);
    expect(fields.at(-1)).toEqual({
      key: 'orderNumber',
      label: 'Order number',
      type: 'text',
      required: false,
      aiManaged: true,
      hint: 'e.g. ORD-12345',
    });
    await store.setFields(tenantId, TEST_FIELDS);
  });

  it('refuses an invalid field list given as text, with the reason', async () => {
    const [answer] = await run(WORKSPACE_ADMIN, 'fields set\n- key: a\n  label: A\n  type: colour');
    expect(answer!.text).toMatch(/Invalid field definition: field 1 \(a\)\.type: type must be one of/);
    expect(await store.getFields(tenantId)).toEqual(TEST_FIELDS);
  });

  it('simulates on closed conversations and posts the accuracy table', async () => {
    const { agent } = h.server.services;
    const actor = { id: WORKSPACE_ADMIN, name: 'Ada' };
    const { conversation } = await store.openConversation(tenantId, {
      platform: 'slack',
      channelId: 'C1',
      threadRef: newTs(),
      customer: { id: 'UCUSTOMER', name: 'Maria' },
    });
    await store.appendMessage(tenantId, conversation.id, {
      role: 'customer',
      author: { id: 'UCUSTOMER', name: 'Maria' },
      text: 'title="Lost parcel" category=Billing priority=High',
      platformMessageId: newTs(),
    });
    await agent.accept(tenantId, conversation.id, actor);
    await agent.editCase(tenantId, conversation.id, actor, { category: 'Shipping & delivery' });
    await agent.end(tenantId, conversation.id, actor);
    await agent.close(tenantId, conversation.id, actor);

    const answers = await run(WORKSPACE_ADMIN, 'simulate');
    expect(answers.map((a) => a.text.split('\n')[0])).toEqual([
      'Running the simulation on closed conversations…',
      'Simulation: accuracy on closed conversations',
    ]);
    const table = answers[1]!.text;
    expect(table).toMatch(/Predictor scripted, 1 closed conversation/);
    expect(table).toMatch(/Field accuracy 50\.0%/);
    expect(table).toMatch(/category\s+1\s+0\s+0\.0%/);
    expect(table).toMatch(/priority\s+1\s+1\s+100\.0%/);
  });
});
