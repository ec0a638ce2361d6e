import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.js';
import { createInbox, type Inbox, type NewInboxEvent } from '../../db/inbox.js';
import { testStore, uniqueTenantId } from '../support/db.js';

/** Leases on stored events between replicas (owners), on the real statements. */
let database: Database;
let inbox: Inbox;
const tenantId = uniqueTenantId('slack');

beforeAll(async () => {
  ({ database } = await testStore());
  inbox = createInbox(database);
});
afterAll(async () => {
  await database.db.execute(sql`delete from inbox_events where tenant_id = ${tenantId}`);
});

const stored = (): NewInboxEvent => ({ tenantId, eventId: `Ev${randomUUID()}`, body: '{}', orderKey: null });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inbox leases', () => {
  it('keeps a renewed lease from being taken over, while an expired one is', async () => {
    const [mine, stale] = [stored(), stored()];
    await inbox.add([mine], 'replica-a');
    await inbox.add([stale], 'replica-c');
    await sleep(400);
    await inbox.renew('replica-a');
    expect(await inbox.claim(mine, 'replica-b', 300)).toBeNull();
    expect(await inbox.claim(stale, 'replica-b', 300)).toMatchObject({ eventId: stale.eventId, attempts: 2 });
  });

  it('hands released events to another replica at once, without counting the attempt that never ran', async () => {
    const [waiting, running] = [stored(), stored()];
    await inbox.add([waiting, running], 'replica-a');
    await inbox.release([waiting], 'replica-a');
    expect(await inbox.claim(waiting, 'replica-b', 60_000)).toMatchObject({ eventId: waiting.eventId, attempts: 1 });
    expect(await inbox.claim(running, 'replica-b', 60_000)).toBeNull();
    // Only the holder can release: another replica's release leaves the claim alone.
    await inbox.release([running], 'replica-b');
    expect(await inbox.claim(running, 'replica-c', 60_000)).toBeNull();
  });

  it('stores a batch in the order it arrived and recognises the ones stored before', async () => {
    const [first, second, third] = [stored(), stored(), stored()];
    expect(await inbox.add([first, second], 'replica-a')).toHaveLength(2);
    const again = await inbox.add([second, third], 'replica-a');
    expect(again.map((k) => k.eventId)).toEqual([third.eventId]);
    const result = await database.db.execute(sql`
      select event_id from inbox_events where tenant_id = ${tenantId}
        and event_id in (${first.eventId}, ${second.eventId}, ${third.eventId}) order by seq`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ event_id: string }>;
    expect(rows.map((r) => r.event_id)).toEqual([first.eventId, second.eventId, third.eventId]);
  });
});
