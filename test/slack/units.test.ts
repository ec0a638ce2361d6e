import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { formatCardRef, parseCardRef } from '../../bots/slack/card-ref.js';
import { loadSlackConfig } from '../../bots/slack/config.js';
import { readEscalation } from '../../bots/slack/escalation.js';
import { tsToDate } from '../../bots/slack/payloads.js';
import { createRequestGauge } from '../../bots/slack/tracker.js';

describe('Slack adapter helpers', () => {
  it('is enabled only with both the bot token and the signing secret', () => {
    expect(loadSlackConfig({})).toBeNull();
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toBeNull();
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: ' ' })).toBeNull();
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 's',
      apiUrl: 'https://slack.com/api/',
    });
    expect(
      loadSlackConfig({ SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://proxy:8080/api' })
        ?.apiUrl,
    ).toBe('http://proxy:8080/api/');
  });

  it('stores where the card is as channel:ts and reads back only what it wrote', () => {
    expect(parseCardRef(formatCardRef({ channel: 'C1', ts: '1700000000.000100' }))).toEqual({
      channel: 'C1',
      ts: '1700000000.000100',
    });
    for (const bad of [null, '', 'C1', ':1.0', 'C1:']) expect(parseCardRef(bad)).toBeNull();
  });

  it('reads escalation metadata defensively', () => {
    expect(readEscalation(undefined, null)).toBeNull();
    expect(readEscalation({ event_type: 'task_created', event_payload: {} }, null)).toBeNull();
    expect(readEscalation({ event_type: 'support_escalation' }, 'HelpBot')).toEqual({ values: {}, bot: 'HelpBot' });
    const escalation = readEscalation(
      {
        event_type: 'support_escalation',
        event_payload: {
          summary: 'x'.repeat(5000),
          bot: 'Triage',
          values: { category: 'Billing', seats: 12, vip: true, nested: { a: 1 }, list: [1], nothing: null },
        },
      },
      'HelpBot',
    );
    expect(escalation).toEqual({
      summary: 'x'.repeat(4000),
      bot: 'Triage',
      values: { category: 'Billing', seats: 12, vip: true },
    });
    expect(readEscalation({ event_type: 'support_escalation', event_payload: { values: 'no' } }, null)).toEqual({
      values: {},
    });
  });

  it('turns Slack timestamps into dates, and nonsense into null', () => {
    expect(tsToDate('1700000000.000100')?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(tsToDate('abc')).toBeNull();
    expect(tsToDate(null)).toBeNull();
  });
});

describe('request gauge (work after acks waits for a burst to be answered)', () => {
  const request = () => {
    const res = new EventEmitter();
    return { res, close: () => res.emit('close') };
  };
  const state = (p: Promise<void>) => {
    let done = false;
    void p.then(() => {
      done = true;
    });
    return () => done;
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('lets work start at once when nothing is being answered', async () => {
    const gauge = createRequestGauge(1_000, 20);
    await sleep(25);
    const done = state(gauge.quiet());
    await sleep(0);
    expect(done()).toBe(true);
  });

  it('holds work through a gap inside a burst and releases it once the burst has settled', async () => {
    const gauge = createRequestGauge(5_000, 150);
    const first = request();
    gauge.count(first.res);
    const done = state(gauge.quiet());
    first.close();
    await sleep(10);
    // The next request of the burst arrives within the settle time: still held.
    const second = request();
    gauge.count(second.res);
    second.close();
    await sleep(30);
    expect(done()).toBe(false);
    await sleep(250);
    expect(done()).toBe(true);
  });

  it('never holds work longer than its limit under a steady stream', async () => {
    const gauge = createRequestGauge(300, 30);
    const open = request();
    gauge.count(open.res);
    const done = state(gauge.quiet());
    await sleep(20);
    expect(done()).toBe(false);
    await sleep(400);
    expect(done()).toBe(true);
    // Work that gave up waiting is not kept on the list.
    expect(gauge.waiting()).toBe(0);
    open.close();
  });
});
