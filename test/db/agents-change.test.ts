import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseStore } from '../../core/ports.js';
import { createRepository } from '../../db/repository.js';
import { createTenantCache } from '../../db/tenant-cache.js';
import { testStore } from '../support/db.js';
import { newTenant } from '../support/fixtures.js';

/** Two replicas on one database, each with its own settings cache (as in production). */
let replicaA: CaseStore;
let replicaB: CaseStore;

beforeAll(async () => {
  const { database } = await testStore();
  replicaA = createRepository(database, { tenantCache: createTenantCache() });
  replicaB = createRepository(database, { tenantCache: createTenantCache() });
});

describe('changing the agent list from several replicas', () => {
  it('keeps an agent added on one replica when another replica, with an older cached list, adds one', async () => {
    const tenantId = await newTenant(replicaA);
    // Both replicas have the (empty) list cached.
    expect((await replicaA.getSettings(tenantId)).agents).toEqual([]);
    expect((await replicaB.getSettings(tenantId)).agents).toEqual([]);
    await replicaA.changeAgents(tenantId, { add: ['U-ana'] });
    const { before, settings } = await replicaB.changeAgents(tenantId, { add: ['U-bo'] });
    expect(before).toEqual(['U-ana']);
    expect(settings.agents).toEqual(['U-ana', 'U-bo']);
    expect((await replicaA.getSettings(tenantId)).agents).toEqual(['U-ana', 'U-bo']);
  });

  it('applies concurrent adds and removes one after the other, losing none', async () => {
    const tenantId = await newTenant(replicaA);
    await replicaA.changeAgents(tenantId, { add: ['U-1', 'U-2'] });
    await Promise.all([
      replicaA.changeAgents(tenantId, { add: ['U-3'] }),
      replicaB.changeAgents(tenantId, { add: ['U-4'] }),
      replicaB.changeAgents(tenantId, { remove: ['U-1'] }),
      replicaA.changeAgents(tenantId, { add: ['U-2'] }),
    ]);
    const { before } = await replicaA.changeAgents(tenantId, {});
    expect([...before].sort()).toEqual(['U-2', 'U-3', 'U-4']);
  });

  it('reports who was not an agent, and changes nothing of another tenant', async () => {
    const tenantId = await newTenant(replicaA);
    const other = await newTenant(replicaA);
    await replicaA.changeAgents(other, { add: ['U-other'] });
    const { before, settings } = await replicaB.changeAgents(tenantId, { remove: ['U-nobody'] });
    expect(before).toEqual([]);
    expect(settings.agents).toEqual([]);
    expect((await replicaB.getSettings(other)).agents).toEqual(['U-other']);
  });
});

describe('what an admin is about to edit and save whole', () => {
  it('reads the field list from the table, not from a replica cache that has not seen a change yet', async () => {
    const tenantId = await newTenant(replicaA);
    const stored = await replicaB.getFields(tenantId);
    await replicaA.setFields(tenantId, stored.slice(0, 2));
    expect(await replicaB.getFields(tenantId)).toHaveLength(stored.length);
    expect(await replicaB.getFields(tenantId, { fresh: true })).toHaveLength(2);
  });
});
