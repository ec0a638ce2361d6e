import { beforeAll, describe, expect, it } from 'vitest';
import {
  ADDED_INPUT,
  adminResultToText,
  type FieldEditorForm,
  fieldEditorContent,
  fieldsToYaml,
  NOT_ADMIN_MESSAGE,
  ORDER_INPUT,
  parseAdminCommand,
  parseFieldsYaml,
  readFieldEditorForm,
  runAdminCommand,
  saveFieldsYaml,
  simulateTenant,
} from '../../core/admin/index.js';
import { createAgent } from '../../core/agent.js';
import { defaultFields } from '../../core/fields.js';
import type { CaseStore } from '../../core/ports.js';
import type { FieldDefinition } from '../../core/types.js';
import { testStore } from '../support/db.js';
import { AGENT, newConversation, newTenant, say, TEST_FIELDS } from '../support/fixtures.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';

const ADMIN = { id: 'U-admin', name: 'Ada Admin' };

describe('admin command parsing', () => {
  it('reads every command and its arguments', () => {
    expect(parseAdminCommand('')).toEqual({ kind: 'help' });
    expect(parseAdminCommand('  HELP ')).toEqual({ kind: 'help' });
    expect(parseAdminCommand('fields')).toEqual({ kind: 'fields.list' });
    expect(parseAdminCommand('fields edit')).toEqual({ kind: 'fields.edit' });
    expect(parseAdminCommand('settings')).toEqual({ kind: 'settings.show' });
    expect(parseAdminCommand('settings protectManualEdits on')).toEqual({
      kind: 'settings.set',
      key: 'protectManualEdits',
      value: 'on',
    });
    for (const text of ['settings threshold=0.5', 'settings threshold: 0.5', 'settings Threshold = 0.5']) {
      expect(parseAdminCommand(text)).toEqual({ kind: 'settings.set', key: 'confidenceThreshold', value: '0.5' });
    }
    expect(parseAdminCommand('settings phoneRegion')).toMatchObject({
      kind: 'invalid',
      message: 'Usage: settings phoneRegion <value>',
    });
    expect(parseAdminCommand('settings threshold 0.5')).toEqual({
      kind: 'settings.set',
      key: 'confidenceThreshold',
      value: '0.5',
    });
    expect(parseAdminCommand('agents')).toEqual({ kind: 'agents.list' });
    expect(parseAdminCommand('agents add <@U123ABC|dana> <@W999> U123ABC')).toEqual({
      kind: 'agents.add',
      users: ['U123ABC', 'W999'],
    });
    expect(parseAdminCommand('agents remove @U77')).toEqual({ kind: 'agents.remove', users: ['U77'] });
    expect(parseAdminCommand('simulate')).toEqual({ kind: 'simulate', limit: null });
    expect(parseAdminCommand('simulate 20')).toEqual({ kind: 'simulate', limit: 20 });
  });

  it('names what it cannot read instead of guessing', () => {
    expect(parseAdminCommand('delete everything')).toEqual({
      kind: 'invalid',
      message: expect.stringMatching(/Unknown command "delete"/),
    });
    expect(parseAdminCommand('agents add dana')).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/"dana" is not a user/),
    });
    expect(parseAdminCommand('settings colour blue')).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/Unknown setting "colour"/),
    });
    expect(parseAdminCommand('simulate lots')).toMatchObject({ kind: 'invalid' });
    expect(parseAdminCommand(42)).toEqual({ kind: 'help' });
  });

  it('lets a platform resolve its own mentions', () => {
    const teams = parseAdminCommand('agents add Dana', { resolveUser: (t) => (t === 'Dana' ? 'aad-1' : null) });
    expect(teams).toEqual({ kind: 'agents.add', users: ['aad-1'] });
  });

  it('keeps the YAML of "fields set" verbatim', () => {
    const cmd = parseAdminCommand('fields set\n- key: a\n  label: A\n  type: text');
    expect(cmd).toEqual({ kind: 'fields.set', yaml: '- key: a\n  label: A\n  type: text' });
  });
});

describe('the field editor text (YAML)', () => {
  it('round-trips every field property, in order', () => {
    const fields = defaultFields();
    expect(parseFieldsYaml(fieldsToYaml(fields))).toEqual(fields);
    expect(parseFieldsYaml(fieldsToYaml(TEST_FIELDS))).toEqual(TEST_FIELDS);
  });

  it('accepts options as plain strings and fills defaults', () => {
    const fields = parseFieldsYaml('- key: tier\n  label: Tier\n  type: choice\n  options: [Gold, Silver]\n');
    expect(fields).toEqual([
      {
        key: 'tier',
        label: 'Tier',
        type: 'choice',
        required: false,
        aiManaged: true,
        options: [{ value: 'Gold' }, { value: 'Silver' }],
      },
    ]);
  });

  it('refuses bad YAML and bad definitions with the reason', () => {
    expect(() => parseFieldsYaml('- key: a\n  label: [unclosed')).toThrow(/YAML error/);
    expect(() => parseFieldsYaml('key: a')).toThrow(/expected a list of fields/);
    expect(() => parseFieldsYaml('')).toThrow(/empty/);
    expect(() => parseFieldsYaml('- key: a\n  label: A\n  type: colour\n')).toThrow(/type must be one of/);
    expect(() => parseFieldsYaml('- key: a\n  label: A\n  type: choice\n')).toThrow(/needs at least one option/);
    expect(() => parseFieldsYaml('- {key: a, label: A, type: text}\n- {key: a, label: B, type: text}')).toThrow(
      /duplicate key "a"/,
    );
    expect(() => parseFieldsYaml('- key: a\n  key: b\n  label: A\n  type: text')).toThrow(/YAML error/);
  });
});

describe('running admin commands', () => {
  let store: CaseStore;
  let tenantId: string;
  const predictor = createScriptedPredictor();
  const run = (command: string, isAdmin: boolean | (() => Promise<boolean>) = true) =>
    runAdminCommand({ store, predictor }, { tenantId, actor: ADMIN, command, isAdmin, formatUser: (id) => `<@${id}>` });

  beforeAll(async () => {
    ({ store } = await testStore());
    tenantId = await newTenant(store);
  });

  it('refuses non-admins and changes nothing', async () => {
    const before = await store.getSettings(tenantId);
    let asked = 0;
    const result = await run('settings protectManualEdits on', async () => {
      asked++;
      return false;
    });
    expect(result).toEqual({ kind: 'refused', message: NOT_ADMIN_MESSAGE });
    expect(asked).toBe(1);
    expect(await store.getSettings(tenantId)).toEqual(before);
  });

  it('lists the fields as a table', async () => {
    const result = await run('fields');
    expect(result.kind).toBe('message');
    if (result.kind !== 'message') return;
    expect(result.table?.rows.map((r) => r[1])).toEqual(TEST_FIELDS.map((f) => f.key));
    expect(adminResultToText(result)).toMatch(/category\s+Category\s+choice\s+yes\s+yes\s+Billing, Shipping/);
  });

  it('opens the field editor with the fields as YAML, and saves valid YAML only', async () => {
    const result = await run('fields edit');
    expect(result.kind).toBe('open-field-editor');
    if (result.kind !== 'open-field-editor') return;
    expect(parseFieldsYaml(result.yaml)).toEqual(TEST_FIELDS);

    const bad = await saveFieldsYaml(store, tenantId, `${result.yaml}\n- key: 9lives\n  label: X\n  type: text\n`);
    expect(bad).toEqual({
      ok: false,
      message: expect.stringMatching(/field 7 \(9lives\)\.key: key must start with a letter/),
    });
    expect(await store.getFields(tenantId)).toEqual(TEST_FIELDS);

    const reordered: FieldDefinition[] = [
      TEST_FIELDS[1]!,
      TEST_FIELDS[0]!,
      { key: 'vip', label: 'VIP', type: 'boolean', required: false, aiManaged: false, hint: 'Gold members' },
    ];
    const good = await saveFieldsYaml(store, tenantId, fieldsToYaml(reordered));
    expect(good).toEqual({ ok: true, fields: reordered });
    expect(await store.getFields(tenantId)).toEqual(reordered);
    await store.setFields(tenantId, TEST_FIELDS);
  });

  it('refuses an invalid "fields set" with the reason and writes nothing', async () => {
    const result = await run('fields set\n- key: a\n  label: A\n  type: choice');
    expect(result).toEqual({
      kind: 'error',
      message: expect.stringMatching(/a choice field needs at least one option/),
    });
    expect(await store.getFields(tenantId)).toEqual(TEST_FIELDS);
  });

  it('shows and sets each setting, validating the value', async () => {
    expect(adminResultToText(await run('settings'))).toMatch(
      /protectManualEdits: off[\s\S]*confidenceThreshold: 0\.35[\s\S]*phoneRegion: US/,
    );
    expect(await run('settings protectManualEdits on')).toMatchObject({
      kind: 'message',
      changed: true,
      title: 'Saved: protectManualEdits is now on.',
    });
    expect(await run('settings confidenceThreshold 40%')).toMatchObject({ kind: 'message', changed: true });
    expect(await run('settings region gb')).toMatchObject({ kind: 'message', changed: true });
    expect(await store.getSettings(tenantId)).toMatchObject({
      protectManualEdits: true,
      confidenceThreshold: 0.4,
      phoneRegion: 'GB',
    });

    expect(await run('settings confidenceThreshold 7')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/from 0 to 1/),
    });
    expect(await run('settings phoneRegion XX')).toMatchObject({ kind: 'error' });
    expect(await run('settings protectManualEdits maybe')).toMatchObject({ kind: 'error' });
    expect(await store.getSettings(tenantId)).toMatchObject({
      protectManualEdits: true,
      confidenceThreshold: 0.4,
      phoneRegion: 'GB',
    });
  });

  it('adds, lists and removes agents', async () => {
    expect(await run('agents add <@U1|one> <@U2>')).toMatchObject({ kind: 'message', title: 'Added <@U1>, <@U2>.' });
    expect(await run('agents add <@U2>')).toMatchObject({ kind: 'message' });
    expect((await store.getSettings(tenantId)).agents).toEqual(['U1', 'U2']);
    expect(adminResultToText(await run('agents'))).toMatch(/Agents: <@U1>, <@U2>/);
    expect(await run('agents remove <@U1>')).toMatchObject({ title: 'Removed <@U1>.' });
    expect(await run('agents remove <@U9>')).toMatchObject({ title: '<@U9> is not an agent.', changed: false });
    expect((await store.getSettings(tenantId)).agents).toEqual(['U2']);
  });

  it('answers help and unknown commands', async () => {
    expect(adminResultToText(await run('help'))).toMatch(/fields edit[\s\S]*agents add @user[\s\S]*simulate/);
    expect(await run('frobnicate')).toMatchObject({
      kind: 'error',
      message: 'Unknown command "frobnicate". Try: help',
    });
  });
});

describe('simulate', () => {
  it('re-predicts closed conversations and scores against their final case values', async () => {
    const { store } = await testStore();
    const tenantId = await newTenant(store);
    const predictor = createScriptedPredictor();
    const agent = createAgent({ store, predictor });

    // Conversation 1: the AI gets everything right.
    const c1 = await newConversation(store, tenantId);
    await say(store, tenantId, c1.id, 'title="Parcel lost" category=Billing priority=High');
    await agent.accept(tenantId, c1.id, AGENT);
    await agent.end(tenantId, c1.id, AGENT);
    await agent.close(tenantId, c1.id, AGENT);

    // Conversation 2: a person corrected the category and added an email the conversation never states.
    const c2 = await newConversation(store, tenantId);
    await say(store, tenantId, c2.id, 'title="Refund please" category=Billing');
    await agent.accept(tenantId, c2.id, AGENT);
    await agent.editCase(tenantId, c2.id, AGENT, { category: 'Technical issue', email: 'sam@example.com' });
    await agent.end(tenantId, c2.id, AGENT);
    await agent.close(tenantId, c2.id, AGENT);

    // An open conversation is not scored.
    const c3 = await newConversation(store, tenantId);
    await say(store, tenantId, c3.id, 'title="x" category=Billing');

    const report = await simulateTenant({ store, predictor }, tenantId);
    expect(report.conversations).toBe(2);
    const byKey = Object.fromEntries(report.fields.map((f) => [f.key, f]));
    expect(byKey.category).toMatchObject({ labelled: 2, right: 1 });
    expect(byKey.priority).toMatchObject({ labelled: 1, right: 1, unlabelled: 1, hallucinated: 0 });
    expect(byKey.email).toMatchObject({ labelled: 1, right: 0, abstained: 1 });
    expect(byKey.title).toMatchObject({ judgedOn: 'filled', labelled: 2, right: 2 });
    expect(byKey.internalNote).toBeUndefined();
    // Value-judged labels: category 2, priority 1, email 1 → 2 right of 4.
    expect(report.fieldAccuracy).toBe(0.5);
    expect(report.decisionAccuracyEnd).toBe(1);
    expect(report.misses).toContainEqual(
      expect.objectContaining({ field: 'category', expected: 'Technical issue', got: 'Billing' }),
    );

    const result = await runAdminCommand(
      { store, predictor },
      { tenantId, actor: ADMIN, command: 'simulate', isAdmin: true },
    );
    expect(adminResultToText(result)).toMatch(/Field accuracy 50\.0%[\s\S]*category\s+2\s+1\s+50\.0%/);
  });

  it('says so when there is nothing to compare', async () => {
    const { store } = await testStore();
    const tenantId = await newTenant(store);
    const result = await runAdminCommand(
      { store, predictor: createScriptedPredictor() },
      { tenantId, actor: ADMIN, command: 'simulate', isAdmin: true },
    );
    expect(result).toMatchObject({ kind: 'message', title: 'Simulation: nothing to compare yet' });
  });
});

describe('the field editor form (one input per field)', () => {
  const content = fieldEditorContent(TEST_FIELDS);
  const form = (
    edit: (inputs: Array<{ id: string; yaml: string; originalKey: string }>) => void,
    extra: Partial<FieldEditorForm> = {},
  ) => {
    const inputs = content.fields.map((f, i) => ({ id: `f${i}`, yaml: f.yaml, originalKey: f.key }));
    edit(inputs);
    return { order: content.order, fields: inputs, added: '', ...extra };
  };

  it('gives back the same fields when nothing is changed, and every input fits in Slack', () => {
    expect(content.order).toBe('title, category, priority, email, dueDate, internalNote');
    expect(readFieldEditorForm(form(() => {}))).toEqual({ ok: true, fields: TEST_FIELDS });
    for (const f of fieldEditorContent(defaultFields()).fields) expect(f.yaml.length).toBeLessThanOrEqual(3000);
  });

  it('edits, removes, adds and reorders', () => {
    const result = readFieldEditorForm(
      form(
        (inputs) => {
          inputs[0]!.yaml = inputs[0]!.yaml.replace('label: Title', 'label: Subject');
          inputs[4]!.yaml = '';
        },
        { order: 'category, title, dueDate', added: 'key: vip\nlabel: VIP\ntype: boolean\naiManaged: false' },
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields.map((f) => f.key)).toEqual(['category', 'title', 'priority', 'email', 'internalNote', 'vip']);
    expect(result.fields[1]!.label).toBe('Subject');
    expect(result.fields[5]).toEqual({ key: 'vip', label: 'VIP', type: 'boolean', required: false, aiManaged: false });
  });

  it('points each error at its input and returns no fields', () => {
    const result = readFieldEditorForm(
      form(
        (inputs) => {
          inputs[1]!.yaml = inputs[1]!.yaml.replace('type: choice', 'type: dropdown');
          inputs[2]!.yaml = 'key: [oops';
        },
        { added: 'key: 1bad\nlabel: X\ntype: text' },
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.f1).toMatch(/^type: type must be one of/);
    expect(result.errors.f2).toMatch(/YAML error/);
    expect(result.errors[ADDED_INPUT]).toMatch(/key must start with a letter/);
  });

  it('refuses duplicate keys, unknown keys in the order and an empty list', () => {
    const dup = readFieldEditorForm(form(() => {}, { added: 'key: title\nlabel: T2\ntype: text' }));
    expect(dup).toEqual({ ok: false, errors: { [ADDED_INPUT]: expect.stringMatching(/"title" is used twice/) } });
    const typo = readFieldEditorForm(form(() => {}, { order: 'titel, category' }));
    expect(typo).toEqual({ ok: false, errors: { [ORDER_INPUT]: 'Unknown field keys in the order: titel' } });
    const empty = readFieldEditorForm(
      form((inputs) => {
        for (const i of inputs) i.yaml = '';
      }),
    );
    expect(empty).toEqual({ ok: false, errors: { [ORDER_INPUT]: expect.stringMatching(/at least one field/) } });
  });
});
