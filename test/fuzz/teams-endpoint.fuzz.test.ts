import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsAdapter } from '../../bots/teams/index.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sendActivity, teamsTenant, teamsUser } from '../teams/support/activities.js';
import { type FakeConnector, startFakeConnector } from '../teams/support/fake-connector.js';
import { countRows } from './support/rows.js';

/**
 * Random and malformed activities at POST /api/messages (Teams test mode, so the payload itself is what is judged):
 * the server never answers 500 for them, stays up, and a refused request writes nothing.
 */
let server: TestServer;
let connector: FakeConnector;
// Fuzzed tenants share a prefix, so their rows can be counted while other test files write their own.
const PREFIX = `fz${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  connector = await startFakeConnector();
  server = await startTestServer({ env: { AUTOCASE_TEAMS_TEST_MODE: '1' }, adapters: [teamsAdapter] });
});

afterAll(async () => {
  await server?.close();
  await connector?.close();
});

const weird = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '💥'.repeat(50),
    'x'.repeat(70_000),
    '<at>autocase</at> fields',
    '{{',
    null,
  ),
  // A parsed payload can carry an object whose own toString/valueOf are data: String() of it throws. A fresh one each
  // time, since mutations write into the objects they place.
  fc.constant(null).map(() => ({ toString: 'x', valueOf: 1 })),
);

function baseActivities(k: number) {
  const t = teamsTenant(connector.url);
  const tenant = `${PREFIX}-${k}`;
  const maria = teamsUser('Maria Lopez');
  const post = t.post(maria, 'My parcel is late');
  const withTenant = <T extends { channelData: Record<string, unknown>; conversation: Record<string, unknown> }>(
    a: T,
  ) => ({
    ...a,
    channelData: { ...a.channelData, tenant: { id: tenant } },
    conversation: { ...a.conversation, tenantId: tenant },
  });
  return [
    withTenant(post),
    withTenant(t.reply(post.threadId, maria, 'any update?')),
    withTenant(t.command(teamsUser('Mallory'), 'fields')),
    withTenant(t.cardAction(post.threadId, teamsUser('Priya'), 'autocase.accept', { conversationId: 'x' })),
    withTenant(t.dialog('task/submit', teamsUser('Mallory'), { fields: 'junk' })),
  ] as Array<Record<string, unknown>>;
}

/** A valid-looking activity with one to three parts replaced by nonsense (at any depth of one). */
const mutated = fc
  .tuple(
    fc.nat({ max: 4 }),
    fc.nat(),
    fc.array(
      fc.tuple(
        fc.constantFrom(
          'type',
          'id',
          'text',
          'from',
          'conversation',
          'channelData',
          'value',
          'name',
          'entities',
          'serviceUrl',
          'replyToId',
          'timestamp',
        ),
        fc.option(
          fc.constantFrom(
            'id',
            'tenant',
            'name',
            'aadObjectId',
            'action',
            'verb',
            'data',
            'conversationType',
            'channel',
            'eventType',
          ),
        ),
        weird,
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([which, k, changes]) => {
    const activity = structuredClone(baseActivities(k % 1000)[which]!);
    for (const [key, inner, value] of changes) {
      const current = activity[key];
      if (inner && current && typeof current === 'object' && !Array.isArray(current)) {
        (current as Record<string, unknown>)[inner] = value;
      } else if (value === undefined) {
        delete activity[key];
      } else {
        activity[key] = value;
      }
    }
    return activity;
  });

async function postRaw(body: string, contentType = 'application/json') {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  await res.text();
  return res.status;
}

describe('POST /api/messages, fuzzed', () => {
  it('mutated activities: never a 500, and a refused one writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async (activity) => {
        const before = await countRows(server.services.database, `teams:${PREFIX}`);
        const { status } = await sendActivity(server.url, activity);
        expect(status, JSON.stringify(activity).slice(0, 500)).toBeLessThan(500);
        if (status >= 400) expect(await countRows(server.services.database, `teams:${PREFIX}`)).toEqual(before);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 30_000 },
    );
    await server.services.jobs.drain();
  }, 60_000);

  it('bodies that are not activities at all: a 4xx, nothing written', async () => {
    const before = await countRows(server.services.database, `teams:${PREFIX}`);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
          fc.constantFrom('', '{', '[]', 'null', '"message"', '{"type":"message"}', '{"type":"invoke"}'),
        ),
        async (body) => {
          const status = await postRaw(body);
          expect(status, body.slice(0, 200)).toBeLessThan(500);
        },
      ),
      { numRuns: 100, interruptAfterTimeLimit: 20_000 },
    );
    expect(await postRaw('<xml/>', 'application/xml')).toBeLessThan(500);
    expect(await countRows(server.services.database, `teams:${PREFIX}`)).toEqual(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
