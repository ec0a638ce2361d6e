import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express } from 'express';
import type { Services } from './services.js';

/**
 * One platform on the shared HTTP server. Every adapter is laid out alike: it reads its own configuration, mounts its
 * routes and registers how to publish a changed card.
 */
export interface PlatformAdapter {
  readonly name: string;
  /** False when the platform is not configured (no credentials): the server starts without it. */
  enabled(services: Services): boolean;
  mount(app: Express, services: Services): Promise<MountedAdapter>;
}

export interface MountedAdapter {
  /** Printed at start-up, e.g. the URL to open or the endpoint to configure. */
  describe?(baseUrl: string): string;
  close?(): Promise<void>;
  /**
   * Takes a request before the web framework sees it, for an endpoint whose answer time is the product (Slack wants
   * its ack in 3 s and retries when late); true when it is handling it. Anything it hands back goes to `app` as usual.
   */
  front?(req: IncomingMessage, res: ServerResponse): boolean;
}
