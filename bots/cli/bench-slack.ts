import { fork } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Prediction, PredictionInput, Predictor } from '../../core/predict/port.js';
import type { Database } from '../../db/connect.js';
import { loadServerConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { startServer } from '../server.js';
import { createServices } from '../services.js';
import { createSlackAdapter } from '../slack/index.js';
import type { LoadOrder, LoadRequest, LoadResult } from './bench-slack-load.js';

export interface SlackAckOptions {
  database: Database;
  log(line: string): void;
  quick: boolean;
  /** Tenants created here, for the caller to remove. */
  tenants: string[];
}

const SECRET = 'bench-signing-secret';
const CONCURRENT = 200;
const PREDICTION_MS = 2_000;
/** Clicks and messages of the untimed burst before the measured one. */
const WARM_UP = 20;

/** A predictor that takes 2 s, like a slow LLM: the ack must not wait for it. */
const slowPredictor: Predictor = {
  name: 'slow-2s',
  async predict(input: PredictionInput): Promise<Prediction> {
    await new Promise((resolve) => setTimeout(resolve, PREDICTION_MS));
    const fields: Prediction['fields'] = {};
    for (const f of input.fields) {
      const value = f.required ? (f.type === 'choice' ? (f.options?.[0]?.value ?? null) : `Bench ${f.label}`) : null;
      fields[f.key] = { value, confidence: value === null ? 0 : 0.9, evidence: [] };
    }
    return { fields, predictor: 'slow-2s' };
  },
};

/** Just enough of Slack's Web API for the adapter: every call succeeds at once. */
async function startFakeSlack() {
  let seq = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop()?.split('?')[0] ?? '';
      const body: Record<string, unknown> = { ok: true };
      if (method === 'auth.test') Object.assign(body, { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'TBENCH' });
      if (method === 'chat.postMessage') Object.assign(body, { channel: 'CBENCH', ts: `1700000000.${++seq}` });
      if (method === 'users.info') Object.assign(body, { user: { id: 'U1', name: 'u', real_name: 'User' } });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function signedPost(url: string, body: string, contentType: string) {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature },
    body,
  });
}

function eventBody(teamId: string, event: Record<string, unknown>) {
  return JSON.stringify({
    team_id: teamId,
    api_app_id: 'ABENCH',
    type: 'event_callback',
    event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 12)}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { event_ts: event.ts, ...event },
  });
}

function clickBody(teamId: string, conversationId: string) {
  const payload = {
    type: 'block_actions',
    team: { id: teamId, domain: 'bench' },
    user: { id: 'UAGENT', username: 'agent', name: 'agent', team_id: teamId },
    api_app_id: 'ABENCH',
    trigger_id: `trigger-${randomUUID()}`,
    channel: { id: 'CBENCH', name: 'support' },
    container: { type: 'message', message_ts: '1.0', channel_id: 'CBENCH' },
    message: { ts: '1.0', type: 'message' },
    actions: [{ type: 'button', action_id: 'autocase_accept', block_id: 'case_actions', value: conversationId }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Sends the burst from another process, so its signing and sending is not counted as the server's latency. */
function sendFromLoadProcess(order: LoadOrder): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./bench-slack-load.ts', import.meta.url), [], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (answer: { ok: boolean; result?: LoadResult; error?: string }) => {
      if (answer.ok && answer.result) resolve(answer.result);
      else reject(new Error(`load generator failed: ${answer.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`load generator exited (${code}) without an answer`)));
    child.send(order);
  });
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * Slack ack latency: 200 signed requests at once (half new chat messages, half Accept clicks whose prediction takes
 * 2 s), each timed until its HTTP answer by a load generator in another process, after an untimed burst of 40. The real server, Slack adapter and
 * job queue; a local stand-in for Slack.
 */
export async function measureSlackAck(
  options: SlackAckOptions,
): Promise<{ slackAckP99Ms: number | null; slackAckP50Ms: number | null }> {
  const fake = await startFakeSlack();
  const config = loadServerConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    AUTOCASE_PLAYGROUND: 'off',
    AUTOCASE_PREDICTOR: 'offline',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.url,
  });
  const adapter = createSlackAdapter();
  const services = await createServices(config, createLogger('silent'), {
    database: options.database,
    predictor: slowPredictor,
  });
  const running = await startServer(services, [adapter]);
  const url = `${running.url}/slack/events`;
  const teamId = `TB${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`;
  options.tenants.push(`slack:${teamId}`);
  try {
    // Conversations to accept: opened the way Slack opens them, before the bursts.
    const half = CONCURRENT / 2;
    for (let i = 0; i < half + WARM_UP; i++) {
      const ts = `1710000000.${String(i).padStart(6, '0')}`;
      const body = eventBody(teamId, {
        type: 'message',
        channel: 'CBENCH',
        channel_type: 'channel',
        user: `UC${i}`,
        text: `I need help with order ${i}`,
        ts,
      });
      const res = await signedPost(url, body, 'application/json');
      await res.text();
    }
    await adapter.idle();
    const rows = await options.database.db.execute(
      sql`select id from conversations where tenant_id = ${`slack:${teamId}`} order by id`,
    );
    const ids = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ id: string }>;
    if (ids.length < half + WARM_UP)
      throw new Error(`only ${ids.length} of ${half + WARM_UP} Slack conversations were opened`);
    const burst = (conversations: Array<{ id: string }>, messages: number, tsBase: number): LoadRequest[] => [
      ...conversations.map((c) => ({
        body: clickBody(teamId, c.id),
        contentType: 'application/x-www-form-urlencoded',
      })),
      ...Array.from({ length: messages }, (_, i) => ({
        body: eventBody(teamId, {
          type: 'message',
          channel: 'CBENCH',
          channel_type: 'channel',
          user: `UN${i}`,
          text: `New question ${i}`,
          ts: `${tsBase}.${String(i).padStart(6, '0')}`,
        }),
        contentType: 'application/json',
      })),
    ];
    // An untimed smaller burst first, as the other figures warm up: a server that has been running has its click and
    // message paths compiled; the first requests of a fresh process would time the JIT instead.
    const warm = await sendFromLoadProcess({
      url,
      secret: SECRET,
      requests: burst(ids.slice(half), WARM_UP, 1715000000),
    });
    if (warm.statuses.some((status) => status !== 200)) throw new Error('Slack refused a warm-up request');
    await adapter.idle();
    await services.jobs.drain();
    await adapter.idle();

    const requests = burst(ids.slice(0, half), half, 1720000000);
    const { samples, statuses } = await sendFromLoadProcess({ url, secret: SECRET, requests });
    const refused = statuses.find((status) => status !== 200);
    if (refused !== undefined) throw new Error(`Slack answered ${refused}`);
    const pct = (xs: number[], p: number) => Math.round(percentile(xs, p));
    const both = (xs: number[]) => `p50 ${pct(xs, 50)} ms, p99 ${pct(xs, 99)} ms`;
    options.log(
      `slack: ${samples.length} concurrent requests acked (clicks ${both(samples.slice(0, half))}; messages ${both(samples.slice(half))}); waiting for the 2 s predictions`,
    );
    await adapter.idle();
    await services.jobs.drain();
    await adapter.idle();
    return {
      slackAckP50Ms: Math.round(percentile(samples, 50) * 10) / 10,
      slackAckP99Ms: Math.round(percentile(samples, 99) * 10) / 10,
    };
  } finally {
    await running.close();
    await fake.close();
  }
}
