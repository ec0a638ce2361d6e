import { createAgent } from '../core/agent.js';
import type { CaseStore, Clock, JobQueue } from '../core/ports.js';
import { systemClock } from '../core/ports.js';
import { createPredictorFromConfig, describePredictorConfig, loadPredictorConfig } from '../core/predict/config.js';
import type { Predictor } from '../core/predict/port.js';
import { type CaseService, createCaseService } from '../core/service.js';
import { connectDatabase, type Database } from '../db/connect.js';
import { createRepository } from '../db/repository.js';
import { createTenantCache } from '../db/tenant-cache.js';
import type { ServerConfig } from './config.js';
import { createInProcessQueue } from './jobs/in-process.js';
import { createPgBossQueue } from './jobs/pg-boss.js';
import type { AppLogger } from './logger.js';
import {
  createMetrics,
  instrumentAgent,
  instrumentJobs,
  instrumentPredictor,
  instrumentStore,
  type Metrics,
} from './metrics.js';

/** Everything the adapters share. One per process; all state lives in the database. */
export interface Services {
  config: ServerConfig;
  logger: AppLogger;
  database: Database;
  store: CaseStore;
  predictor: Predictor;
  jobs: JobQueue;
  cases: CaseService;
  agent: ReturnType<typeof createAgent>;
  clock: Clock;
  metrics: Metrics;
  close(): Promise<void>;
}

export interface ServiceOverrides {
  predictor?: Predictor;
  jobs?: JobQueue;
  clock?: Clock;
  database?: Database;
}

export async function createServices(
  config: ServerConfig,
  logger: AppLogger,
  overrides: ServiceOverrides = {},
): Promise<Services> {
  const predictorConfig = loadPredictorConfig(config.env);
  const database =
    overrides.database ?? (await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  // Metrics decorate the ports, so every platform and the job worker are counted alike (GET /metrics).
  const metrics = createMetrics();
  const clock = overrides.clock ?? systemClock;
  // Fields and settings are read by every message and card and change rarely: cached per process for a few seconds
  // (another replica's admin change shows up within TENANT_CACHE_TTL_MS; this one's at once).
  const store = instrumentStore(createRepository(database, { tenantCache: createTenantCache({ clock }) }), metrics);
  const predictor = instrumentPredictor(
    overrides.predictor ?? createPredictorFromConfig(predictorConfig, { logger }),
    metrics,
  );
  // On PostgreSQL every replica shares one pg-boss queue; embedded PGlite is one process, so in memory is enough.
  const jobs = instrumentJobs(
    overrides.jobs ??
      (database.kind === 'postgres' && config.databaseUrl
        ? await createPgBossQueue({ connectionString: config.databaseUrl, logger })
        : createInProcessQueue({ logger })),
    metrics,
  );
  const agent = instrumentAgent(createAgent({ store, predictor, clock, logger }), metrics);
  const cases = await createCaseService({ store, agent, jobs, clock, logger });
  logger.info(
    {
      database: database.kind,
      jobs: overrides.jobs ? 'custom' : database.kind === 'postgres' && config.databaseUrl ? 'pg-boss' : 'in-process',
      ...(overrides.predictor ? { predictor: predictor.name } : describePredictorConfig(predictorConfig)),
    },
    'services ready',
  );
  return {
    config,
    logger,
    database,
    store,
    predictor,
    jobs,
    cases,
    agent,
    clock,
    metrics,
    async close() {
      await jobs.stop();
      if (!overrides.database) await database.close();
    },
  };
}
