import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../core/ports.js';
import { ourClick } from './clicks.js';
import type { EventInbox } from './inbox.js';
import { type Json, obj } from './payloads.js';
import { answer, isForm, readSignedBody } from './signed-body.js';

export interface FrontDoorDeps {
  path: string;
  signingSecret: string;
  logger: Logger;
  /** Stores an Events API delivery and answers it. */
  takeEvent: EventInbox;
  /** Which action ids are ours (the ones Bolt has a listener for). */
  ourActions: RegExp;
  /** Whether a click can be handled without asking Slack anything first (the bot's identity is known). */
  clicksReady(): boolean;
  /** Runs an answered click through Bolt. */
  handleClick(body: Json): void;
  /** Counts a request being answered (work after acks lets it go first). */
  counting(res: ServerResponse): void;
  /** Everything else: the web framework's routes, where Bolt's receiver reads `req.rawBody`. */
  handOn(req: IncomingMessage, res: ServerResponse): void;
}

/** Slack signs a timestamp; Bolt refuses old ones, this refuses ones from the future too (same 5-minute window). */
const MAX_CLOCK_SKEW_S = 5 * 60;

/**
 * Slack's endpoint, taken on the raw HTTP request before the web framework: a burst of 200 deliveries is answered one
 * after another on one event loop, and the framework's routing and response helpers were a third of each answer's
 * cost. Here the signature is checked once, Events API deliveries go to the durable inbox, clicks on our own cards
 * are answered at once (Slack ignores the body of a block_actions answer, and our listener would ack first thing), and
 * everything else (URL verification, the slash command, modal submissions, anything odd) goes on to Bolt's receiver
 * as if untouched.
 */
export function createFrontDoor(deps: FrontDoorDeps) {
  const { path, signingSecret, logger } = deps;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ts = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(ts) && ts - Date.now() / 1000 > MAX_CLOCK_SKEW_S) {
      answer(res, 401);
      return;
    }
    const text = await readSignedBody(req, res, signingSecret, logger);
    if (text === null) return;
    if (isForm(req)) {
      const click = deps.clicksReady() ? ourClick(text, deps.ourActions) : null;
      if (!click) {
        deps.handOn(req, res);
        return;
      }
      answer(res, 200);
      deps.handleClick(click);
      return;
    }
    let payload: Json | null;
    try {
      payload = obj(JSON.parse(text));
    } catch {
      logger.warn({}, 'slack: signed request body is not JSON');
      answer(res, 400);
      return;
    }
    if (payload?.type === 'event_callback') await deps.takeEvent(payload, text, res);
    else deps.handOn(req, res);
  }

  /** True when the request is Slack's (a POST to the endpoint) and is being handled here. */
  return function frontDoor(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST' || pathOf(req.url) !== path) return false;
    deps.counting(res);
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'slack: request failed');
      if (!res.headersSent) answer(res, 500);
    });
    return true;
  };
}

function pathOf(url: string | undefined): string {
  const end = url?.indexOf('?') ?? -1;
  const path = end >= 0 ? url!.slice(0, end) : (url ?? '');
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
