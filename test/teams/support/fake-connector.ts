import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  /** Raw path as the SDK sent it (conversation ids are not URL-encoded by the Bot Connector client). */
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface FakeMember {
  id: string;
  name: string;
  aadObjectId?: string;
  userRole?: 'owner' | 'user' | 'guest';
}

/**
 * A local stand-in for the Bot Connector service Teams bots call (`serviceUrl`): it records every call and answers
 * like the real one for the few routes autocase uses: post, update, member lookups.
 */
export async function startFakeConnector() {
  const calls: RecordedCall[] = [];
  /** Members by `<team or conversation id>|<user id>`. */
  const members = new Map<string, FakeMember>();
  let nextId = 1;
  let failNext = 0;

  const server: Server = createServer(async (req, res) => {
    const body = await readJson(req);
    const path = req.url ?? '/';
    calls.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization, body });
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (failNext > 0) {
      failNext--;
      return reply(503, { error: { code: 'ServiceUnavailable', message: 'try again' } });
    }
    const decoded = decodedPath(path.split('?')[0] ?? '');
    let match = /^\/v3\/conversations\/(.+)\/activities$/.exec(decoded);
    if (req.method === 'POST' && match) return reply(201, { id: `bot-activity-${nextId++}` });
    match = /^\/v3\/conversations\/(.+)\/activities\/([^/]+)$/.exec(decoded);
    if (req.method === 'PUT' && match) return reply(200, { id: match[2] });
    match = /^\/v3\/conversations\/(.+)\/members\/([^/]+)$/.exec(decoded);
    if (req.method === 'GET' && match) {
      const member = members.get(`${match[1]}|${match[2]}`);
      if (!member) return reply(404, { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } });
      return reply(200, member);
    }
    return reply(404, { error: { code: 'NotFound', message: `no route ${req.method} ${path}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    addMember(where: string, member: FakeMember) {
      members.set(`${where}|${member.id}`, member);
    },
    /** The next n calls answer 503 (a flaky Bot Connector). */
    failNextCalls(n: number) {
      failNext = n;
    },
    /** Calls whose (decoded) path contains the conversation id. */
    callsFor(conversationId: string) {
      return calls.filter((c) => decodedPath(c.path).includes(conversationId));
    },
    async close() {
      // Connections still open (a client keeping one alive) would hold close() until the hook times out.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * Conversation ids come from the activities under test, fuzzed ones included: a stray "%" is no valid escape, and the
 * real service answers such a path rather than failing, so the raw path stands for itself.
 */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export type FakeConnector = Awaited<ReturnType<typeof startFakeConnector>>;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
