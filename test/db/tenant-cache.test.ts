import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStore, Clock } from '../../core/ports.js';
import { createRepository } from '../../db/repository.js';
import { createTenantCache } from '../../db/tenant-cache.js';
import { testStore } from '../support/db.js';
import { newTenant, TEST_FIELDS } from '../support/fixtures.js';

/** Two processes on one database: `here` caches with a clock the test moves; `there` is another replica. */
let here: CaseStore;
let there: CaseStore;
let now = Date.parse('2026-03-02T10:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const TTL = 3_000;

beforeAll(async () => {
  const { database, store } = await testStore();
  there = store;
  here = createRepository(database, { tenantCache: createTenantCache({ ttlMs: TTL, clock }) });
});
afterAll(() => {
  now = Date.now();
});

describe('tenant cache', () => {
  it('shows this process its own changes at once', async () => {
    const tenantId = await newTenant(here);
    expect((await here.getFields(tenantId)).map((f) => f.key)).toEqual(TEST_FIELDS.map((f) => f.key));
    await here.setFields(tenantId, TEST_FIELDS.slice(0, 2));
    expect((await here.getFields(tenantId)).map((f) => f.key)).toEqual(['title', 'category']);
    await here.getSettings(tenantId);
    await here.updateSettings(tenantId, { agents: ['U-new'] });
    expect((await here.getSettings(tenantId)).agents).toEqual(['U-new']);
  });

  it('shows another process change once the TTL has passed, not before', async () => {
    const tenantId = await newTenant(there);
    expect((await here.getSettings(tenantId)).agents).toEqual([]);
    expect(await here.getFields(tenantId)).toHaveLength(TEST_FIELDS.length);
    await there.updateSettings(tenantId, { agents: ['U-elsewhere'] });
    await there.setFields(tenantId, TEST_FIELDS.slice(0, 1));
    now += TTL - 1;
    expect((await here.getSettings(tenantId)).agents).toEqual([]);
    expect(await here.getFields(tenantId)).toHaveLength(TEST_FIELDS.length);
    now += 2;
    expect((await here.getSettings(tenantId)).agents).toEqual(['U-elsewhere']);
    expect((await here.getFields(tenantId)).map((f) => f.key)).toEqual(['title']);
  });

  it('feeds the snapshot the agent decides on', async () => {
    const tenantId = await newTenant(here);
    const { conversation } = await here.openConversation(tenantId, {
      platform: 'playground',
      channelId: 'C',
      threadRef: `t-${now}`,
    });
    await here.setFields(tenantId, TEST_FIELDS.slice(0, 3));
    expect((await here.loadSnapshot(tenantId, conversation.id))?.fields).toHaveLength(3);
    await here.updateSettings(tenantId, { protectManualEdits: true });
    expect((await here.loadSnapshot(tenantId, conversation.id))?.settings.protectManualEdits).toBe(true);
  });

  it('hands out frozen values, so one caller cannot change another one view', async () => {
    const tenantId = await newTenant(here);
    const fields = await here.getFields(tenantId);
    expect(() => fields.push(TEST_FIELDS[0]!)).toThrow(TypeError);
    expect(() => {
      (fields[0] as { label: string }).label = 'changed';
    }).toThrow(TypeError);
    expect((await here.getSettings(tenantId)).agents).toEqual([]);
  });

  it('keeps at most maxTenants and does not keep a failed load', async () => {
    const cache = createTenantCache({ maxTenants: 2, clock });
    let loads = 0;
    const load = async () => {
      loads++;
      return [];
    };
    await cache.fields('a', load);
    await cache.fields('b', load);
    await cache.fields('c', load);
    await cache.fields('b', load);
    expect(loads).toBe(3);
    await cache.fields('a', load);
    expect(loads).toBe(4);
    await expect(cache.fields('d', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await cache.fields('d', load);
    expect(loads).toBe(5);
  });
});
