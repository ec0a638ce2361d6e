import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseStore } from '../../core/ports.js';
import { testStore } from '../support/db.js';
import { AGENT, newConversation, newTenant } from '../support/fixtures.js';

let store: CaseStore;
beforeAll(async () => {
  store = (await testStore()).store;
});

const VALUE = {
  key: 'title',
  value: 'Parcel late',
  source: 'ai' as const,
  confidence: 0.9,
  evidence: [],
  updatedBy: 'autocase',
  updatedAt: new Date('2026-03-02T10:00:00Z'),
};

describe('a decision on a locked conversation', () => {
  it('stores the event it returns, with the change, in one commit', async () => {
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    const event = await store.withConversation(tenantId, c.id, async (tx) => {
      await tx.setState('active', AGENT);
      return tx.addEvent({ type: 'state_changed', actor: AGENT.id, data: { from: 'open', to: 'active' } });
    });
    expect(await store.listEvents(tenantId, c.id)).toEqual([event]);
    expect((await store.getConversation(tenantId, c.id))?.assignedAgent).toEqual(AGENT);
  });

  it('commits nothing when its event cannot be stored', async () => {
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await expect(
      store.withConversation(tenantId, c.id, async (tx) => {
        await tx.setState('active', AGENT);
        // Not a uuid: the insert fails after the work has returned, when the commit is sent.
        await tx.addEvent({ type: 'state_changed', actor: AGENT.id, caseId: 'not-a-case-id' });
      }),
    ).rejects.toThrow();
    expect((await store.getConversation(tenantId, c.id))?.state).toBe('open');
    expect(await store.listEvents(tenantId, c.id)).toEqual([]);
  });

  it('sees the case another decision created while it waited for the lock', async () => {
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await store.withConversation(tenantId, c.id, (tx) => tx.setState('active', AGENT));
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const first = store.withConversation(tenantId, c.id, async (tx) => {
      expect(await tx.getCase()).toBeNull();
      locked();
      const created = await tx.createCase([VALUE], AGENT.id);
      await held;
      return created;
    });
    await lockTaken;
    const second = store.withConversation(tenantId, c.id, (tx) => tx.getCase());
    release();
    const created = await first;
    expect(created.values.title?.value).toBe('Parcel late');
    expect((await second)?.id).toBe(created.id);
  });

  it('builds the created case from what was stored', async () => {
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    await store.withConversation(tenantId, c.id, (tx) => tx.setState('active', AGENT));
    const created = await store.withConversation(tenantId, c.id, (tx) => tx.createCase([VALUE], AGENT.id));
    expect(await store.getCase(tenantId, c.id)).toEqual(created);
    const empty = await newConversation(store, tenantId);
    const bare = await store.withConversation(tenantId, empty.id, (tx) => tx.createCase([], AGENT.id));
    expect(bare.values).toEqual({});
    expect(bare.number).toBe(created.number + 1);
  });
});
