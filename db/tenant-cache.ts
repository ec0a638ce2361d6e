import type { Clock } from '../core/ports.js';
import { systemClock } from '../core/ports.js';
import type { FieldDefinition, TenantSettings } from '../core/types.js';

export interface TenantCacheOptions {
  /**
   * How long a read is trusted. Another replica's admin change shows up here after at most this long; this process's
   * own changes show up at once (the repository invalidates on write).
   */
  ttlMs?: number;
  /** Tenants kept at once; the ones loaded longest ago go first. */
  maxTenants?: number;
  clock?: Clock;
}

export const TENANT_CACHE_TTL_MS = 3_000;

interface Slot<T> {
  value: Promise<T>;
  expires: number;
}

export type TenantCache = ReturnType<typeof createTenantCache>;

/**
 * A per-process cache of each tenant's field definitions and settings: every ingested message and every card reads
 * them, admins change them rarely. Values are frozen, because every caller shares them (a caller that wants to change
 * a list copies it).
 */
export function createTenantCache({
  ttlMs = TENANT_CACHE_TTL_MS,
  maxTenants = 5_000,
  clock = systemClock,
}: TenantCacheOptions = {}) {
  const fields = new Map<string, Slot<FieldDefinition[]>>();
  const settings = new Map<string, Slot<TenantSettings>>();

  function cached<T>(slots: Map<string, Slot<T>>, tenantId: string, load: () => Promise<T>): Promise<T> {
    const now = clock.now().getTime();
    const hit = slots.get(tenantId);
    if (hit && hit.expires > now) return hit.value;
    // Concurrent readers share the one load. A write drops the slot, so a load it overtook is never handed out after
    // it; a failed load is not kept.
    const slot: Slot<T> = { value: load().then(deepFreeze), expires: now + ttlMs };
    slots.delete(tenantId);
    slots.set(tenantId, slot);
    if (slots.size > maxTenants) slots.delete(slots.keys().next().value!);
    slot.value.catch(() => {
      if (slots.get(tenantId) === slot) slots.delete(tenantId);
    });
    return slot.value;
  }

  return {
    fields: (tenantId: string, load: () => Promise<FieldDefinition[]>) => cached(fields, tenantId, load),
    settings: (tenantId: string, load: () => Promise<TenantSettings>) => cached(settings, tenantId, load),
    /** After this process changed the tenant's fields or settings (called once the change committed). */
    invalidate(tenantId: string) {
      fields.delete(tenantId);
      settings.delete(tenantId);
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
