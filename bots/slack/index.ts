import {
  App,
  AuthorizationError,
  ExpressReceiver,
  type ReceiverProcessEventErrorHandlerArgs,
  webApi,
} from '@slack/bolt';
import type { Express, Request, Response } from 'express';
import { SLACK_CREATE_CALLBACK_ID, SLACK_EDIT_CALLBACK_ID } from '../../cards/actions.js';
import { createInbox, type InboxEvent } from '../../db/inbox.js';
import type { MountedAdapter, PlatformAdapter } from '../adapter.js';
import type { Services } from '../services.js';
import { createActionHandler } from './actions.js';
import { FIELD_EDITOR_CALLBACK_ID } from './admin-view.js';
import { ADMIN_COMMAND, createAdminHandlers } from './commands.js';
import { loadSlackConfig, type SlackConfig } from './config.js';
import { createDrainer, type DrainerOptions, UnprocessableEventError } from './drainer.js';
import { ESCALATION_EVENT_TYPE } from './escalation.js';
import { createFrontDoor } from './front-door.js';
import { createEventInbox } from './inbox.js';
import { slackLogger } from './logger.js';
import { createMessageHandler } from './messages.js';
import { createCaseModalHandler, type ViewAck } from './modals.js';
import type { Json } from './payloads.js';
import { createDirectory } from './people.js';
import { createCardPublisher, slackError } from './publisher.js';
import { createTenantRegistry } from './tenants.js';
import { createLimiter, createRequestGauge, createTracker } from './tracker.js';

export const SLACK_EVENTS_PATH = '/slack/events';
/** The action ids on autocase's cards (cards/actions.ts names them all so). */
const OUR_ACTIONS = /^autocase_/;
const SUBMIT_FAILED_VIEW = {
  type: 'modal',
  title: { type: 'plain_text', text: 'Not saved' },
  close: { type: 'plain_text', text: 'Back' },
  blocks: [
    {
      type: 'section',
      text: {
        type: 'plain_text',
        text: 'Something went wrong on our side and nothing was saved. Go back and try again.',
      },
    },
  ],
};
/** Pieces of work after an ack running at once (each holds a database connection at times; the pool has 10). */
const BACKGROUND_CONCURRENCY = 4;
/** How long work after an ack waits for requests being answered to be done before it starts anyway. */
const MAX_ACK_PRIORITY_MS = 200;

/**
 * What this code relies on from Slack; `manifests/slack/manifest.yaml` must grant all of it (a test checks, and also
 * maps every Web API method called here to its scope).
 */
export const SLACK_APP_NEEDS = {
  /** Channel and private-channel messages (support threads), mentions. */
  botEvents: ['message.channels', 'message.groups', 'app_mention'],
  scopes: [
    'channels:history',
    'groups:history',
    'app_mentions:read',
    'chat:write',
    'users:read',
    'commands',
    'metadata.message:read',
  ],
  commands: [ADMIN_COMMAND],
  metadataEventTypes: [ESCALATION_EVENT_TYPE],
  /** Web API method → the bot scope it needs (null: none). */
  methodScopes: {
    'auth.test': null,
    'chat.postMessage': 'chat:write',
    'chat.update': 'chat:write',
    'chat.postEphemeral': 'chat:write',
    'views.open': null,
    'users.info': 'users:read',
  } as Record<string, string | null>,
};

export interface SlackAdapter extends PlatformAdapter {
  /**
   * Resolves when no Slack work is still going on after its ack: handlers, and acknowledged events waiting in the
   * inbox for processing or for their retry (tests, shutdown).
   */
  idle(): Promise<void>;
}

/** How the inbox drainer paces itself (tests shorten the sweep). */
export type SlackInboxOptions = Pick<DrainerOptions, 'concurrency' | 'leaseMs' | 'sweepEveryMs' | 'maxAttempts'>;

/** autocase in Slack: Bolt on the shared server at `POST /slack/events` (events, interactivity, slash command). */
export function createSlackAdapter(options: { inbox?: SlackInboxOptions } = {}): SlackAdapter {
  const tracker = createTracker();
  return {
    name: 'slack',
    idle: () => tracker.idle(),
    enabled: (services) => loadSlackConfig(services.config.env) !== null,
    async mount(app: Express, services: Services): Promise<MountedAdapter> {
      const config = loadSlackConfig(services.config.env);
      if (!config) throw new Error('Slack is not configured (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET)');
      return mountSlack(app, services, config, tracker, options.inbox ?? {});
    },
  };
}

export const slackAdapter = createSlackAdapter();

async function mountSlack(
  app: Express,
  services: Services,
  config: SlackConfig,
  tracker: ReturnType<typeof createTracker>,
  inboxOptions: SlackInboxOptions,
): Promise<MountedAdapter> {
  const { logger } = services;
  const boltLogger = slackLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.apiUrl,
    logger: boltLogger,
    // Slack's default retries for half an hour; a chat card is stale long before that.
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
    timeout: 10_000,
  };
  const client = new webApi.WebClient(config.botToken, clientOptions);

  const receiver = new ExpressReceiver({
    signingSecret: config.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger: boltLogger,
    // Events never reach this receiver (the inbox in front answers them). Clicks and commands answer once their
    // listener has acked, which it does first, leaving the work running (tracked) without awaiting it; modal
    // submissions answer with what their listener acks (errors on the form).
    processBeforeResponse: true,
    processEventErrorHandler: async (args) => answerBoltFailure(args, logger),
  });
  const authorize = cachedAuthorize(client, config.botToken);
  const bolt = new App({
    receiver,
    authorize,
    // Bolt's conversation store is unused here; it costs every request a lookup.
    convoStore: false,
    clientOptions,
    logger: boltLogger,
  });

  // Bolt's matchers assume well-formed interactions: a signed payload whose action is not an object (a fuzzer found
  // `actions: ["…"]`) throws inside them. Answer it and go no further.
  bolt.use(async (args) => {
    if (isMalformedInteraction(args.body)) {
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      logger.warn({ type: (args.body as { type?: unknown }).type }, 'slack: malformed interaction ignored');
      return;
    }
    await args.next();
  });

  const ensureTenant = createTenantRegistry(services.store);
  const directory = createDirectory(client);
  const publisher = createCardPublisher({ client, store: services.store, logger });
  /** Every listener: tracked, and whatever goes wrong is logged, never thrown into Bolt (Slack already has its ack). */
  const guarded = (what: string, work: () => Promise<void>): Promise<void> =>
    tracker.run(work).catch((error: unknown) => {
      logger.error({ err: slackError(error), handler: what }, 'slack handler failed');
    });
  /**
   * Work after an ack that nobody waits for (clicks, commands, intake cards, stored events): a few at once, the rest
   * queued, and none started while Slack requests are being answered (up to a moment), so a burst is acked first.
   */
  const requests = createRequestGauge(MAX_ACK_PRIORITY_MS);
  const afterAck = createLimiter(BACKGROUND_CONCURRENCY, requests.quiet);
  const background = (what: string, work: () => Promise<void>): void => {
    void guarded(what, () => afterAck(work));
  };
  const deps = { services, client, ensureTenant, directory, publisher, logger };
  // Posting a new conversation's intake card is Slack work that need not hold the event's processing up.
  const onMessage = createMessageHandler({ ...deps, background: (work) => background('intake card', work) });
  const onAction = createActionHandler(deps);
  const onCaseModal = createCaseModalHandler(deps);
  const admin = createAdminHandlers(deps);

  // Runs from the inbox (after the ack): a failure leaves the event there to be retried.
  bolt.event('message', async ({ body, context }) => {
    await onMessage(body as unknown as Json, { botId: context.botId, botUserId: context.botUserId }).catch(
      (error: unknown) => {
        logger.warn({ err: slackError(error), handler: 'message' }, 'slack handler failed');
        throw new RetryLaterError();
      },
    );
  });
  // Mentions also arrive as channel messages; subscribing keeps the bot told about threads it is mentioned in.
  bolt.event('app_mention', async () => {});
  bolt.action(OUR_ACTIONS, async ({ ack, body }) => {
    await ack();
    background('action', () => onAction(body as unknown as Json));
  });
  const viewListener =
    (what: string, handler: (body: Json, ack: (r?: ViewAck) => Promise<void>) => Promise<void>) =>
    async ({ ack, body }: { ack: (r?: never) => Promise<void>; body: unknown }) => {
      let acked = false;
      const once = async (response?: ViewAck) => {
        if (acked) return;
        acked = true;
        await ack(response as never);
      };
      await guarded(what, () => handler(body as Json, once));
      // A failure before the answer: a small view on top of the form says so, and closing it gives the form back.
      await once({ response_action: 'push', view: SUBMIT_FAILED_VIEW }).catch(() => {});
    };
  bolt.view(SLACK_EDIT_CALLBACK_ID, viewListener('edit modal', onCaseModal));
  bolt.view(SLACK_CREATE_CALLBACK_ID, viewListener('create modal', onCaseModal));
  bolt.view(FIELD_EDITOR_CALLBACK_ID, viewListener('field editor', admin.onFieldEditor));
  bolt.command(ADMIN_COMMAND, async ({ ack, body, respond }) => {
    await ack();
    background('command', () => admin.onCommand(body as unknown as Json, body.response_url ? respond : undefined));
  });
  bolt.error(async (error) => {
    // Already logged by the listener; rethrown so the inbox keeps the event and retries it.
    if (error instanceof RetryLaterError) throw error;
    logger.error({ err: slackError(error) }, 'slack bolt error');
  });

  // An acknowledged event goes through Bolt as Slack's own request would, after the answer. Who the bot is must be
  // known first: if Slack cannot say (auth.test failing), the event is retried instead of being dropped by Bolt.
  // Bolt failing on a body (malformed fields) fails the same way every time: parked, not retried.
  const processStored = async (event: InboxEvent) => {
    await authorize();
    try {
      await bolt.processEvent({ body: JSON.parse(event.body), ack: async () => {} });
    } catch (error) {
      if (error instanceof RetryLaterError) throw error;
      // The error's message may quote the payload: debug only.
      logger.debug({ err: slackError(error) }, 'slack event not processable');
      logger.warn({ tenantId: event.tenantId, eventId: event.eventId }, 'slack payload could not be processed');
      throw new UnprocessableEventError(error instanceof Error ? error.name : 'not an object');
    }
  };
  const inbox = createInbox(services.database);
  const drainer = createDrainer({
    ...inboxOptions,
    inbox,
    process: processStored,
    tracker,
    logger,
    ready: requests.quiet,
  });

  services.cases.registerPublisher('slack', (outcome, request) => publisher.publish(outcome, request));
  const takeEvent = createEventInbox({ inbox, drainer, logger });
  const front = createFrontDoor({
    path: SLACK_EVENTS_PATH,
    signingSecret: config.signingSecret,
    logger,
    takeEvent,
    ourActions: OUR_ACTIONS,
    clicksReady: authorize.known,
    // Through Bolt as Slack's own request would go, once the burst being answered is out, a few at a time and each in
    // a turn of the event loop of its own: a click's way through Bolt does no I/O, so a hundred of them would
    // otherwise run as one long chain of microtasks while new requests wait to be read.
    handleClick: (body) =>
      background('click', async () => {
        await new Promise((resolve) => setImmediate(resolve));
        await bolt.processEvent({ body, ack: async () => {} });
      }),
    counting: (res) => requests.count(res),
    handOn: (req, res) => app(req as Request, res as Response),
  });
  app.use(receiver.router);
  drainer.start();

  return {
    front,
    describe: (baseUrl) =>
      `Slack events, interactivity and /autocase: ${services.config.publicUrl ?? baseUrl}${SLACK_EVENTS_PATH}`,
    async close() {
      await drainer.stop();
      await tracker.idle();
    },
  };
}

/**
 * Single-workspace token: who the bot is is asked once (auth.test) and remembered; a failure is asked again later.
 * `known()` says whether it has been answered, so a click can be taken before Bolt only when nothing could fail there.
 */
function cachedAuthorize(client: webApi.WebClient, botToken: string) {
  let identity: Promise<webApi.AuthTestResponse> | null = null;
  let known = false;
  const authorize = async () => {
    identity ??= client.auth.test().catch((error: unknown) => {
      identity = null;
      throw error;
    });
    const me = await identity;
    known = true;
    return { botToken, botId: me.bot_id, botUserId: me.user_id, teamId: me.team_id };
  };
  return Object.assign(authorize, { known: () => known });
}

/** An event autocase could not handle now (storage down): it stays in the inbox and is processed again later. */
class RetryLaterError extends Error {
  // A `code` keeps Bolt from wrapping it, so the error handlers below still recognise it.
  readonly code = 'autocase_retry_later';
  constructor() {
    super('event not handled; Slack should deliver it again');
  }
}

/**
 * A signed payload Bolt itself cannot process (malformed fields): 400 with a log line instead of Bolt's 500, which
 * would only make Slack retry the same thing. The process carries on either way.
 */
async function answerBoltFailure(
  { error, response }: ReceiverProcessEventErrorHandlerArgs,
  logger: Services['logger'],
): Promise<boolean> {
  if (response.headersSent) {
    logger.error({ err: slackError(error) }, 'slack processing failed after ack');
    return false;
  }
  if (error instanceof RetryLaterError) {
    response.writeHead(500);
    response.end();
    return false;
  }
  if (error instanceof AuthorizationError) {
    logger.error({ err: slackError(error) }, 'slack authorization failed (auth.test)');
    response.writeHead(401);
    response.end();
    return true;
  }
  logger.warn({ err: slackError(error) }, 'slack payload could not be processed');
  response.writeHead(400);
  response.end();
  return false;
}

function isMalformedInteraction(body: unknown): boolean {
  const b = body as { type?: unknown; actions?: unknown };
  // Bolt reads any body that has `actions` as an action, whatever its type, and takes `actions[0]` as the payload.
  if (b.actions === undefined && b.type !== 'block_actions' && b.type !== 'interactive_message') return false;
  return (
    !Array.isArray(b.actions) ||
    b.actions.length === 0 ||
    b.actions.some((a) => a === null || typeof a !== 'object' || Array.isArray(a))
  );
}
