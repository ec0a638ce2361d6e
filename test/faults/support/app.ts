import { Writable } from 'node:stream';
import type { PlatformAdapter } from '../../../bots/adapter.js';
import { loadServerConfig } from '../../../bots/config.js';
import { createLogger } from '../../../bots/logger.js';
import { type RunningServer, startServer } from '../../../bots/server.js';
import { createServices, type ServiceOverrides } from '../../../bots/services.js';

export interface OwnServer extends RunningServer {
  logs: string[];
}

/**
 * The real server composed exactly as `bots/main.ts` does (its own database connection, and pg-boss when the URL is
 * PostgreSQL), for tests that own their database, unlike `startTestServer` which shares the test worker's.
 */
export async function startOwnServer(options: {
  env: Record<string, string>;
  adapters: PlatformAdapter[];
  overrides?: Omit<ServiceOverrides, 'database'>;
  logLevel?: string;
}): Promise<OwnServer> {
  const config = loadServerConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    AUTOCASE_PREDICTOR: 'offline',
    AUTOCASE_PLAYGROUND: 'off',
    ...options.env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(options.logLevel ?? 'info', sink);
  const services = await createServices(config, logger, options.overrides ?? {});
  const running = await startServer(services, options.adapters);
  return Object.assign(running, { logs });
}
