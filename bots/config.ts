import { z } from 'zod';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const envSchema = z.object({
  PORT: optional(z.coerce.number().int().min(0).max(65_535)),
  HOST: optional(z.string()),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')),
  AUTOCASE_DATA_DIR: optional(z.string()),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  AUTOCASE_ADMINS: optional(z.string()),
  AUTOCASE_PLAYGROUND: optional(z.enum(['on', 'off'])),
  AUTOCASE_PUBLIC_URL: optional(z.url()),
});

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  /** Platform user ids (e.g. `U123`, an Entra object id) that are admins in every tenant. */
  admins: string[];
  playground: boolean;
  publicUrl: string | undefined;
  /** The whole environment, for adapters that read their own variables (Slack, Teams, predictor). */
  env: Record<string, string | undefined>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the server's settings from the environment; a bad value stops start-up with a message naming it. */
export function loadServerConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT ?? 3978,
    host: e.HOST ?? '0.0.0.0',
    databaseUrl: e.DATABASE_URL,
    dataDir: e.AUTOCASE_DATA_DIR ?? './.autocase',
    logLevel: e.LOG_LEVEL ?? 'info',
    admins: (e.AUTOCASE_ADMINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    playground: e.AUTOCASE_PLAYGROUND !== 'off',
    publicUrl: e.AUTOCASE_PUBLIC_URL,
    env,
  };
}
