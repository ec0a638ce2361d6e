import type { PlatformAdapter } from '../adapter.js';
import { createTeamsApp, TEAMS_MESSAGING_PATH } from './app.js';
import { loadTeamsConfig, teamsEnabled } from './config.js';

/** Microsoft Teams on the Teams SDK v2, at POST /api/messages of the shared server. */
export const teamsAdapter: PlatformAdapter = {
  name: 'teams',
  enabled: (services) => teamsEnabled(services.config.env),
  async mount(express, services) {
    const config = loadTeamsConfig(services.config.env);
    await createTeamsApp(express, services, config);
    return {
      describe: (baseUrl) =>
        `Teams messaging endpoint: ${baseUrl}${TEAMS_MESSAGING_PATH}${config.testMode ? ' (TEST MODE: no Bot Framework token required)' : ''}`,
    };
  },
};
