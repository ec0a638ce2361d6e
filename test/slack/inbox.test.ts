import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackTenantId } from '../../bots/slack/tenants.js';
import type { CaseStore } from '../../core/ports.js';
import { connectDatabase, type Database } from '../../db/connect.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';
import { messageEvent, newTs, nowSeconds, randomTeam, type SlackHarness, startSlackHarness } from './support/driver.js';

/**
 * Events API deliveries through the durable inbox, over HTTP: acknowledged once stored, processed after the answer,
 * each event once, and nothing acknowledged is lost when a replica dies before processing it.
 */
let h: SlackHarness;
let store: CaseStore;
let database: Database;
const CUSTOMER = 'UCUSTOMER';

beforeAll(async () => {
  h = await startSlackHarness({ predictor: createScriptedPredictor() });
  store = h.server.services.store;
  database = h.server.services.database;
  h.api.addUser({ id: CUSTOMER, name: 'maria', real_name: 'Maria Lopez' });
});
afterAll(() => h.close());

interface InboxRow {
  event_id: string;
  attempts: number;
  claimed_by: string | null;
  processed: boolean;
  parked: boolean;
}

async function inboxRows(tenantId: string): Promise<InboxRow[]> {
  const result = await database.db.execute(sql`
    select event_id, attempts, claimed_by, processed_at is not null as processed, parked_at is not null as parked
    from inbox_events where tenant_id = ${tenantId} order by event_id`);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as InboxRow[];
}

/** The body Slack would have delivered for `event`, as the inbox stores it. */
function eventBody(team: string, eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    team_id: team,
    api_app_id: 'AAUTOCASE',
    type: 'event_callback',
    event_id: eventId,
    event_time: nowSeconds(),
    event: { event_ts: event.ts, ...event },
  });
}

async function until(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Slack events through the durable inbox', () => {
  it('acknowledges a message event before its processing finishes; then it is in the conversation', async () => {
    const { team, tenantId } = await h.newWorkspace();
    h.api.addUser({ id: 'USLOW', name: 'sam', real_name: 'Sam Slow' });
    // Processing asks Slack who the author is; Slack's API answering slowly holds the processing, not the ack.
    const release = h.api.hold('users.info');
    const ts = newTs();
    let res: Response;
    try {
      res = await h.event(team, messageEvent({ user: 'USLOW', text: 'My parcel is late', ts }), { eventId: 'EvSlow1' });
      expect(res.status).toBe(200);
      expect(await inboxRows(tenantId)).toEqual([
        { event_id: 'EvSlow1', attempts: 1, claimed_by: expect.any(String), processed: false, parked: false },
      ]);
      expect(await store.findConversationByThread(tenantId, 'slack', ts)).toBeNull();
    } finally {
      release();
    }
    await h.settle();
    const conversation = await store.findConversationByThread(tenantId, 'slack', ts);
    expect(conversation).not.toBeNull();
    const snapshot = await store.loadSnapshot(tenantId, conversation!.id);
    expect(snapshot!.messages.map((m) => [m.platformMessageId, m.author.name, m.text])).toEqual([
      [ts, 'Sam Slow', 'My parcel is late'],
    ]);
    expect(await inboxRows(tenantId)).toEqual([
      { event_id: 'EvSlow1', attempts: 1, claimed_by: null, processed: true, parked: false },
    ]);
  });

  it("processes a thread's replies after the message that opens it, however long that takes", async () => {
    const { team, tenantId } = await h.newWorkspace();
    // The customer's name is known (no Slack call needed for their messages); the opener's is not.
    expect((await h.event(team, messageEvent({ user: CUSTOMER, text: 'hello', ts: newTs() }))).status).toBe(200);
    await h.settle();
    h.api.addUser({ id: 'UOPENER', name: 'olga', real_name: 'Olga Opener' });
    const release = h.api.hold('users.info');
    const root = newTs();
    const reply = newTs();
    try {
      expect((await h.event(team, messageEvent({ user: 'UOPENER', text: 'My order is lost', ts: root }))).status).toBe(
        200,
      );
      const replyEvent = messageEvent({ user: CUSTOMER, text: 'same here', ts: reply, thread_ts: root });
      expect((await h.event(team, replyEvent)).status).toBe(200);
    } finally {
      release();
    }
    await h.settle();
    const conversation = await store.findConversationByThread(tenantId, 'slack', root);
    const snapshot = await store.loadSnapshot(tenantId, conversation!.id);
    expect(snapshot!.messages.map((m) => m.platformMessageId)).toEqual([root, reply]);
  });

  it('stores and processes the same event delivered three times at once only once', async () => {
    const { team, tenantId } = await h.newWorkspace();
    const ts = newTs();
    const event = messageEvent({ user: CUSTOMER, text: 'Refund please', ts });
    const statuses = await h.deliverConcurrently(team, event, 'EvTwice', 3);
    expect(statuses).toEqual([200, 200, 200]);
    await h.settle();
    // One row, one processing attempt; a later redelivery is only acknowledged.
    expect(await inboxRows(tenantId)).toEqual([
      { event_id: 'EvTwice', attempts: 1, claimed_by: null, processed: true, parked: false },
    ]);
    expect((await h.event(team, event, { eventId: 'EvTwice' })).status).toBe(200);
    await h.settle();
    expect((await inboxRows(tenantId))[0]!.attempts).toBe(1);
    const conversations = await store.listConversations(tenantId);
    expect(conversations).toHaveLength(1);
    const snapshot = await store.loadSnapshot(tenantId, conversations[0]!.id);
    expect(snapshot!.messages.map((m) => m.platformMessageId)).toEqual([ts]);
    expect(h.api.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toHaveLength(1);
  });

  it('processes what a crashed replica acknowledged but never processed, on a new instance; a live lease is left alone', async () => {
    const { team, tenantId } = await h.newWorkspace();
    const orphanTs = newTs();
    const heldTs = newTs();
    const orphan = eventBody(
      team,
      'EvOrphan',
      messageEvent({ user: CUSTOMER, text: 'Where is my order?', ts: orphanTs }),
    );
    const held = eventBody(team, 'EvHeld', messageEvent({ user: CUSTOMER, text: 'Still working on it', ts: heldTs }));
    // Acknowledged by a replica that died 10 minutes ago (its lease long expired), and one still held by a live one.
    await database.db.execute(sql`
      insert into inbox_events (tenant_id, event_id, body, attempts, claimed_by, claimed_at) values
        (${tenantId}, 'EvOrphan', ${orphan}, 1, 'replica-crashed', now() - interval '10 minutes'),
        (${tenantId}, 'EvHeld', ${held}, 1, 'replica-alive', now())`);
    const replica = await startSlackHarness({ predictor: createScriptedPredictor() });
    try {
      replica.api.addUser({ id: CUSTOMER, name: 'maria', real_name: 'Maria Lopez' });
      await replica.settle();
      await until(
        async () => (await inboxRows(tenantId)).some((r) => r.event_id === 'EvOrphan' && r.processed),
        'the orphaned event to be processed',
      );
      expect(await store.findConversationByThread(tenantId, 'slack', orphanTs)).not.toBeNull();
      // The new instance did it: the intake card went out through its Slack connection.
      expect(replica.api.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === orphanTs)).toHaveLength(1);
      const rows = await inboxRows(tenantId);
      expect(rows.find((r) => r.event_id === 'EvOrphan')).toMatchObject({ attempts: 2, processed: true });
      expect(rows.find((r) => r.event_id === 'EvHeld')).toMatchObject({
        attempts: 1,
        claimed_by: 'replica-alive',
        processed: false,
      });
      expect(await store.findConversationByThread(tenantId, 'slack', heldTs)).toBeNull();
    } finally {
      await database.db.execute(sql`delete from inbox_events where tenant_id = ${tenantId} and event_id = 'EvHeld'`);
      await replica.close();
    }
  });

  it('processes a stored event nobody holds when Slack delivers it again (its first answer was lost)', async () => {
    const { team, tenantId } = await h.newWorkspace();
    const ts = newTs();
    const event = messageEvent({ user: CUSTOMER, text: 'Is anyone there?', ts });
    await database.db.execute(sql`
      insert into inbox_events (tenant_id, event_id, body, attempts) values
        (${tenantId}, 'EvLostAnswer', ${eventBody(team, 'EvLostAnswer', event)}, 1)`);
    expect((await h.event(team, event, { eventId: 'EvLostAnswer' })).status).toBe(200);
    await h.settle();
    expect(await store.findConversationByThread(tenantId, 'slack', ts)).not.toBeNull();
    expect(await inboxRows(tenantId)).toEqual([
      { event_id: 'EvLostAnswer', attempts: 2, claimed_by: null, processed: true, parked: false },
    ]);
  });

  it('writes nothing to the inbox for forged, unsigned, old or future-signed events', async () => {
    const team = randomTeam();
    const cases = [
      { secret: 'not-the-secret' },
      { unsigned: true },
      { timestamp: nowSeconds() - 301 },
      { timestamp: nowSeconds() + 330 },
    ];
    for (const options of cases) {
      const res = await h.event(team, messageEvent({ user: CUSTOMER, text: 'attack', ts: newTs() }), options);
      expect(res.status, JSON.stringify(options)).toBe(401);
    }
    await h.settle();
    expect(await inboxRows(slackTenantId(team))).toEqual([]);
  });

  it('answers 500 when the event cannot be stored (database down), so Slack delivers it again', async () => {
    const own = await connectDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
    const down = await startSlackHarness({ database: own });
    try {
      const { team } = await down.newWorkspace();
      await own.close();
      const res = await down.event(team, messageEvent({ user: CUSTOMER, text: 'Hello?', ts: newTs() }));
      expect(res.status).toBe(500);
      expect(down.server.logs.join('')).toContain('event could not be stored');
      expect(down.server.logs.join('')).not.toContain('Hello?');
    } finally {
      await down.close();
    }
  }, 30_000);
});
