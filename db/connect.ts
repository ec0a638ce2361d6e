import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.js';

export type Schema = typeof schema;
// biome-ignore lint/suspicious/noExplicitAny: both drivers' databases share this shape
export type Db = PgDatabase<PgQueryResultHKT, Schema, any>;

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** A raw statement ($1, $2, … parameters) and its rows. Timestamps come back as text on PostgreSQL, as Dates on PGlite. */
export type RawQuery = <T>(text: string, params: unknown[]) => Promise<T[]>;

export interface RawTx {
  query: RawQuery;
  /**
   * Sends a write whose rows nobody waits for; if it fails, the transaction fails. On PostgreSQL the commit then
   * follows it in the same round trip.
   */
  later(text: string, params: unknown[]): void;
}

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /**
   * One raw statement outside any transaction. On PostgreSQL it is prepared once per connection, so the server skips
   * parsing and planning it again; for the hottest statements, which drizzle's builder would rebuild on the client
   * each time.
   */
  query: RawQuery;
  /**
   * Raw statements (prepared, as `query`) in one transaction: committed when `work` resolves, rolled back if it
   * throws. Statements started together are pipelined on PostgreSQL (one round trip); they still run in order.
   */
  transaction<T>(work: (tx: RawTx) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL URL; without it autocase runs on embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps it in memory. */
  dataDir?: string;
  /** Pool size for postgres.js. */
  maxConnections?: number;
  migrate?: boolean;
}

/** Opens the database named by the options and brings its schema up to date. */
export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  const database = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.maxConnections ?? 10)
    : await openPglite(options.dataDir ?? './.autocase');
  if (options.migrate !== false) await database.migrate();
  return database;
}

/**
 * postgres.js asks every new connection for the server's array types first, and drops that query's promise: when the
 * database goes away at that moment (a restart), the rejection is unhandled and Node ends the process
 * (porsager/postgres#1192, #1223, open in 3.4.9). autocase passes and reads no SQL arrays through postgres.js (lists go
 * as JSON), so the lookup is not needed.
 */
export const NO_TYPE_FETCH = { fetch_types: false } as const;

function openPostgres(url: string, max: number): Database {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    // A restarted server drops connections; postgres.js reconnects on next use. Bound how long a query waits for one.
    connect_timeout: 10,
    idle_timeout: 30,
    ...NO_TYPE_FETCH,
  });
  return {
    db: drizzlePostgres(client, { schema }) as unknown as Db,
    kind: 'postgres',
    query: async <T>(text: string, params: unknown[]) =>
      (await client.unsafe(text, params as Parameters<typeof client.unsafe>[1], { prepare: true })) as unknown as T[],
    async transaction<T>(work: (tx: RawTx) => Promise<T>) {
      // By hand rather than client.begin(), which waits for BEGIN's answer before the first statement: here every
      // statement is sent at once (.execute()), so BEGIN and whatever `work` starts with share one round trip, as do
      // the `later` writes and the commit.
      const connection = await client.reserve();
      const send = (text: string, params: unknown[], prepare = true) => {
        const statement = connection
          .unsafe(text, params as Parameters<typeof connection.unsafe>[1], { prepare })
          .execute();
        statement.catch(() => {}); // whoever sent it awaits it; `later` ones are awaited with the commit
        return statement;
      };
      const pending = [send('begin', [], false)];
      const tx: RawTx = {
        query: async <R>(text: string, params: unknown[]) => (await send(text, params)) as unknown as R[],
        later: (text, params) => {
          pending.push(send(text, params));
        },
      };
      try {
        const result = await work(tx);
        // A failed statement aborted the transaction, and PostgreSQL answers the commit of an aborted one with a
        // rollback rather than an error: the failure is the statement's, so each one is awaited with the commit.
        await Promise.all([...pending, connection.unsafe('commit').execute()]);
        return result;
      } catch (error) {
        await connection.unsafe('rollback').catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
    migrate: () => migratePostgresLocked(url),
    close: () => client.end({ timeout: 5 }),
  };
}

/** Replicas starting together must not race the migrator: one session holds an advisory lock while it runs. */
async function migratePostgresLocked(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {}, ...NO_TYPE_FETCH });
  try {
    await client`select pg_advisory_lock(724051)`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_DIR });
    await client`select pg_advisory_unlock(724051)`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function openPglite(dataDir: string): Promise<Database> {
  let dir: string | undefined;
  if (dataDir !== 'memory://') {
    dir = resolve(dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
  }
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    query: async <T>(text: string, params: unknown[]) => (await client.query<T>(text, params)).rows,
    transaction: <T>(work: (tx: RawTx) => Promise<T>) =>
      client.transaction(async (tx) => {
        const pending: Array<Promise<unknown>> = [];
        const result = await work({
          query: async <R>(text: string, params: unknown[]) => (await tx.query<R>(text, params)).rows,
          later: (text, params) => {
            const statement = tx.query(text, params);
            statement.catch(() => {}); // awaited below
            pending.push(statement);
          },
        });
        await Promise.all(pending);
        return result;
      }),
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.close(),
  };
}
