import { App, ExpressAdapter } from '@microsoft/teams.apps';
import type { Express } from 'express';
import type { Services } from '../services.js';
import type { TeamsActivity } from './activity.js';
import { createAdminCheck, createTeamsCommands, type TeamsAdminDeps } from './admin.js';
import { createCardActionHandler } from './card-actions.js';
import type { TeamsConfig } from './config.js';
import { type Connector, createConnector } from './connector.js';
import { createFieldsDialog } from './fields-dialog.js';
import {
  createMessageChangeHandler,
  createMessageHandler,
  type IntakeCardJob,
  postIntakeCardNow,
  TEAMS_INTAKE_CARD_JOB,
} from './messages.js';
import { createTeamsPublisher } from './publisher.js';
import { createSdkLogger } from './sdk-logger.js';
import { validateActivity } from './validate.js';

export const TEAMS_MESSAGING_PATH = '/api/messages';

export interface TeamsApp {
  app: App;
  connector: Connector;
}

/**
 * The Teams SDK app on our express server: the SDK validates the Bot Framework token and routes activities; autocase
 * handles messages, Universal Actions and the field editor dialog. Nothing here touches the network at start-up: the
 * SDK fetches the bot token on the first outgoing call and again after a failure.
 */
export async function createTeamsApp(express: Express, services: Services, config: TeamsConfig): Promise<TeamsApp> {
  const logger = services.logger.child({ platform: 'teams' });
  // Registered before the SDK's route, so a malformed activity is refused (400) before any handler reads it.
  express.post(TEAMS_MESSAGING_PATH, ...validateActivity());
  const sdkLogger = createSdkLogger(logger);
  const app = new App({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    tenantId: config.tenantId,
    ...(config.serviceUrl ? { serviceUrl: config.serviceUrl } : {}),
    logger: sdkLogger,
    httpServerAdapter: new ExpressAdapter(express, { logger: sdkLogger }),
    messagingEndpoint: TEAMS_MESSAGING_PATH,
    // Always explicit, so the SDK's DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS variable can never switch it on.
    dangerouslyAllowUnauthenticatedRequests: config.testMode,
  });

  const connector = createConnector({ http: app.api.http, logger });
  const adminDeps: TeamsAdminDeps = {
    store: services.store,
    predictor: services.predictor,
    connector,
    logger,
    admins: services.config.admins,
    serviceUrlFallback: config.serviceUrl,
  };
  const onMessage = createMessageHandler({
    jobs: services.jobs,
    store: services.store,
    cases: services.cases,
    connector,
    logger,
    runCommand: createTeamsCommands(adminDeps),
    serviceUrlFallback: config.serviceUrl,
  });
  const onMessageChange = createMessageChangeHandler({ store: services.store, logger });
  const onCardAction = createCardActionHandler({ store: services.store, cases: services.cases, connector, logger });
  const fieldsDialog = createFieldsDialog({ store: services.store, logger, isAdmin: createAdminCheck(adminDeps) });

  const activityOf = (ctx: { activity: unknown }) => ctx.activity as TeamsActivity;
  app.on('message', async (ctx) => {
    await onMessage(activityOf(ctx));
  });
  app.on('messageUpdate', async (ctx) => {
    const eventType = activityOf(ctx).channelData?.eventType;
    if (eventType === 'editMessage') await onMessageChange(activityOf(ctx), 'edit');
    else if (eventType === 'softDeleteMessage') await onMessageChange(activityOf(ctx), 'delete');
  });
  app.on('messageDelete', async (ctx) => {
    await onMessageChange(activityOf(ctx), 'delete');
  });
  app.on('card.action', (async (ctx: { activity: unknown }) => onCardAction(activityOf(ctx))) as never);
  app.on('dialog.open', (async (ctx: { activity: unknown }) => fieldsDialog.open(activityOf(ctx))) as never);
  app.on('dialog.submit', (async (ctx: { activity: unknown }) => fieldsDialog.submit(activityOf(ctx))) as never);

  services.cases.registerPublisher('teams', createTeamsPublisher({ connector, logger }));
  await services.jobs.work<IntakeCardJob>(TEAMS_INTAKE_CARD_JOB, (job) =>
    postIntakeCardNow({ store: services.store, cases: services.cases, connector }, job),
  );
  // Registers POST /api/messages on our express app; we never call app.start(): the shared server listens.
  await app.initialize();
  if (config.testMode) {
    logger.warn({}, 'AUTOCASE_TEAMS_TEST_MODE is on: /api/messages accepts requests without a Bot Framework token');
  }
  return { app, connector };
}
