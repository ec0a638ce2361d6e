import { DrizzleQueryError } from 'drizzle-orm';

/**
 * What went wrong with a query, fit for a log line: drizzle's own message quotes the statement and its parameters
 * (customer text), so only the driver's message underneath it is kept.
 */
export function dbErrorMessage(error: unknown): string {
  if (error instanceof DrizzleQueryError) return dbErrorMessage(error.cause ?? 'query failed');
  return error instanceof Error ? error.message : String(error);
}
