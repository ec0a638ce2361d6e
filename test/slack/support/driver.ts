import { createHmac, randomUUID } from 'node:crypto';
import type { ServiceOverrides } from '../../../bots/services.js';
import { createSlackAdapter, type SlackAdapter, type SlackInboxOptions } from '../../../bots/slack/index.js';
import { slackTenantId } from '../../../bots/slack/tenants.js';
import type { Predictor } from '../../../core/predict/port.js';
import type { FieldDefinition } from '../../../core/types.js';
import { TEST_FIELDS } from '../../support/fixtures.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-token';

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
export const randomTeam = () => `T${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;

let tsCounter = 0;
/** A fresh Slack message timestamp. */
export const newTs = () => `${1_710_000_000 + ++tsCounter}.${String(tsCounter).padStart(6, '0')}`;

export interface SlackHarness {
  server: TestServer;
  api: FakeSlackApi;
  adapter: SlackAdapter;
  url: string;
  /** Waits until Slack handlers and background jobs (and the card updates they publish) are done. */
  settle(): Promise<void>;
  /** POSTs a body to /slack/events, signed unless told otherwise. */
  post(body: string, contentType: string, options?: PostOptions): Promise<Response>;
  event(
    teamId: string,
    event: Record<string, unknown>,
    options?: PostOptions & { eventId?: string },
  ): Promise<Response>;
  /** The same event delivered `times` times at once, as Slack retries it (same event id, retry headers): statuses. */
  deliverConcurrently(
    teamId: string,
    event: Record<string, unknown>,
    eventId: string,
    times: number,
  ): Promise<number[]>;
  interact(payload: Record<string, unknown>, options?: PostOptions): Promise<Response>;
  command(fields: Record<string, string>, options?: PostOptions): Promise<Response>;
  /** A fresh workspace (tenant) with the small test field set. */
  newWorkspace(): Promise<{ team: string; tenantId: string }>;
  close(): Promise<void>;
}

export interface PostOptions {
  timestamp?: number;
  secret?: string;
  unsigned?: boolean;
  headers?: Record<string, string>;
}

export async function startSlackHarness(
  options: {
    predictor?: Predictor;
    env?: Record<string, string>;
    /** Another database than the shared test one (e.g. one the test takes down). */
    database?: ServiceOverrides['database'];
    inbox?: SlackInboxOptions;
  } = {},
): Promise<SlackHarness> {
  const api = await startFakeSlackApi();
  const adapter = createSlackAdapter(options.inbox ? { inbox: options.inbox } : {});
  const server = await startTestServer({
    env: {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
      ...options.env,
    },
    adapters: [adapter],
    overrides: {
      ...(options.predictor ? { predictor: options.predictor } : {}),
      ...(options.database ? { database: options.database } : {}),
    },
    logLevel: 'warn',
  });
  const url = `${server.url}/slack/events`;

  async function post(body: string, contentType: string, opts: PostOptions = {}) {
    const timestamp = opts.timestamp ?? nowSeconds();
    const headers: Record<string, string> = { 'content-type': contentType, ...opts.headers };
    if (!opts.unsigned) {
      headers['x-slack-request-timestamp'] = String(timestamp);
      headers['x-slack-signature'] = sign(body, timestamp, opts.secret);
    }
    return fetch(url, { method: 'POST', headers, body });
  }

  const harness: SlackHarness = {
    server,
    api,
    adapter,
    url,
    async settle() {
      // Handlers queue jobs and jobs publish through Slack: loop until both are quiet.
      for (let i = 0; i < 5; i++) {
        await adapter.idle();
        await server.services.jobs.drain();
      }
      await adapter.idle();
    },
    post,
    event(teamId, event, opts = {}) {
      const body = JSON.stringify({
        token: 'legacy',
        team_id: teamId,
        api_app_id: 'AAUTOCASE',
        type: 'event_callback',
        event_id: opts.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 12)}`,
        event_time: nowSeconds(),
        authorizations: [{ team_id: teamId, user_id: 'UAUTOCASE', is_bot: true }],
        event: { event_ts: event.ts, ...event },
      });
      return post(body, 'application/json', opts);
    },
    deliverConcurrently(teamId, event, eventId, times) {
      return Promise.all(
        Array.from({ length: times }, async (_, retry) => {
          const headers: Record<string, string> = retry
            ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' }
            : {};
          const res = await harness.event(teamId, event, { eventId, headers });
          await res.text();
          return res.status;
        }),
      );
    },
    interact(payload, opts) {
      return post(
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        'application/x-www-form-urlencoded',
        opts,
      );
    },
    command(fields, opts) {
      return post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', opts);
    },
    async newWorkspace() {
      const team = randomTeam();
      const tenantId = slackTenantId(team);
      await server.services.store.ensureTenant({ id: tenantId, platform: 'slack' });
      await server.services.store.setFields(tenantId, TEST_FIELDS);
      return { team, tenantId };
    },
    async close() {
      await server.close();
      await api.close();
    },
  };
  return harness;
}

/** A channel message event (top-level, or in a thread with `thread_ts`). */
export function messageEvent(fields: {
  user?: string;
  text: string;
  channel?: string;
  ts?: string;
  thread_ts?: string;
  [key: string]: unknown;
}): Record<string, unknown> {
  return { type: 'message', channel: 'CSUPPORT', channel_type: 'channel', ts: newTs(), ...fields };
}

/** A `block_actions` payload for a card button. */
export function buttonClick(
  teamId: string,
  userId: string,
  actionId: string,
  conversationId: string,
  where: { channel?: string; messageTs?: string; threadTs?: string } = {},
): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: teamId, domain: 'acme' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId },
    api_app_id: 'AAUTOCASE',
    token: 'legacy',
    trigger_id: `trigger-${randomUUID()}`,
    channel: { id: where.channel ?? 'CSUPPORT', name: 'support' },
    container: { type: 'message', message_ts: where.messageTs ?? '1.0', channel_id: where.channel ?? 'CSUPPORT' },
    message: { ts: where.messageTs ?? '1.0', thread_ts: where.threadTs, type: 'message' },
    actions: [
      { type: 'button', action_id: actionId, block_id: 'case_actions', value: conversationId, action_ts: '1.1' },
    ],
  };
}

/** A `view_submission` of `view` (as the bot opened it) with the given input states. */
export function viewSubmission(
  teamId: string,
  userId: string,
  view: Record<string, unknown>,
  values: Record<string, Record<string, Record<string, unknown>>>,
): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: teamId, domain: 'acme' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId },
    api_app_id: 'AAUTOCASE',
    token: 'legacy',
    trigger_id: `trigger-${randomUUID()}`,
    view: { id: 'V1', team_id: teamId, hash: 'h', ...view, state: { values } },
  };
}

/** The state Slack sends for one input block (`block_id` = `action_id`). */
export const input = (blockId: string, state: Record<string, unknown>) => ({ [blockId]: { [blockId]: state } });

export type { FieldDefinition };
