import type { IncomingMessage, ServerResponse } from 'node:http';
import { defaultBodyLimit, verifySlackRequest } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';

/**
 * Reads a request's body and checks Slack's signature on it (and its 5-minute window) with Bolt's own verifier.
 * Returns the body's text, or null once the request has been answered (413, 400 or 401). The raw bytes are left on
 * `req.rawBody`, where Bolt's receiver looks first, so a request handed on to Bolt reads as if untouched.
 */
export async function readSignedBody(
  req: IncomingMessage,
  res: ServerResponse,
  signingSecret: string,
  logger: Logger,
): Promise<string | null> {
  let raw: Buffer;
  try {
    raw = await readBody(req, defaultBodyLimit);
  } catch (error) {
    const tooLarge = (error as { status?: number }).status === 413;
    logger.warn({}, tooLarge ? 'slack: request body too large' : 'slack: request body could not be read');
    answer(res, tooLarge ? 413 : 400);
    return null;
  }
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
  const text = raw.toString('utf8');
  try {
    verifySlackRequest({
      signingSecret,
      body: text,
      headers: {
        'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
        'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
      },
    });
  } catch (error) {
    logger.warn({ reason: (error as Error).message }, 'slack: request verification failed');
    answer(res, 401);
    return null;
  }
  return text;
}

/** Slack posts interactivity and slash commands as forms; Events API deliveries are JSON (Bolt parses all else so). */
export function isForm(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim() === 'application/x-www-form-urlencoded';
}

/** An empty answer with just a status: all Slack wants of an ack, and the cheapest response Node can write. */
export function answer(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-length': '0' });
  res.end();
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(Object.assign(new Error('request body too large'), { status: 413 }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
