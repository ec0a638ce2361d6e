import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../core/agent.js';
import type { CaseStore } from '../../core/ports.js';
import { testStore } from '../support/db.js';
import { AGENT, CUSTOMER, newConversation, newTenant, say } from '../support/fixtures.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';

let store: CaseStore;
beforeAll(async () => {
  store = (await testStore()).store;
});

describe('repository', () => {
  it('seeds a new tenant with the default fields and settings, once', async () => {
    const id = `slack:${randomUUID()}`;
    await Promise.all([store.ensureTenant({ id, platform: 'slack' }), store.ensureTenant({ id, platform: 'slack' })]);
    const fields = await store.getFields(id);
    expect(fields.map((f) => f.key).slice(0, 3)).toEqual(['title', 'description', 'customerName']);
    expect(await store.getSettings(id)).toEqual({
      protectManualEdits: false,
      confidenceThreshold: 0.35,
      phoneRegion: 'US',
      agents: [],
    });
  });

  it('keeps field order as configured', async () => {
    const tenantId = await newTenant(store);
    const fields = await store.getFields(tenantId);
    await store.setFields(tenantId, [...fields].reverse());
    expect((await store.getFields(tenantId)).map((f) => f.key)).toEqual(fields.map((f) => f.key).reverse());
  });

  it('stores a redelivered message once', async () => {
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    const message = { role: 'customer' as const, author: CUSTOMER, text: 'hello', platformMessageId: 'm-1' };
    const results = await Promise.all([1, 2, 3].map(() => store.appendMessage(tenantId, c.id, message)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    const snap = await store.loadSnapshot(tenantId, c.id);
    expect(snap?.messages).toHaveLength(1);
  });

  it('opens one conversation per thread however often the thread start is delivered', async () => {
    const tenantId = await newTenant(store);
    const input = { platform: 'slack' as const, channelId: 'C1', threadRef: '1700000000.000100' };
    const results = await Promise.all([1, 2, 3].map(() => store.openConversation(tenantId, input)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.conversation.id)).size).toBe(1);
  });

  it('keeps message order and reflects edits and deletions', async () => {
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    const a = await say(store, tenantId, c.id, 'first');
    await say(store, tenantId, c.id, 'second');
    expect(await store.editMessage(tenantId, c.id, a.platformMessageId, 'first (edited)')).toBe(true);
    expect(await store.deleteMessage(tenantId, c.id, 'missing')).toBe(false);
    const snap = await store.loadSnapshot(tenantId, c.id);
    expect(snap?.messages.map((m) => m.text)).toEqual(['first (edited)', 'second']);
  });

  it('numbers cases per tenant', async () => {
    const tenantId = await newTenant(store);
    const agent = createAgent({ store, predictor: createScriptedPredictor() });
    const numbers: number[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await newConversation(store, tenantId);
      await say(store, tenantId, c.id, 'title=x category=Billing');
      const result = await agent.accept(tenantId, c.id, AGENT);
      if (result.kind === 'created') numbers.push(result.case.number);
    }
    expect(numbers).toEqual([1, 2, 3]);
  });

  it('records a platform event key once', async () => {
    const tenantId = await newTenant(store);
    expect(await store.markEventProcessed(tenantId, 'Ev1')).toBe(true);
    expect(await store.markEventProcessed(tenantId, 'Ev1')).toBe(false);
    const other = await newTenant(store);
    expect(await store.markEventProcessed(other, 'Ev1')).toBe(true);
  });

  it('treats a malformed conversation id as not found', async () => {
    const tenantId = await newTenant(store);
    expect(await store.getConversation(tenantId, "1' or '1'='1")).toBeNull();
    await expect(store.withConversation(tenantId, 'nope', async () => 1)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('tenant isolation', () => {
  it('a second tenant sees none of the first tenant data and cannot change it', async () => {
    const a = await newTenant(store);
    const b = await newTenant(store);
    const agent = createAgent({ store, predictor: createScriptedPredictor() });
    const c = await newConversation(store, a);
    const m = await say(store, a, c.id, 'title="Secret problem" category=Billing');
    await agent.accept(a, c.id, AGENT);

    expect(await store.getConversation(b, c.id)).toBeNull();
    expect(await store.loadSnapshot(b, c.id)).toBeNull();
    expect(await store.getCase(b, c.id)).toBeNull();
    expect(await store.listEvents(b, c.id)).toEqual([]);
    expect(await store.listConversations(b)).toEqual([]);
    expect(await store.findConversationByThread(b, c.platform, c.threadRef)).toBeNull();
    await expect(
      store.appendMessage(b, c.id, { role: 'customer', author: CUSTOMER, text: 'x', platformMessageId: 'z' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await store.editMessage(b, c.id, m.platformMessageId, 'tampered')).toBe(false);
    expect(await store.deleteMessage(b, c.id, m.platformMessageId)).toBe(false);
    await expect(agent.updateFromConversation(b, c.id, AGENT)).rejects.toMatchObject({ code: 'not_found' });
    await expect(agent.editCase(b, c.id, AGENT, { title: 'tampered' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(agent.end(b, c.id, AGENT)).rejects.toMatchObject({ code: 'not_found' });

    const snap = await store.loadSnapshot(a, c.id);
    expect(snap?.messages.map((x) => x.text)).toEqual(['title="Secret problem" category=Billing']);
    expect(snap?.case?.values.title?.value).toBe('Secret problem');
    expect(snap?.conversation.state).toBe('active');
  });
});
