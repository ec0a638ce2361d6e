import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/connect.js';

/** Rows of every table for the tenants whose id starts with `prefix`: what a rejected request must not change. */
export async function countRows(database: Database, prefix: string): Promise<Record<string, number>> {
  const like = `${prefix}%`;
  const result = await database.db.execute(sql`
    select
      (select count(*)::int from tenants where id like ${like}) as tenants,
      (select count(*)::int from field_definitions where tenant_id like ${like}) as fields,
      (select count(*)::int from conversations where tenant_id like ${like}) as conversations,
      (select count(*)::int from messages where tenant_id like ${like}) as messages,
      (select count(*)::int from cases where tenant_id like ${like}) as cases,
      (select count(*)::int from case_field_values where tenant_id like ${like}) as values,
      (select count(*)::int from case_events where tenant_id like ${like}) as events,
      (select count(*)::int from processed_events where tenant_id like ${like}) as processed`);
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return rows[0] as Record<string, number>;
}
