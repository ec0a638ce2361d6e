import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseStore, ThreadMessage } from '../../core/ports.js';
import type { Platform } from '../../core/types.js';
import type { Database } from '../../db/connect.js';
import { createThreadAppender, type ThreadAppend } from '../../db/thread-appender.js';
import { testStore } from '../support/db.js';
import { CUSTOMER, newConversation, newTenant } from '../support/fixtures.js';

let database: Database;
let store: CaseStore;
beforeAll(async () => {
  ({ database, store } = await testStore());
});

const message = (overrides: Partial<ThreadMessage> = {}): ThreadMessage => ({
  role: 'customer',
  agentIfAssigned: true,
  author: CUSTOMER,
  text: 'hello',
  platformMessageId: randomUUID(),
  ...overrides,
});

describe('group commit of ingested messages', () => {
  it('answers each message of a batch on its own: new, redelivered, twice in the batch, closed, unknown', async () => {
    const appender = createThreadAppender(database);
    const a = await newTenant(store);
    const b = await newTenant(store);
    const open = await newConversation(store, a);
    const other = await newConversation(store, b);
    const closed = await newConversation(store, a);
    await store.withConversation(a, closed.id, (tx) => tx.setState('closed'));
    const stored = message({ text: 'already here' });
    await appender.append({ tenantId: a, platform: open.platform, threadRef: open.threadRef, message: stored });
    const twice = message({ text: 'sent twice' });
    const to = (tenantId: string, c: { platform: Platform; threadRef: string }, m: ThreadMessage): ThreadAppend => ({
      tenantId,
      platform: c.platform,
      threadRef: c.threadRef,
      message: m,
    });
    // Started together: the first goes at once, the rest wait for it and go as one batch.
    const [first, redelivered, once, again, inClosed, unknown, crossTenant, otherTenant] = await Promise.all([
      appender.append(to(a, open, message({ text: 'first' }))),
      appender.append(to(a, open, stored)),
      appender.append(to(a, open, twice)),
      appender.append(to(a, open, twice)),
      appender.append(to(a, closed, message())),
      appender.append(to(a, { platform: 'playground', threadRef: 'no-such-thread' }, message())),
      appender.append(to(a, other, message())),
      appender.append(to(b, other, message({ text: 'for b' }))),
    ]);
    expect(first).toMatchObject({ id: open.id, m_created: true, m_text: 'first' });
    expect(redelivered).toMatchObject({ id: open.id, m_created: false, m_text: 'already here' });
    expect([once?.m_created, again?.m_created].sort()).toEqual([false, true]);
    expect(once?.m_id).toBe(again?.m_id);
    expect(inClosed).toMatchObject({ state: 'closed', m_id: null });
    expect(unknown).toBeUndefined();
    expect(crossTenant).toBeUndefined();
    expect(otherTenant).toMatchObject({ id: other.id, tenant_id: b, m_created: true, m_text: 'for b' });
    const texts = (await store.loadSnapshot(a, open.id))?.messages.map((m) => m.text);
    expect(texts?.sort()).toEqual(['already here', 'first', 'sent twice']);
    expect((await store.loadSnapshot(a, closed.id))?.messages).toEqual([]);
  });

  it('fails only the message that cannot be stored when a batch fails', async () => {
    const appender = createThreadAppender(database);
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    const to = (m: ThreadMessage) =>
      appender.append({ tenantId, platform: c.platform, threadRef: c.threadRef, message: m });
    const results = await Promise.allSettled([
      to(message({ text: 'alone' })),
      to(message({ text: 'good' })),
      to(message({ sentAt: new Date(Number.NaN) })),
      to(message({ text: 'also good' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const texts = (await store.loadSnapshot(tenantId, c.id))?.messages.map((m) => m.text);
    expect(texts?.sort()).toEqual(['alone', 'also good', 'good']);
  });

  it('stores an unpaired surrogate as U+FFFD, as a text parameter would', async () => {
    const appender = createThreadAppender(database);
    const tenantId = await newTenant(store);
    const c = await newConversation(store, tenantId);
    const row = await appender.append({
      tenantId,
      platform: c.platform,
      threadRef: c.threadRef,
      message: message({ text: 'a\uD800b\uDC00c\uD83D\uDE00' }),
    });
    expect(row?.m_text).toBe('a\uFFFDb\uFFFDc\uD83D\uDE00');
  });
});
