import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FieldPrediction, Prediction, PredictionInput, Predictor } from '../../../core/predict/port.js';
import { UNKNOWN } from '../../../core/predict/port.js';
import type { FieldDefinition } from '../../../core/types.js';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  url: string;
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: the request body is whatever the client sent; tests read into it.
  body: any;
  raw: string;
}

export interface Reply {
  status?: number;
  /** Sent as JSON; a string is sent as-is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (to trigger client timeouts). */
  delayMs?: number;
}

export interface FakeOpenAi {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** What OPENAI_BASE_URL should be. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queues replies, one per request, in order. */
  script(...replies: Reply[]): void;
  /** Forgets the recorded requests and the replies still queued, so one test's leftovers never reach the next. */
  reset(): void;
  /** What to answer once the queue is empty (default: a 400 saying so). */
  otherwise(reply: Reply | null): void;
  close(): Promise<void>;
}

/** A real HTTP server speaking just enough of the OpenAI API: `POST …/chat/completions` with scripted answers. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  let otherwise: Reply | null = null;
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    // A request the client gave up on before its body arrived (a timeout on a busy machine) is still one it made, and
    // it takes its scripted reply, so the queue stays in step with what the client sent.
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, raw });
      const reply: Reply = req.url?.split('?')[0]?.endsWith('/chat/completions')
        ? (queue.shift() ??
          otherwise ?? { status: 400, body: { error: { message: 'no scripted reply left', type: 'test' } } })
        : { status: 404, body: { error: { message: `unknown path ${req.url}`, type: 'test' } } };
      const send = () => {
        if (res.destroyed) return;
        const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(payload);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
      else send();
    };
    req.on('end', settle);
    req.on('close', settle);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseURL: `${origin}/v1`,
    requests,
    script: (...replies) => queue.push(...replies),
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    otherwise: (reply) => {
      otherwise = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A chat completion whose message content is `content` (objects are JSON-encoded). */
export function completion(content: unknown, extra: { finishReason?: string; refusal?: string } = {}): Reply {
  return {
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_764_500_000,
      model: 'test-model',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: extra.refusal ? null : typeof content === 'string' ? content : JSON.stringify(content),
            refusal: extra.refusal ?? null,
          },
          finish_reason: extra.finishReason ?? 'stop',
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 1234, completion_tokens: 56, total_tokens: 1290 },
    },
  };
}

/** An OpenAI-style error response; `retry-after-ms` keeps the SDK's backoff short in tests. */
export function failure(status: number, retryAfterMs = 5): Reply {
  return {
    status,
    headers: { 'retry-after-ms': String(retryAfterMs) },
    body: { error: { message: `scripted ${status}`, type: 'server_error', code: null, param: null } },
  };
}

type Answer = { value: unknown; confidence?: number; evidence?: number[] };

/** The model's answer: every field present (strict mode), unknown unless given. */
export function answer(fields: FieldDefinition[], given: Record<string, Answer>): { fields: Record<string, Answer> } {
  const out: Record<string, Answer> = {};
  for (const f of fields) out[f.key] = given[f.key] ?? { value: null, confidence: 0, evidence: [] };
  return { fields: out };
}

/** Stands in for the offline predictor: knows nothing, and counts its calls. */
export function stubFallback(): Predictor & { calls: number } {
  const stub = {
    name: 'offline',
    calls: 0,
    async predict(input: PredictionInput): Promise<Prediction> {
      stub.calls += 1;
      const fields: Record<string, FieldPrediction> = {};
      for (const f of input.fields) fields[f.key] = { ...UNKNOWN };
      return { fields, predictor: 'offline' };
    },
  };
  return stub;
}
