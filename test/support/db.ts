import { randomUUID } from 'node:crypto';
import type { CaseStore } from '../../core/ports.js';
import { connectDatabase, type Database } from '../../db/connect.js';
import { createRepository } from '../../db/repository.js';

let shared: Promise<{ database: Database; store: CaseStore }> | undefined;

/**
 * One migrated database per test worker: real PostgreSQL when DATABASE_URL is set (CI), otherwise an in-memory PGlite
 * (cold start ~5 s, so it is shared). Tests isolate themselves by tenant, which also exercises tenant scoping.
 */
export function testStore(): Promise<{ database: Database; store: CaseStore }> {
  shared ??= (async () => {
    const database = await connectDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
    return { database, store: createRepository(database) };
  })();
  return shared;
}

export function uniqueTenantId(prefix = 'test'): string {
  return `${prefix}:${randomUUID()}`;
}
