import { ConfigError } from '../config.js';

export interface TeamsConfig {
  /** The bot's Microsoft App (client) id; undefined only in test mode. */
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** Entra tenant the bot app is registered in (single-tenant bots). */
  tenantId: string | undefined;
  /** Bot Connector base URL for calls that have no activity to take it from (the SDK's SERVICE_URL). */
  serviceUrl: string | undefined;
  /**
   * AUTOCASE_TEAMS_TEST_MODE=1: accept activities without a Bot Framework token, for local stand-ins and tests.
   * Never on by default, refused when NODE_ENV=production.
   */
  testMode: boolean;
}

const TRUE = new Set(['1', 'true', 'on', 'yes']);

/** Reads Teams' settings from the environment (the SDK's variable names); a bad combination stops start-up. */
export function loadTeamsConfig(env: Record<string, string | undefined>): TeamsConfig {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const testFlag = value('AUTOCASE_TEAMS_TEST_MODE');
  const testMode = testFlag !== undefined && TRUE.has(testFlag.toLowerCase());
  if (testMode && value('NODE_ENV') === 'production') {
    throw new ConfigError(
      'Invalid configuration: AUTOCASE_TEAMS_TEST_MODE accepts unauthenticated Teams requests and is refused when NODE_ENV=production',
    );
  }
  const serviceUrl = value('SERVICE_URL');
  if (serviceUrl && !/^https?:\/\//.test(serviceUrl)) {
    throw new ConfigError('Invalid configuration: SERVICE_URL must be an http(s) URL');
  }
  const clientId = value('CLIENT_ID');
  if (!clientId && (value('CLIENT_SECRET') || value('TENANT_ID')) && !testMode) {
    throw new ConfigError('Invalid configuration: CLIENT_SECRET/TENANT_ID are set but CLIENT_ID is missing');
  }
  return {
    clientId,
    clientSecret: value('CLIENT_SECRET'),
    tenantId: value('TENANT_ID'),
    serviceUrl: serviceUrl?.replace(/\/+$/, ''),
    testMode,
  };
}

/** Teams is served when the bot has an id, or when a developer explicitly asked for test mode. */
export function teamsEnabled(env: Record<string, string | undefined>): boolean {
  const config = loadTeamsConfig(env);
  return Boolean(config.clientId) || config.testMode;
}
