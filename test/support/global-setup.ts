import { connectDatabase } from '../../db/connect.js';

/** Migrates the shared PostgreSQL database once, so test workers don't race the migrator. */
export default async function setup(): Promise<void> {
  if (!process.env.DATABASE_URL) return;
  const database = await connectDatabase({ databaseUrl: process.env.DATABASE_URL, maxConnections: 1 });
  await database.close();
}
