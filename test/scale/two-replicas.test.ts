import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../core/types.js';
import { connectDatabase, type Database, NO_TYPE_FETCH } from '../../db/connect.js';
import { createRepository } from '../../db/repository.js';
import { type PrivatePostgres, startPrivatePostgres } from '../faults/support/private-postgres.js';
import { buttonClick, messageEvent, newTs, randomTeam, SIGNING_SECRET, sign } from '../slack/support/driver.js';
import { type FakeSlackApi, startFakeSlackApi } from '../slack/support/fake-slack-api.js';
import { sendActivity, teamsTenant, teamsUser } from '../teams/support/activities.js';
import { type FakeConnector, startFakeConnector } from '../teams/support/fake-connector.js';
import { type Replica, startReplica } from './support/replica.js';

/**
 * Two real autocase processes on one PostgreSQL, behind a "load balancer" that sends every event to both (a platform
 * retry landing on the other replica) and interleaves conversations: no duplicate message, no duplicate case, no lost
 * update. Prediction jobs go through the shared pg-boss queue, so either replica may run them.
 */
const FIELDS: FieldDefinition[] = [
  { key: 'title', label: 'Title', type: 'text', required: true, aiManaged: true },
  { key: 'email', label: 'Email', type: 'email', required: false, aiManaged: true },
];
const CONVERSATIONS = 8;
const REPLIES = 12;

let pg: PrivatePostgres;
let connector: FakeConnector;
let database: Database;
let sql: postgres.Sql;
let replicas: Replica[] = [];
let slackApi: FakeSlackApi;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  connector = await startFakeConnector();
  database = await connectDatabase({ databaseUrl: pg.url, maxConnections: 2 });
  sql = postgres(pg.url, { max: 2, onnotice: () => {}, ...NO_TYPE_FETCH });
  slackApi = await startFakeSlackApi();
  slackApi.addUser({ id: 'UAGENT1', name: 'priya', real_name: 'Priya Agent' });
  slackApi.addUser({ id: 'UAGENT2', name: 'omar', real_name: 'Omar Agent' });
  const env = {
    DATABASE_URL: pg.url,
    AUTOCASE_TEAMS_TEST_MODE: '1',
    AUTOCASE_PREDICTOR: 'offline',
    SLACK_BOT_TOKEN: 'xoxb-scale-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApi.apiUrl,
  };
  replicas = await Promise.all([startReplica(env), startReplica(env)]);
}, 150_000);

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await sql?.end({ timeout: 2 }).catch(() => {});
  await database?.close().catch(() => {});
  await connector?.close();
  await slackApi?.close();
  await pg?.destroy();
}, 60_000);

async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** Both replicas get the event at once; both must answer 200 (one stores, the other sees a redelivery). */
async function toBoth(activity: object) {
  const statuses = await Promise.all(replicas.map(async (r) => (await sendActivity(r.url, activity)).status));
  expect(statuses, replicas.map((r) => r.output()).join('\n---\n')).toEqual([200, 200]);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

describe('two replicas on one database', () => {
  it('no duplicate message, no duplicate case, no lost update', async () => {
    const store = createRepository(database);
    const t = teamsTenant(connector.url);
    await store.ensureTenant({ id: t.tenantId, platform: 'teams' });
    await store.setFields(t.tenantId, FIELDS);
    const customers = Array.from({ length: CONVERSATIONS }, (_, i) => teamsUser(`Customer ${i}`));
    const agents = [teamsUser('Priya Agent'), teamsUser('Omar Agent')];

    const roots = customers.map((c, i) => t.post(c, `I was charged twice for order ${1000 + i}, please refund it`));
    await pool(roots, 4, toBoth);
    const replies = roots.flatMap((root, i) =>
      Array.from({ length: REPLIES }, (_, n) => ({
        n,
        activity: t.reply(root.threadId, customers[i]!, `still waiting ${n}`),
      })),
    );
    // Interleaved across conversations, as a busy channel delivers them.
    replies.sort((a, b) => a.n - b.n);
    await pool(
      replies.map((r) => r.activity),
      8,
      toBoth,
    );

    const conversationIds = await sql<Array<{ id: string; thread_ref: string }>>`
      select id, thread_ref from conversations where tenant_id = ${t.tenantId}`;
    expect(conversationIds).toHaveLength(CONVERSATIONS);
    const byThread = new Map(conversationIds.map((c) => [c.thread_ref, c.id]));
    for (const [i, root] of roots.entries()) {
      const rows = await sql<Array<{ platform_message_id: string }>>`
        select platform_message_id from messages where conversation_id = ${byThread.get(root.threadId)!}
        order by position`;
      const expected = [
        root.id,
        ...replies.filter((r) => r.activity.conversation.id === root.threadId).map((r) => r.activity.id),
      ];
      expect(rows.map((r) => r.platform_message_id).sort(), `conversation ${i}`).toEqual(expected.sort());
    }

    // Two agents accept every conversation at the same moment, each through a different replica.
    await pool(roots, 4, async (root) => {
      const data = { conversationId: byThread.get(root.threadId)! };
      const statuses = await Promise.all(
        replicas.map(
          async (r, k) =>
            (await sendActivity(r.url, t.cardAction(root.threadId, agents[k]!, 'autocase.accept', data))).status,
        ),
      );
      expect(statuses).toEqual([200, 200]);
    });
    const cases = await until(
      () => sql<Array<{ conversation_id: string; number: number }>>`
        select conversation_id, number from cases where tenant_id = ${t.tenantId}`,
      (rows) => rows.length >= CONVERSATIONS,
    );
    expect(cases).toHaveLength(CONVERSATIONS);
    expect(cases.map((c) => c.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: CONVERSATIONS }, (_, i) => i + 1),
    );

    // New information arrives, and both agents press Update at once on different replicas: it must land, once.
    await pool([...roots.entries()], 4, async ([i, root]) => {
      await toBoth(t.reply(root.threadId, customers[i]!, `You can reach me at customer${i}@example.com`));
      const data = { conversationId: byThread.get(root.threadId)! };
      await Promise.all(
        replicas.map((r, k) => sendActivity(r.url, t.cardAction(root.threadId, agents[k]!, 'autocase.update', data))),
      );
    });
    const emails = await until(
      () => sql<Array<{ conversation_id: string; value: string }>>`
        select c.conversation_id, v.value #>> '{}' as value from case_field_values v join cases c on c.id = v.case_id
        where v.tenant_id = ${t.tenantId} and v.key = 'email'`,
      (rows) => rows.length >= CONVERSATIONS,
    );
    for (const [i, root] of roots.entries()) {
      expect(emails.find((e) => e.conversation_id === byThread.get(root.threadId))?.value).toBe(
        `customer${i}@example.com`,
      );
    }
    const unfinished = await until(
      async () => (await sql`select count(*)::int as n from pgboss.job where state < 'completed'`)[0]!.n as number,
      (n) => n === 0,
    );
    expect(unfinished).toBe(0);
    const updates = await sql<Array<{ conversation_id: string; n: number }>>`
      select conversation_id, count(*)::int as n from case_events
      where tenant_id = ${t.tenantId} and type = 'ai_updated' group by conversation_id`;
    // Each conversation's new email was written exactly once, whichever replica ran which click.
    expect(updates.map((u) => u.n)).toEqual(Array.from({ length: CONVERSATIONS }, () => 1));
    const created = await sql<Array<{ n: number }>>`
      select count(*)::int as n from case_events where tenant_id = ${t.tenantId} and type = 'created'`;
    expect(created[0]!.n).toBe(CONVERSATIONS);
  }, 150_000);

  it('through Slack: every signed event and click to both replicas, one message each, one case each', async () => {
    const team = randomTeam();
    const tenantId = `slack:${team}`;
    const store = createRepository(database);
    await store.ensureTenant({ id: tenantId, platform: 'slack' });
    await store.setFields(tenantId, FIELDS);
    const post = async (replica: Replica, body: string, type: string) => {
      const ts = Math.floor(Date.now() / 1000);
      const res = await fetch(`${replica.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': type, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts) },
        body,
      });
      await res.text();
      return res.status;
    };
    const eventToBoth = async (event: Record<string, unknown>, eventId: string) => {
      const body = JSON.stringify({
        team_id: team,
        type: 'event_callback',
        event_id: eventId,
        event: { event_ts: event.ts, ...event },
      });
      expect(await Promise.all(replicas.map((r) => post(r, body, 'application/json')))).toEqual([200, 200]);
    };
    const roots = Array.from({ length: 6 }, (_, i) =>
      messageEvent({
        user: `UCUST${i}`,
        text: `I was charged twice for order ${2000 + i}, please refund it`,
        ts: newTs(),
      }),
    );
    await pool(roots, 3, (root) => eventToBoth(root, `EvR${root.ts}`));
    const replies = roots.flatMap((root, i) =>
      Array.from({ length: 8 }, (_, n) => ({
        n,
        event: messageEvent({
          user: `UCUST${i}`,
          text: `still waiting ${n}`,
          thread_ts: root.ts as string,
          ts: newTs(),
        }),
      })),
    );
    replies.sort((a, b) => a.n - b.n);
    await pool(replies, 6, ({ event }) => eventToBoth(event, `EvM${event.ts}`));

    const conversations = await until(
      () =>
        sql<
          Array<{ id: string; thread_ref: string }>
        >`select id, thread_ref from conversations where tenant_id = ${tenantId}`,
      (rows) => rows.length >= roots.length,
    );
    expect(conversations).toHaveLength(roots.length);
    // Events are acknowledged once in the inbox and processed after the answer: each stored once (by whichever replica
    // got it first), then processed.
    const events = roots.length + replies.length;
    const inbox = await until(
      () => sql<Array<{ processed: boolean }>>`
        select processed_at is not null as processed from inbox_events where tenant_id = ${tenantId}`,
      (rows) => rows.length === events && rows.every((r) => r.processed),
    );
    expect(inbox).toHaveLength(events);
    expect(inbox.every((r) => r.processed)).toBe(true);
    const messages = await sql<Array<{ platform_message_id: string }>>`
      select platform_message_id from messages where tenant_id = ${tenantId}`;
    const ids = messages.map((m) => m.platform_message_id);
    expect(ids.length).toBe(new Set(ids).size);
    expect(new Set(ids)).toEqual(new Set([...roots, ...replies.map((r) => r.event)].map((e) => e.ts)));

    // Two agents click Accept on every conversation at once, each on another replica.
    await pool(conversations, 3, async (c) => {
      const statuses = await Promise.all(
        replicas.map((r, k) => {
          const click = buttonClick(team, `UAGENT${k + 1}`, 'autocase_accept', c.id, { threadTs: c.thread_ref });
          return post(
            r,
            new URLSearchParams({ payload: JSON.stringify(click) }).toString(),
            'application/x-www-form-urlencoded',
          );
        }),
      );
      expect(statuses).toEqual([200, 200]);
    });
    const cases = await until(
      () => sql<Array<{ number: number }>>`select number from cases where tenant_id = ${tenantId}`,
      (rows) => rows.length >= roots.length,
    );
    expect(cases.map((c) => c.number).sort((a, b) => a - b)).toEqual(roots.map((_, i) => i + 1));
    // One intake card per thread, whichever replica stored the first delivery.
    const intakePosts = slackApi
      .callsTo('chat.postMessage')
      .filter((c) => roots.some((r) => r.ts === c.args.thread_ts));
    expect(intakePosts).toHaveLength(roots.length);
  }, 120_000);
});
