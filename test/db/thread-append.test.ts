import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseStore, ThreadMessage } from '../../core/ports.js';
import { testStore } from '../support/db.js';
import { AGENT, CUSTOMER, newConversation, newTenant } from '../support/fixtures.js';

let store: CaseStore;
beforeAll(async () => {
  store = (await testStore()).store;
});

function message(overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  return {
    role: 'customer',
    agentIfAssigned: true,
    author: CUSTOMER,
    text: 'my parcel is late',
    platformMessageId: randomUUID(),
    ...overrides,
  };
}

describe('appendToThread (ingest in one statement)', () => {
  it('stores a new message once and returns the stored one for a redelivery', async () => {
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    const m = message();
    const first = await store.appendToThread(tenantId, c.platform, c.threadRef, m);
    expect(first).toMatchObject({ kind: 'appended', created: true, conversation: { id: c.id, state: 'open' } });
    const again = await store.appendToThread(tenantId, c.platform, c.threadRef, { ...m, text: 'changed in transit' });
    expect(again).toMatchObject({ kind: 'appended', created: false });
    if (first.kind !== 'appended' || again.kind !== 'appended') throw new Error('not appended');
    expect(again.message).toEqual(first.message);
    expect(first.message).toMatchObject({ conversationId: c.id, role: 'customer', text: 'my parcel is late' });
    const snap = await store.loadSnapshot(tenantId, c.id);
    expect(snap?.messages.map((x) => x.text)).toEqual(['my parcel is late']);
    expect(snap!.conversation.updatedAt.getTime()).toBeGreaterThanOrEqual(c.updatedAt.getTime());
  });

  it('stores each of concurrent redeliveries once', async () => {
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    const m = message();
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => store.appendToThread(tenantId, c.platform, c.threadRef, m)),
    );
    const appended = results.flatMap((r) => (r.kind === 'appended' ? [r] : []));
    expect(appended).toHaveLength(4);
    expect(appended.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(appended.map((r) => r.message.id)).size).toBe(1);
    expect((await store.loadSnapshot(tenantId, c.id))?.messages).toHaveLength(1);
  });

  it('answers no-thread for an unknown thread and stores nothing', async () => {
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    expect(await store.appendToThread(tenantId, c.platform, 'no-such-thread', message())).toEqual({
      kind: 'no-thread',
    });
    // Same thread ref, other platform: another thread.
    expect(await store.appendToThread(tenantId, 'slack', c.threadRef, message())).toEqual({ kind: 'no-thread' });
    expect((await store.loadSnapshot(tenantId, c.id))?.messages).toHaveLength(0);
  });

  it('ignores messages to a closed conversation', async () => {
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await store.withConversation(tenantId, c.id, (tx) => tx.setState('closed'));
    const result = await store.appendToThread(tenantId, c.platform, c.threadRef, message());
    expect(result).toMatchObject({ kind: 'closed', conversation: { id: c.id, state: 'closed' } });
    expect((await store.loadSnapshot(tenantId, c.id))?.messages).toHaveLength(0);
  });

  it('stores the assigned agent as agent only when core says the rule applies', async () => {
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await store.withConversation(tenantId, c.id, (tx) => tx.setState('active', AGENT));
    const append = async (overrides: Partial<ThreadMessage>) => {
      const r = await store.appendToThread(tenantId, c.platform, c.threadRef, message(overrides));
      if (r.kind !== 'appended') throw new Error(r.kind);
      return r.message.role;
    };
    expect(await append({ author: AGENT })).toBe('agent');
    expect(await append({ author: CUSTOMER })).toBe('customer');
    // A bot posting under the agent's id stays a bot: core did not ask for the rule.
    expect(await append({ author: AGENT, role: 'bot', agentIfAssigned: false })).toBe('bot');
    // Someone else with the agent's name is not the agent.
    expect(await append({ author: { id: 'U-other', name: AGENT.name } })).toBe('customer');
  });

  it('never reaches another tenant thread', async () => {
    const a = await newTenant(store);
    const b = await newTenant(store);
    const c = await newConversation(store, a);
    expect(await store.appendToThread(b, c.platform, c.threadRef, message())).toEqual({ kind: 'no-thread' });
    expect((await store.loadSnapshot(a, c.id))?.messages).toHaveLength(0);
  });

  it('stores text with NUL bytes', async () => {
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    const result = await store.appendToThread(tenantId, c.platform, c.threadRef, message({ text: 'a\u0000b' }));
    expect(result).toMatchObject({ kind: 'appended', message: { text: 'a\uFFFDb' } });
  });
});
