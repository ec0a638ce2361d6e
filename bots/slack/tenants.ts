import type { CaseStore } from '../../core/ports.js';

/** One tenant per Slack workspace. */
export const slackTenantId = (teamId: string): string => `slack:${teamId}`;

/** Creates (and seeds) a workspace's tenant the first time it is seen; later calls in this process cost nothing. */
export function createTenantRegistry(store: CaseStore) {
  const known = new Map<string, Promise<void>>();
  return async function ensureSlackTenant(teamId: string, name?: string | null): Promise<string> {
    const id = slackTenantId(teamId);
    let ready = known.get(id);
    if (!ready) {
      ready = store.ensureTenant({ id, platform: 'slack', name: name ?? null }).then(() => undefined);
      known.set(id, ready);
      ready.catch(() => known.delete(id));
    }
    await ready;
    return id;
  };
}
