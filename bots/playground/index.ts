import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { PlatformAdapter } from '../adapter.js';
import { ConfigError } from '../config.js';
import { createPlaygroundApi } from './api.js';
import { createEventHub } from './events.js';
import { PLAYGROUND_AGENT, PLAYGROUND_TENANT } from './people.js';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const ADAPTIVE_CARDS_JS = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');

export interface PlaygroundOptions {
  /** Defaults to `AUTOCASE_PLAYGROUND_TENANT`, else `playground:local`; tests use their own. */
  tenantId?: string;
}

/**
 * The browser playground: a support channel on this server, with the real cards and the same core calls as Teams and
 * Slack. On unless `AUTOCASE_PLAYGROUND=off`; it needs no credentials.
 */
export function createPlaygroundAdapter(options: PlaygroundOptions = {}): PlatformAdapter {
  return {
    name: 'playground',
    enabled: (services) => services.config.playground,
    async mount(app, services) {
      const tenantId = options.tenantId ?? services.config.env.AUTOCASE_PLAYGROUND_TENANT?.trim() ?? PLAYGROUND_TENANT;
      // The page has no login: it must never be pointed at a Slack or Teams tenant's conversations.
      if (!/^playground:[\w.:-]+$/.test(tenantId)) {
        throw new ConfigError(
          `Invalid configuration: AUTOCASE_PLAYGROUND_TENANT must look like playground:<name>, not "${tenantId}"`,
        );
      }
      await services.store.ensureTenant({ id: tenantId, platform: 'playground', name: 'Playground' });
      // The page's agent composer speaks as this person, so its messages count as agent messages from the start.
      await services.store.changeAgents(tenantId, { add: [PLAYGROUND_AGENT.id] });

      const hub = createEventHub();
      const api = createPlaygroundApi({ services, tenantId, hub });
      services.cases.registerPublisher('playground', api.publishOutcome);

      app.use('/playground/api', api.router);
      app.get('/playground/vendor/adaptivecards.min.js', (_req, res) => {
        res.sendFile(ADAPTIVE_CARDS_JS, { maxAge: '1h' });
      });
      app.use('/playground', express.static(PUBLIC_DIR, { index: 'index.html', redirect: true }));
      app.get('/', (_req, res) => {
        res.redirect('/playground/');
      });

      return {
        describe: (url) => `autocase playground: ${url}`,
        async close() {
          hub.close();
        },
      };
    },
  };
}

export const playgroundAdapter = createPlaygroundAdapter();
