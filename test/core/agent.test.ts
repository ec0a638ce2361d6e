import { beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../core/agent.js';
import { DomainError } from '../../core/errors.js';
import type { CaseStore } from '../../core/ports.js';
import { testStore } from '../support/db.js';
import { AGENT, newConversation, newTenant, say } from '../support/fixtures.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';

let store: CaseStore;
beforeAll(async () => {
  store = (await testStore()).store;
});

function setup() {
  const predictor = createScriptedPredictor();
  return { predictor, agent: createAgent({ store, predictor }) };
}

describe('accept (rule 1)', () => {
  it('creates the case with predicted values when every required field is known', async () => {
    const { agent } = setup();
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    const m = await say(store, tenantId, c.id, 'title="Charged twice" category=Billing email=Maria@Example.com');

    const result = await agent.accept(tenantId, c.id, AGENT);

    expect(result.kind).toBe('created');
    if (result.kind !== 'created') return;
    expect(result.case.number).toBe(1);
    expect(result.case.values.title?.value).toBe('Charged twice');
    expect(result.case.values.email).toMatchObject({ value: 'maria@example.com', source: 'ai', evidence: [m.id] });
    expect(result.case.values.email?.confidence).toBeCloseTo(0.9);
    const conversation = await store.getConversation(tenantId, c.id);
    expect(conversation).toMatchObject({ state: 'active', assignedAgent: AGENT });
    const events = await store.listEvents(tenantId, c.id);
    expect(events.map((e) => e.type)).toEqual(['state_changed', 'created']);
  });

  it('creates nothing and names the missing required fields when context is short', async () => {
    const { agent } = setup();
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await say(store, tenantId, c.id, 'hi, category=Billing');

    const result = await agent.accept(tenantId, c.id, AGENT);

    expect(result.kind).toBe('missing');
    if (result.kind === 'missing') expect(result.missing.map((f) => f.label)).toEqual(['Title']);
    expect(await store.getCase(tenantId, c.id)).toBeNull();
    const events = await store.listEvents(tenantId, c.id);
    expect(events.at(-1)).toMatchObject({ type: 'not_created', data: { missing: ['title'], trigger: 'accept' } });
  });

  it('counts escalation values as known, with source escalation', async () => {
    const { agent } = setup();
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId, {
      bot: 'HelpBot',
      summary: 'Late parcel',
      values: { category: 'shipping & DELIVERY' },
    });
    await say(store, tenantId, c.id, 'title="Parcel late"');

    const result = await agent.accept(tenantId, c.id, AGENT);

    expect(result.kind).toBe('created');
    if (result.kind === 'created') {
      expect(result.case.values.category).toMatchObject({
        value: 'Shipping & delivery',
        source: 'escalation',
        confidence: 1,
      });
    }
  });

  it('ignores predictions below the tenant confidence threshold', async () => {
    const { agent, predictor } = setup();
    const tenantId = await newTenant(store);
    await store.updateSettings(tenantId, { confidenceThreshold: 0.8 });
    const c = await newConversation(store, tenantId);
    predictor.answerWith({ title: { value: 'Guess', confidence: 0.5 }, category: 'Billing' });
    const result = await agent.accept(tenantId, c.id, AGENT);
    expect(result.kind).toBe('missing');
  });

  it('refuses a second agent and lets the same agent click twice', async () => {
    const { agent } = setup();
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await agent.accept(tenantId, c.id, AGENT);
    await expect(agent.accept(tenantId, c.id, AGENT)).resolves.toMatchObject({ kind: 'missing' });
    await expect(agent.accept(tenantId, c.id, { id: 'U-other', name: 'Other' })).rejects.toThrow(
      /Already accepted by Priya/,
    );
  });

  it('records a failed prediction and creates nothing', async () => {
    let failing = true;
    const predictor = createScriptedPredictor({ fail: () => failing });
    const agent = createAgent({ store, predictor });
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await say(store, tenantId, c.id, 'title=x category=Billing');
    await expect(agent.accept(tenantId, c.id, AGENT)).resolves.toMatchObject({ kind: 'prediction-failed' });
    expect(await store.getCase(tenantId, c.id)).toBeNull();
    expect((await store.listEvents(tenantId, c.id)).at(-1)?.type).toBe('prediction_failed');
    failing = false;
    await expect(agent.updateFromConversation(tenantId, c.id, AGENT)).resolves.toMatchObject({ kind: 'created' });
  });
});

describe('end (rule 2)', () => {
  it('creates the case at the end when there is enough by then', async () => {
    const { agent } = setup();
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await say(store, tenantId, c.id, 'hello');
    expect((await agent.accept(tenantId, c.id, AGENT)).kind).toBe('missing');
    await say(store, tenantId, c.id, 'title="App crashes on export" category="technical issue"');

    const { conversation, creation } = await agent.end(tenantId, c.id, AGENT);

    expect(conversation.state).toBe('wrapUp');
    expect(creation.kind).toBe('created');
    if (creation.kind === 'created') expect(creation.case.values.category?.value).toBe('Technical issue');
  });

  it('does not create a second case when one was created by hand', async () => {
    const { agent } = setup();
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await agent.accept(tenantId, c.id, AGENT);
    const manual = await agent.createCaseManually(tenantId, c.id, AGENT, {
      title: 'Typed by hand',
      category: 'Billing',
    });
    await say(store, tenantId, c.id, 'title="Something else" category=Technical_issue');

    const { creation } = await agent.end(tenantId, c.id, AGENT);

    expect(creation).toMatchObject({ kind: 'exists' });
    const kase = await store.getCase(tenantId, c.id);
    expect(kase?.id).toBe(manual.id);
    expect(kase?.values.title).toMatchObject({ value: 'Typed by hand', source: 'manual' });
  });

  it('creates nothing at the end when required fields are still unknown', async () => {
    const { agent } = setup();
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await agent.accept(tenantId, c.id, AGENT);
    const { creation } = await agent.end(tenantId, c.id, AGENT);
    expect(creation).toMatchObject({ kind: 'missing' });
    expect(await store.getCase(tenantId, c.id)).toBeNull();
  });

  it('refuses illegal transitions', async () => {
    const { agent } = setup();
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await expect(agent.end(tenantId, c.id, AGENT)).rejects.toThrow(/Accept the conversation before ending it/);
    await expect(agent.close(tenantId, c.id, AGENT)).rejects.toBeInstanceOf(DomainError);
    await agent.accept(tenantId, c.id, AGENT);
    await agent.end(tenantId, c.id, AGENT);
    await agent.close(tenantId, c.id, AGENT);
    await expect(agent.accept(tenantId, c.id, AGENT)).rejects.toThrow(/closed/);
    await expect(agent.updateFromConversation(tenantId, c.id, AGENT)).rejects.toThrow(/closed/);
  });
});

describe('update from conversation (rule 3)', () => {
  async function withCase() {
    const { agent, predictor } = setup();
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await say(store, tenantId, c.id, 'title="Parcel late" category="Shipping & delivery" priority=Normal');
    const created = await agent.accept(tenantId, c.id, AGENT);
    expect(created.kind).toBe('created');
    return { agent, predictor, tenantId, c };
  }

  it('rewrites changed AI fields and reports which changed', async () => {
    const { agent, tenantId, c } = await withCase();
    await say(store, tenantId, c.id, 'I need it today! priority=Urgent dueDate=2026-03-10');

    const result = await agent.updateFromConversation(tenantId, c.id, AGENT);

    expect(result.kind).toBe('updated');
    if (result.kind !== 'updated') return;
    expect(result.changes.map((ch) => ch.key).sort()).toEqual(['dueDate', 'priority']);
    expect(result.changes.find((ch) => ch.key === 'priority')).toMatchObject({
      before: { value: 'Normal', source: 'ai' },
      after: { value: 'Urgent', source: 'ai' },
    });
    expect(result.case.values.priority?.value).toBe('Urgent');
    const last = (await store.listEvents(tenantId, c.id)).at(-1);
    expect(last?.type).toBe('ai_updated');
  });

  it('changes nothing and says so when there is no new context', async () => {
    const { agent, tenantId, c } = await withCase();
    const before = await store.getCase(tenantId, c.id);
    const result = await agent.updateFromConversation(tenantId, c.id, AGENT);
    expect(result).toMatchObject({ kind: 'no-change', reason: 'no_new_context' });
    const after = await store.getCase(tenantId, c.id);
    expect(after?.values).toEqual(before?.values);
    expect((await store.listEvents(tenantId, c.id)).at(-1)).toMatchObject({
      type: 'no_change',
      data: { reason: 'no_new_context' },
    });
  });

  it('says the fields are unknown when the predictor knows nothing', async () => {
    const { agent, predictor, tenantId, c } = await withCase();
    predictor.answerWith({ title: null, category: null, priority: null, email: null, dueDate: null });
    const result = await agent.updateFromConversation(tenantId, c.id, AGENT);
    expect(result).toMatchObject({ kind: 'no-change', reason: 'fields_unknown' });
    expect((await store.getCase(tenantId, c.id))?.values.title?.value).toBe('Parcel late');
  });

  it('in wrap-up, first checks that a case exists', async () => {
    const { agent } = setup();
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await agent.accept(tenantId, c.id, AGENT);
    await agent.end(tenantId, c.id, AGENT);
    await say(store, tenantId, c.id, 'title=Late category=Billing');
    const result = await agent.updateFromConversation(tenantId, c.id, AGENT);
    expect(result.kind).toBe('no-case');
    expect(await store.getCase(tenantId, c.id)).toBeNull();
  });

  it('overwrites manual edits of AI-managed fields by default, and the audit keeps both values', async () => {
    const { agent, tenantId, c } = await withCase();
    await agent.editCase(tenantId, c.id, AGENT, { priority: 'low' });
    expect((await store.getCase(tenantId, c.id))?.values.priority).toMatchObject({ value: 'Low', source: 'manual' });

    const result = await agent.updateFromConversation(tenantId, c.id, AGENT);

    expect(result.kind).toBe('updated');
    const kase = await store.getCase(tenantId, c.id);
    expect(kase?.values.priority).toMatchObject({ value: 'Normal', source: 'ai' });
    const events = await store.listEvents(tenantId, c.id);
    const edit = events.find((e) => e.type === 'manually_edited');
    const update = events.findLast((e) => e.type === 'ai_updated');
    expect(edit?.data.changes).toEqual([
      { key: 'priority', before: { value: 'Normal', source: 'ai' }, after: { value: 'Low', source: 'manual' } },
    ]);
    expect(update?.data.changes).toEqual([
      { key: 'priority', before: { value: 'Low', source: 'manual' }, after: { value: 'Normal', source: 'ai' } },
    ]);
  });

  it('keeps manual edits when the tenant protects them', async () => {
    const { agent, tenantId, c } = await withCase();
    await store.updateSettings(tenantId, { protectManualEdits: true });
    await agent.editCase(tenantId, c.id, AGENT, { priority: 'Low' });
    const result = await agent.updateFromConversation(tenantId, c.id, AGENT);
    expect(result).toMatchObject({ kind: 'no-change', reason: 'protected' });
    expect((await store.getCase(tenantId, c.id))?.values.priority).toMatchObject({ value: 'Low', source: 'manual' });
  });

  it('never writes fields that are not AI-managed', async () => {
    const { agent, tenantId, c } = await withCase();
    await say(store, tenantId, c.id, 'internalNote=hacked');
    await agent.updateFromConversation(tenantId, c.id, AGENT);
    expect((await store.getCase(tenantId, c.id))?.values.internalNote).toBeUndefined();
  });

  it('undoes the last AI update where nobody changed the field since', async () => {
    const { agent, tenantId, c } = await withCase();
    await say(store, tenantId, c.id, 'priority=Urgent');
    await agent.updateFromConversation(tenantId, c.id, AGENT);
    const { case: restored, restored: keys } = await agent.undoLastAiUpdate(tenantId, c.id, AGENT);
    expect(keys).toEqual(['priority']);
    expect(restored.values.priority?.value).toBe('Normal');
    await expect(agent.undoLastAiUpdate(tenantId, c.id, AGENT)).rejects.toThrow(/no AI update to undo/);
  });
});

describe('manual edits', () => {
  it('refuses an invalid value with the reason and writes nothing', async () => {
    const { agent } = setup();
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await say(store, tenantId, c.id, 'title=x category=Billing');
    await agent.accept(tenantId, c.id, AGENT);
    const before = await store.getCase(tenantId, c.id);
    const eventsBefore = (await store.listEvents(tenantId, c.id)).length;

    await expect(
      agent.editCase(tenantId, c.id, AGENT, { priority: 'Whenever', email: 'ok@example.com' }),
    ).rejects.toThrow(/Priority: "Whenever" is not one of: Low, Normal, High, Urgent/);
    await expect(agent.editCase(tenantId, c.id, AGENT, { dueDate: '2026-02-30' })).rejects.toThrow(/not a real date/);
    await expect(agent.editCase(tenantId, c.id, AGENT, { email: 'not-an-email' })).rejects.toThrow(/not an email/);
    await expect(agent.editCase(tenantId, c.id, AGENT, { nope: 1 })).rejects.toMatchObject({ code: 'unknown_field' });
    await expect(agent.editCase(tenantId, c.id, AGENT, { title: '' })).rejects.toThrow(
      /Required fields cannot be emptied/,
    );

    expect((await store.getCase(tenantId, c.id))?.values).toEqual(before?.values);
    expect(await store.listEvents(tenantId, c.id)).toHaveLength(eventsBefore);
  });

  it('normalises accepted edits', async () => {
    const { agent } = setup();
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await say(store, tenantId, c.id, 'title=x category=Billing');
    await agent.accept(tenantId, c.id, AGENT);
    const kase = await agent.editCase(tenantId, c.id, AGENT, {
      email: ' Foo@Bar.COM ',
      priority: ' high ',
      dueDate: '2026-04-01',
    });
    expect(kase.values.email?.value).toBe('foo@bar.com');
    expect(kase.values.priority?.value).toBe('High');
    expect(kase.values.dueDate?.value).toBe('2026-04-01');
  });
});

describe('races on one conversation', () => {
  it('concurrent accept, end and updates make exactly one case', async () => {
    const predictor = createScriptedPredictor({ delayMs: 20 });
    const agent = createAgent({ store, predictor });
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await say(store, tenantId, c.id, 'title="Double charge" category=Billing');
    await agent.accept(tenantId, c.id, AGENT);
    // The accept above created it; now race a fresh conversation from scratch.
    const c2 = await newConversation(store, tenantId);
    await say(store, tenantId, c2.id, 'title="Double charge" category=Billing');
    const results = await Promise.allSettled([
      agent.accept(tenantId, c2.id, AGENT),
      agent.accept(tenantId, c2.id, AGENT),
      agent.accept(tenantId, c2.id, AGENT),
      agent.end(tenantId, c2.id, AGENT),
      agent.updateFromConversation(tenantId, c2.id, AGENT),
    ]);
    // Whatever the interleaving, a call either succeeds or is refused as an illegal transition (e.g. accept after end,
    // end before accept); nothing else goes wrong.
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'illegal_transition' });
    }
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(0);
    const created = (await store.listEvents(tenantId, c2.id)).filter((e) => e.type === 'created');
    expect(created).toHaveLength(1);
    const kase = await store.getCase(tenantId, c2.id);
    expect(kase?.number).toBe(2);
    expect((await store.getConversation(tenantId, c2.id))?.state).toMatch(/active|wrapUp/);
  });

  it('two agents pressing Update at once lose no change', async () => {
    const predictor = createScriptedPredictor({ delayMs: 10 });
    const agent = createAgent({ store, predictor });
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await say(store, tenantId, c.id, 'title=Late category=Billing');
    await agent.accept(tenantId, c.id, AGENT);
    await say(store, tenantId, c.id, 'priority=High');
    const [a, b] = await Promise.all([
      agent.updateFromConversation(tenantId, c.id, AGENT),
      agent.updateFromConversation(tenantId, c.id, { id: 'U-2', name: 'Second' }),
    ]);
    expect([a.kind, b.kind].sort()).toEqual(['no-change', 'updated']);
    expect((await store.getCase(tenantId, c.id))?.values.priority?.value).toBe('High');
  });
});
