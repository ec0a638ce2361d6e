import { Writable } from 'node:stream';
import type { PlatformAdapter } from '../../bots/adapter.js';
import { loadServerConfig } from '../../bots/config.js';
import { createLogger } from '../../bots/logger.js';
import { type RunningServer, startServer } from '../../bots/server.js';
import { createServices, type ServiceOverrides } from '../../bots/services.js';
import { testStore } from './db.js';

export interface TestServer extends RunningServer {
  /** Every log line the server wrote (JSON), for assertions on what is and isn't logged. */
  logs: string[];
}

/** The real server on a free port, on the shared test database, with the given environment and adapters. */
export async function startTestServer(
  options: {
    env?: Record<string, string>;
    adapters?: PlatformAdapter[];
    overrides?: ServiceOverrides;
    logLevel?: string;
  } = {},
): Promise<TestServer> {
  const { database } = await testStore();
  const config = loadServerConfig({ PORT: '0', HOST: '127.0.0.1', AUTOCASE_PREDICTOR: 'offline', ...options.env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(options.logLevel ?? 'info', sink);
  const services = await createServices(config, logger, { database, ...options.overrides });
  const running = await startServer(services, options.adapters ?? []);
  return Object.assign(running, { logs });
}
