import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeConnector, startFakeConnector } from './support/fake-connector.js';

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector.close();
});

describe('the stand-in Bot Connector', () => {
  // A fuzzed conversation id with a stray "%" once made it throw inside the request handler: no answer, an unhandled
  // rejection, and a server that could not be closed.
  it('answers a path that is not valid percent-encoding, and records it', async () => {
    const res = await fetch(`${connector.url}/v3/conversations/a%ZZb%E0%A4/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hi' }),
      signal: AbortSignal.timeout(5000),
    });
    expect(res.status).toBe(201);
    expect(connector.callsFor('a%ZZb')).toHaveLength(1);
  });
});
