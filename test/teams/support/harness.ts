import { teamsAdapter } from '../../../bots/teams/index.js';
import type { CaseStore } from '../../../core/ports.js';
import type { Predictor } from '../../../core/predict/port.js';
import { TEST_FIELDS } from '../../support/fixtures.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { sendActivity, type TeamsTenantFixture, teamsTenant } from './activities.js';
import { type FakeConnector, startFakeConnector } from './fake-connector.js';

export interface TeamsHarness {
  server: TestServer;
  connector: FakeConnector;
  store: CaseStore;
  /** A fresh Entra tenant with the small test field set. */
  newTenant(): Promise<TeamsTenantFixture>;
  send(activity: object): ReturnType<typeof sendActivity>;
  close(): Promise<void>;
}

/**
 * The real server with the Teams adapter in test mode, its Bot Connector calls answered by a local stand-in; the
 * configured (offline) predictor unless one is given.
 */
export async function startTeamsHarness(options: { predictor?: Predictor; env?: Record<string, string> } = {}) {
  const connector = await startFakeConnector();
  const server = await startTestServer({
    env: { AUTOCASE_TEAMS_TEST_MODE: '1', ...options.env },
    adapters: [teamsAdapter],
    overrides: options.predictor ? { predictor: options.predictor } : {},
  });
  const store = server.services.store;
  const harness: TeamsHarness = {
    server,
    connector,
    store,
    async newTenant() {
      const t = teamsTenant(connector.url);
      await store.ensureTenant({ id: t.tenantId, platform: 'teams' });
      await store.setFields(t.tenantId, TEST_FIELDS);
      return t;
    },
    send: (activity) => sendActivity(server.url, activity),
    async close() {
      await server.close();
      await connector.close();
    },
  };
  return harness;
}
