import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../bots/slack/index.js';
import { teamsAdapter } from '../../bots/teams/index.js';
import { NO_TYPE_FETCH } from '../../db/connect.js';
import { BOT_TOKEN, messageEvent, newTs, randomTeam, SIGNING_SECRET, sign } from '../slack/support/driver.js';
import { type FakeSlackApi, startFakeSlackApi } from '../slack/support/fake-slack-api.js';
import { TEST_FIELDS } from '../support/fixtures.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';
import { sendActivity, teamsTenant, teamsUser } from '../teams/support/activities.js';
import { type FakeConnector, startFakeConnector } from '../teams/support/fake-connector.js';
import { type OwnServer, startOwnServer } from './support/app.js';
import { type PrivatePostgres, startPrivatePostgres } from './support/private-postgres.js';

/**
 * PostgreSQL stops in the middle of a stream of chat messages and comes back. Every message is either acknowledged
 * after it is stored, or refused (5xx) so the platform delivers it again; none is lost, none is stored twice, and the
 * app (its pool and the pg-boss queue) reconnects by itself.
 */
let pg: PrivatePostgres;
let server: OwnServer;
let connector: FakeConnector;
let sql: postgres.Sql;
let slackApi: FakeSlackApi;
let slack: SlackAdapter;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  connector = await startFakeConnector();
  slackApi = await startFakeSlackApi();
  // An event whose processing failed while the database was away is taken up again once its lease runs out: a short
  // lease and sweep make that seconds, not the production minute.
  slack = createSlackAdapter({ inbox: { leaseMs: 5_000, sweepEveryMs: 1_000 } });
  server = await startOwnServer({
    env: {
      DATABASE_URL: pg.url,
      AUTOCASE_TEAMS_TEST_MODE: '1',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slackApi.apiUrl,
    },
    adapters: [teamsAdapter, slack],
    overrides: { predictor: createScriptedPredictor() },
    logLevel: 'warn',
  });
  sql = postgres(pg.url, { max: 1, onnotice: () => {}, ...NO_TYPE_FETCH });
}, 120_000);

afterAll(async () => {
  // The database may be down if a test failed half-way: bring it up so the server closes quickly, then remove it.
  await pg?.start().catch(() => {});
  await server?.close().catch(() => {});
  await sql?.end({ timeout: 2 }).catch(() => {});
  await connector?.close();
  await slackApi?.close();
  await pg?.destroy();
}, 60_000);

const health = async () => (await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(15_000) })).status;

async function deliver(activity: object) {
  try {
    return (await sendActivity(server.url, activity)).status;
  } catch {
    return 0; // no answer at all: the platform retries that too
  }
}

describe('PostgreSQL restarted mid-stream', () => {
  it('stores every message exactly once: acknowledged ones at once, refused ones on redelivery', async () => {
    expect(server.services.database.kind).toBe('postgres');
    const t = teamsTenant(connector.url);
    await server.services.store.ensureTenant({ id: t.tenantId, platform: 'teams' });
    await server.services.store.setFields(t.tenantId, TEST_FIELDS);
    const maria = teamsUser('Maria Lopez');
    const root = t.post(maria, 'My parcel is late');
    expect(await deliver(root)).toBe(200);

    const replies = Array.from({ length: 45 }, (_, n) => t.reply(root.threadId, maria, `update ${n}`));
    const firstStatus = new Map<string, number>();
    for (const [n, reply] of replies.entries()) {
      if (n === 15) {
        await pg.stop();
        expect(await health()).toBe(503);
      }
      if (n === 30) await pg.start();
      firstStatus.set(reply.id, await deliver(reply));
    }

    const acked = replies.filter((r) => (firstStatus.get(r.id) ?? 0) < 300).map((r) => r.id);
    const refused = replies.filter((r) => (firstStatus.get(r.id) ?? 0) >= 300 || firstStatus.get(r.id) === 0);
    // The outage was real and was answered honestly: messages sent into it were refused, not acknowledged and dropped.
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect([0, 500, 502, 503]).toContain(firstStatus.get(r.id));

    // Acknowledged means stored, whatever happened after.
    const storedIds = async () =>
      (
        await sql<Array<{ platform_message_id: string }>>`
          select m.platform_message_id from messages m join conversations c on c.id = m.conversation_id
          where c.tenant_id = ${t.tenantId} and c.thread_ref = ${root.threadId}`
      ).map((r) => r.platform_message_id);
    const afterOutage = new Set(await storedIds());
    for (const id of acked) expect(afterOutage.has(id)).toBe(true);

    // The platform redelivers what was refused (bounded); everything lands once.
    for (const r of refused) {
      let status = 0;
      for (let attempt = 0; attempt < 20 && (status === 0 || status >= 300); attempt++) {
        status = await deliver(r);
        if (status === 0 || status >= 300) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(status).toBe(200);
    }
    // Teams also redelivers some acknowledged ones (it cannot know): still no duplicate.
    for (const id of acked.slice(0, 5)) await deliver(replies.find((r) => r.id === id)!);

    const stored = await storedIds();
    expect(stored.length).toBe(new Set(stored).size);
    expect(new Set(stored)).toEqual(new Set([root.id, ...replies.map((r) => r.id)]));
    expect(await health()).toBe(200);
  }, 90_000);

  it('runs queued prediction work after the restart (pg-boss reconnects)', async () => {
    const t = teamsTenant(connector.url);
    await server.services.store.ensureTenant({ id: t.tenantId, platform: 'teams' });
    await server.services.store.setFields(t.tenantId, TEST_FIELDS);
    const maria = teamsUser('Maria Lopez');
    const priya = teamsUser('Priya Agent');
    const root = t.post(maria, 'title="Parcel late" category=Billing');
    expect(await deliver(root)).toBe(200);
    const conversation = await server.services.store.findConversationByThread(t.tenantId, 'teams', root.threadId);
    expect(conversation).not.toBeNull();

    await pg.stop();
    await pg.start();
    // The click arrives after the restart: the app's pool and the queue must both have reconnected.
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = await deliver(
        t.cardAction(root.threadId, priya, 'autocase.accept', { conversationId: conversation!.id }),
      );
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    const deadline = Date.now() + 30_000;
    let kase = await server.services.store.getCase(t.tenantId, conversation!.id);
    while (!kase && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      kase = await server.services.store.getCase(t.tenantId, conversation!.id);
    }
    expect(kase?.values.title?.value).toBe('Parcel late');
    // The worker's result reached Teams: the posted card was updated in place.
    const until = Date.now() + 10_000;
    while (!connector.callsFor(root.threadId).some((c) => c.method === 'PUT') && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(connector.callsFor(root.threadId).some((c) => c.method === 'PUT')).toBe(true);
  }, 90_000);

  it('Slack: a message event is acknowledged only once it is stored, or refused so Slack retries it', async () => {
    const team = randomTeam();
    const tenantId = `slack:${team}`;
    const root = messageEvent({ user: 'UCUSTOMER', text: 'My parcel is late' });
    const deliver = async (event: Record<string, unknown>, eventId: string) => {
      const body = JSON.stringify({
        team_id: team,
        api_app_id: 'AAUTOCASE',
        type: 'event_callback',
        event_id: eventId,
        event_time: Math.floor(Date.now() / 1000),
        event: { event_ts: event.ts, ...event },
      });
      const ts = Math.floor(Date.now() / 1000);
      try {
        const res = await fetch(`${server.url}/slack/events`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-slack-request-timestamp': String(ts),
            'x-slack-signature': sign(body, ts),
          },
          body,
          signal: AbortSignal.timeout(20_000),
        });
        await res.text();
        return res.status;
      } catch {
        return 0;
      }
    };
    expect(await deliver(root, 'EvRoot')).toBe(200);
    await slack.idle();
    const replies = Array.from({ length: 30 }, (_, n) =>
      messageEvent({ user: 'UCUSTOMER', text: `update ${n}`, thread_ts: root.ts as string, ts: newTs() }),
    );
    const firstStatus = new Map<string, number>();
    for (const [n, reply] of replies.entries()) {
      if (n === 10) await pg.stop();
      if (n === 20) await pg.start();
      firstStatus.set(reply.ts as string, await deliver(reply, `Ev${n}`));
    }
    await slack.idle();
    const stored = async () =>
      (
        await sql<Array<{ platform_message_id: string }>>`
          select m.platform_message_id from messages m join conversations c on c.id = m.conversation_id
          where c.tenant_id = ${tenantId}`
      ).map((r) => r.platform_message_id);
    const acked = replies.filter((r) => (firstStatus.get(r.ts as string) ?? 0) === 200);
    // An event acknowledged just before the stop, whose processing then failed, is taken up again by the drainer's
    // sweep once its lease (5 s here) runs out (the failure could not be written while the database was away): idle()
    // covers the work in hand, not that later sweep. Acknowledged means stored in the inbox and processed eventually, so wait
    // for it (a fresh-clone CI run once read the table a few seconds too early).
    let lost: unknown[] = [];
    for (const until = Date.now() + 60_000; ; ) {
      const afterOutage = new Set(await stored());
      lost = acked.filter((r) => !afterOutage.has(r.ts as string)).map((r) => r.ts);
      if (lost.length === 0 || Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(lost, 'acknowledged to Slack but never stored').toEqual([]);
    // Slack retries the refused ones (with the same event id and a retry header); all land, once.
    for (const [n, r] of replies.entries()) {
      if (firstStatus.get(r.ts as string) === 200) continue;
      let status = 0;
      for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
        status = await deliver(r, `Ev${n}`);
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(status).toBe(200);
    }
    await slack.idle();
    const all = await stored();
    expect(all.length).toBe(new Set(all).size);
    expect(new Set(all)).toEqual(new Set([root.ts, ...replies.map((r) => r.ts)]));
    // A stopped and restarted PostgreSQL takes this machine anywhere from 27 s to over 90 s to get through (measured
    // on four CI runs in a row, and the same on the code from before them), plus up to 60 s waiting for a sweep above:
    // the budget is for a hang, not for that.
  }, 240_000);
});
