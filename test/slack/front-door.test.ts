import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../bots/logger.js';
import { ourClick } from '../../bots/slack/clicks.js';
import { createFrontDoor } from '../../bots/slack/front-door.js';
import type { Json } from '../../bots/slack/payloads.js';

const SECRET = 'front-door-secret';
const OURS = /^autocase_/;

const click = (actions: unknown, extra: Json = {}) =>
  new URLSearchParams({
    payload: JSON.stringify({ type: 'block_actions', team: { id: 'T1' }, user: { id: 'U1' }, actions, ...extra }),
  }).toString();

describe('ourClick', () => {
  it('takes a block_actions click whose actions are all ours, from a named workspace', () => {
    const body = ourClick(click([{ action_id: 'autocase_accept', value: 'c1' }]), OURS);
    expect(body?.type).toBe('block_actions');
    expect(((body?.actions ?? []) as Json[])[0]?.value).toBe('c1');
  });

  it('takes the nulls Slack itself sends: an org-wide install (team null) outside Enterprise Grid (enterprise null)', () => {
    const form = click([{ action_id: 'autocase_accept', value: 'c1' }], {
      team: null,
      enterprise: null,
      user: { id: 'U1', team_id: 'T1' },
    });
    expect(ourClick(form, OURS)?.user).toEqual({ id: 'U1', team_id: 'T1' });
  });

  it.each([
    ['someone else’s action', click([{ action_id: 'other_app_button' }])],
    ['ours mixed with another', click([{ action_id: 'autocase_accept' }, { action_id: 'x' }])],
    ['no actions', click([])],
    ['actions that are not objects', click(['autocase_accept'])],
    ['actions that are not a list', click('autocase_accept')],
    ['no workspace', click([{ action_id: 'autocase_accept' }], { team: null, user: { id: 'U1' } })],
    ['a modal submission', click([{ action_id: 'autocase_accept' }], { type: 'view_submission' })],
    // Found by the endpoint fuzz test: Bolt throws on these after the answer.
    ['a channel that is not an object', click([{ action_id: 'autocase_accept' }], { channel: '__' })],
    ['a container that is not an object', click([{ action_id: 'autocase_accept' }], { container: ['x'] })],
    ['a message that is not an object', click([{ action_id: 'autocase_accept' }], { message: 7 })],
    ['a null channel', click([{ action_id: 'autocase_accept' }], { channel: null })],
    ['a null user', click([{ action_id: 'autocase_accept' }], { user: null })],
    ['no user', click([{ action_id: 'autocase_accept' }], { user: undefined })],
    ['an event inside a click', click([{ action_id: 'autocase_accept' }], { event: null })],
    ['a payload that is not JSON', 'payload=%7Bbroken'],
    ['a slash command', 'command=%2Fautocase&text=help&team_id=T1'],
  ])('leaves %s to Bolt', (_name, form) => {
    expect(ourClick(form, OURS)).toBeNull();
  });
});

describe('Slack front door', () => {
  let server: Server;
  let url: string;
  const seen = { events: [] as Json[], clicks: [] as Json[], handedOn: [] as string[] };
  let clicksReady = true;

  beforeAll(async () => {
    const front = createFrontDoor({
      path: '/slack/events',
      signingSecret: SECRET,
      logger: createLogger('silent'),
      takeEvent: async (payload, _text, res) => {
        seen.events.push(payload);
        res.writeHead(200);
        res.end();
      },
      ourActions: OURS,
      clicksReady: () => clicksReady,
      handleClick: (body) => seen.clicks.push(body),
      counting: () => {},
      handOn: (req, res) => {
        seen.handedOn.push((req as IncomingMessage & { rawBody?: Buffer }).rawBody?.toString() ?? '<none>');
        res.writeHead(299);
        res.end();
      },
    });
    server = createServer((req, res) => {
      if (front(req, res)) return;
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.events = [];
    seen.clicks = [];
    seen.handedOn = [];
    clicksReady = true;
  });

  const post = (body: string, contentType: string, opts: { path?: string; ts?: number; secret?: string } = {}) => {
    const ts = opts.ts ?? Math.floor(Date.now() / 1000);
    const sig = `v0=${createHmac('sha256', opts.secret ?? SECRET)
      .update(`v0:${ts}:${body}`)
      .digest('hex')}`;
    return fetch(`${url}${opts.path ?? '/slack/events'}`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig },
      body,
    });
  };
  const FORM = 'application/x-www-form-urlencoded';

  it('answers a click of ours itself and hands its payload on for processing', async () => {
    const res = await post(click([{ action_id: 'autocase_accept', value: 'c1' }]), FORM);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(seen.clicks).toHaveLength(1);
    expect(seen.handedOn).toEqual([]);
  });

  it('hands anything else on to Bolt with the raw body it read', async () => {
    const command = 'command=%2Fautocase&text=help&team_id=T1';
    expect((await post(command, FORM)).status).toBe(299);
    const verification = JSON.stringify({ type: 'url_verification', challenge: 'abc' });
    expect((await post(verification, 'application/json')).status).toBe(299);
    expect(seen.handedOn).toEqual([command, verification]);
    expect(seen.clicks).toEqual([]);
  });

  it('leaves clicks to Bolt while the bot does not yet know who it is (Bolt then asks Slack)', async () => {
    clicksReady = false;
    expect((await post(click([{ action_id: 'autocase_accept' }]), FORM)).status).toBe(299);
    expect(seen.clicks).toEqual([]);
  });

  it('stores Events API deliveries through the inbox', async () => {
    const event = { type: 'event_callback', team_id: 'T1', event_id: 'Ev1', event: { type: 'message' } };
    expect((await post(JSON.stringify(event), 'application/json')).status).toBe(200);
    expect(seen.events).toEqual([event]);
  });

  it('refuses unsigned, forged, stale and future requests, and a signed body that is not JSON, touching nothing', async () => {
    const body = click([{ action_id: 'autocase_accept' }]);
    const now = Math.floor(Date.now() / 1000);
    expect((await fetch(`${url}/slack/events`, { method: 'POST', body })).status).toBe(401);
    expect((await post(body, FORM, { secret: 'wrong' })).status).toBe(401);
    expect((await post(body, FORM, { ts: now - 6 * 60 })).status).toBe(401);
    expect((await post(body, FORM, { ts: now + 6 * 60 })).status).toBe(401);
    expect((await post('{"type":"event_callback", broken', 'application/json')).status).toBe(400);
    expect(seen).toEqual({ events: [], clicks: [], handedOn: [] });
  });

  it('takes only POSTs to its own path', async () => {
    expect((await fetch(`${url}/slack/events`)).status).toBe(404);
    expect((await post('{}', 'application/json', { path: '/slack/eventsx' })).status).toBe(404);
    expect((await post(click([{ action_id: 'autocase_accept' }]), FORM, { path: '/slack/events/?x=1' })).status).toBe(
      200,
    );
  });
});
