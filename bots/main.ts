import { adapters } from './adapters.js';
import { ConfigError, loadServerConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';
import { createServices } from './services.js';

async function main() {
  const config = loadServerConfig();
  const logger = createLogger(config.logLevel);
  const services = await createServices(config, logger);
  const running = await startServer(services, adapters);
  logger.info({ url: running.url }, 'autocase listening');
  for (const line of running.lines) console.log(line);
  console.log(`autocase health: ${running.url}/healthz`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await running.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // Configuration errors are for the person starting the server: one clear line, no stack.
  if (error instanceof ConfigError || (error instanceof Error && error.name.endsWith('ConfigError'))) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
