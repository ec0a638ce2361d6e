import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackTenantId } from '../../bots/slack/tenants.js';
import { createScriptedPredictor } from '../support/scripted-predictor.js';
import {
  buttonClick,
  messageEvent,
  newTs,
  nowSeconds,
  randomTeam,
  type SlackHarness,
  sign,
  startSlackHarness,
} from './support/driver.js';

describe('Slack: request signatures', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ predictor: createScriptedPredictor() });
    h.api.addUser({ id: 'UCUSTOMER', name: 'maria', real_name: 'Maria Lopez' });
  });
  afterAll(() => h.close());

  async function storedThread(team: string, ts: string) {
    return h.server.services.store.findConversationByThread(slackTenantId(team), 'slack', ts);
  }

  it('accepts a correctly signed request (url_verification challenge)', async () => {
    const res = await h.post(
      JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 't' }),
      'application/json',
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });

  it('refuses forged, unsigned, old and future-dated requests with 401 and does nothing', async () => {
    const team = randomTeam();
    const cases = [
      { name: 'forged (wrong secret)', options: { secret: 'not-the-secret' } },
      { name: 'unsigned', options: { unsigned: true } },
      { name: 'older than 5 minutes', options: { timestamp: nowSeconds() - 301 } },
      { name: 'more than 5 minutes ahead', options: { timestamp: nowSeconds() + 330 } },
    ];
    h.api.reset();
    for (const { name, options } of cases) {
      const ts = newTs();
      const res = await h.event(team, messageEvent({ user: 'UCUSTOMER', text: `attack ${name}`, ts }), options);
      expect(res.status, name).toBe(401);
      await h.settle();
      expect(await storedThread(team, ts), name).toBeNull();
    }
    // A signature over another body (a replayed header) fails too.
    const body = JSON.stringify({ type: 'url_verification', challenge: 'x' });
    const signedOther = await h.post(body, 'application/json', {
      headers: { 'x-slack-signature': 'v0=deadbeef', 'x-slack-request-timestamp': String(nowSeconds()) },
      unsigned: true,
    });
    expect(signedOther.status).toBe(401);
    // Interactivity and commands are checked the same way.
    const click = await h.interact(buttonClick(team, 'UX', 'autocase_accept', '00000000-0000-0000-0000-000000000000'), {
      secret: 'nope',
    });
    expect(click.status).toBe(401);
    const command = await h.command(
      { command: '/autocase', text: 'help', team_id: team, user_id: 'UX' },
      { unsigned: true },
    );
    expect(command.status).toBe(401);
    expect(h.api.calls).toHaveLength(0);
  });

  it('refuses a body over 4 MB with 413 and keeps serving', async () => {
    // Its own connection: the server answers before reading the rest, so that socket is not reusable.
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: randomTeam(),
      event: { text: 'x'.repeat(5 * 1024 * 1024) },
    });
    const timestamp = nowSeconds();
    const status = await new Promise<number>((resolve) => {
      const req = request(
        h.url,
        {
          method: 'POST',
          agent: false,
          headers: {
            'content-type': 'application/json',
            'x-slack-request-timestamp': String(timestamp),
            'x-slack-signature': sign(body, timestamp),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', () => resolve(-1));
      req.end(body);
    });
    expect(status).toBe(413);
    const health = await fetch(`${h.server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('still works within the window (4 minutes old)', async () => {
    const team = randomTeam();
    const ts = newTs();
    const res = await h.event(team, messageEvent({ user: 'UCUSTOMER', text: 'hello', ts }), {
      timestamp: nowSeconds() - 240,
    });
    expect(res.status).toBe(200);
    await h.settle();
    expect(await storedThread(team, ts)).not.toBeNull();
  });
});

describe('Slack: malformed but signed interactions', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ predictor: createScriptedPredictor() });
  });
  afterAll(() => h.close());

  it.each([
    ['an action that is a string', ['💥']],
    ['an action that is null', [null]],
    ['actions that are not a list', 'accept'],
  ])('answers %s without an error and calls no Slack API', async (_name, actions) => {
    const team = randomTeam();
    h.api.reset();
    const before = h.server.logs.length;
    const res = await h.interact({ ...buttonClick(team, 'UAGENT', 'autocase_accept', 'x'), actions });
    await h.settle();
    expect(res.status).toBe(200);
    // auth.test is Bolt authorising the request; nothing is posted, updated or opened.
    expect(h.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    const errors = h.server.logs
      .slice(before)
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
  });

  it.each([
    ['a shortcut', 'shortcut'],
    ['an unknown type', 'x_unknown'],
    ['no type at all', undefined],
  ])(
    'answers %s carrying string actions without an error (Bolt reads any body with actions as an action)',
    async (_name, type) => {
      const team = randomTeam();
      const before = h.server.logs.length;
      const res = await h.interact({ ...buttonClick(team, 'UAGENT', 'autocase_accept', 'x'), type, actions: ['x'] });
      await h.settle();
      expect(res.status).toBeLessThan(500);
      const errors = h.server.logs
        .slice(before)
        .map((l) => JSON.parse(l) as { level: number; msg: string })
        .filter((l) => l.level >= 50);
      expect(errors).toEqual([]);
    },
  );
});
