import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { MountedAdapter, PlatformAdapter } from './adapter.js';
import type { Services } from './services.js';

export interface RunningServer {
  app: Express;
  server: Server;
  url: string;
  services: Services;
  lines: string[];
  close(): Promise<void>;
}

/** The one HTTP server: health, then every configured platform on its own path. */
export async function startServer(services: Services, adapters: PlatformAdapter[]): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', async (_req, res) => {
    const ok = await services.store.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'database unreachable', database: services.database.kind });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(services.metrics.registry.contentType).send(await services.metrics.registry.metrics());
  });

  const mounted: Array<{ adapter: PlatformAdapter; handle: MountedAdapter }> = [];
  for (const adapter of adapters) {
    if (!adapter.enabled(services)) continue;
    mounted.push({ adapter, handle: await adapter.mount(app, services) });
  }

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  // Express 5 forwards rejected handlers here; a stack trace never reaches a client.
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    if (status >= 500)
      services.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'request failed');
    if (!res.headersSent) res.status(status).json({ error: status >= 500 ? 'internal error' : 'bad request' });
  });

  const fronts = mounted.flatMap(({ handle }) => (handle.front ? [handle.front.bind(handle)] : []));
  const server = createServer((req, res) => {
    for (const front of fronts) if (front(req, res)) return;
    app(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(services.config.port, services.config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  const lines = mounted.flatMap(({ handle }) => (handle.describe ? [handle.describe(url)] : []));
  return {
    app,
    server,
    url,
    services,
    lines,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Adapters end their long-lived responses (the playground's event stream) first, or close() would wait forever.
      for (const { handle } of mounted) await handle.close?.();
      await closed;
      server.closeAllConnections?.();
      await services.close();
    },
  };
}
