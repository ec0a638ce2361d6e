import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | null;
}

export interface FakeUser {
  id: string;
  name: string;
  real_name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_bot?: boolean;
}

export const BOT_USER_ID = 'UAUTOCASE';
export const BOT_ID = 'BAUTOCASE';

/** Fields Slack sends as JSON strings inside a form-encoded request. */
const JSON_ARGS = new Set(['blocks', 'view', 'metadata', 'attachments']);

/**
 * A local stand-in for Slack's Web API (`SLACK_API_URL`) and for `response_url`s: records every call and answers
 * like Slack (`{ ok: true, ts, channel, … }`). Tests read `calls` to see what the bot did.
 */
export async function startFakeSlackApi() {
  const calls: RecordedCall[] = [];
  const users = new Map<string, FakeUser>();
  const failures = new Map<string, string>();
  const held = new Map<string, Promise<void>>();
  let seq = 0;
  const nextTs = () => `1700000000.${String(++seq).padStart(6, '0')}`;

  function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return { ok: false, error: failure };
    }
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: 'TFAKE', user: 'autocase', team: 'Fake' };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: nextTs(), message: { text: args.text, bot_id: BOT_ID } };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'views.open':
      case 'views.update':
        return { ok: true, view: { id: `V${++seq}`, ...(args.view as object) } };
      case 'users.info': {
        const user = users.get(String(args.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            ...user,
            is_admin: user.is_admin ?? false,
            is_owner: user.is_owner ?? false,
            profile: { real_name: user.real_name ?? user.name, display_name: user.name },
          },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    let method: string;
    let args: Record<string, unknown>;
    if (url.pathname.startsWith('/respond/')) {
      method = 'respond';
      args = { ...(JSON.parse(raw || '{}') as object), url: url.pathname };
    } else {
      method = url.pathname.replace(/^\/api\//, '');
      args = parseArgs(raw, String(req.headers['content-type'] ?? ''));
    }
    await held.get(method);
    const auth = req.headers.authorization;
    calls.push({ method, args, token: auth?.startsWith('Bearer ') ? auth.slice(7) : null });
    const body = method === 'respond' ? { ok: true } : answer(method, args);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    /** A `response_url` this server records, as Slack would give one with a slash command. */
    responseUrl: (id = String(++seq)) => `${base}/respond/${id}`,
    calls,
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    addUser(user: FakeUser) {
      users.set(user.id, user);
    },
    /** The next call of `method` answers `{ ok: false, error }`. */
    failNext(method: string, error: string) {
      failures.set(method, error);
    },
    /** Calls of `method` wait (unanswered) until the returned function is called. */
    hold(method: string): () => void {
      let release = () => {};
      held.set(
        method,
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      );
      return () => {
        held.delete(method);
        release();
      };
    },
    reset() {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

export type FakeSlackApi = Awaited<ReturnType<typeof startFakeSlackApi>>;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_ARGS.has(key) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
