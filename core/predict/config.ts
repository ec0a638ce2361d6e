import { z } from 'zod';
import type { Logger } from '../ports.js';
import { createLlmPredictor, DEFAULT_PROMPT_BUDGET, type LlmConfig } from './llm/index.js';
import { createOfflinePredictor } from './offline/index.js';
import type { Predictor } from './port.js';

export const DEFAULT_LLM_MODEL = 'gpt-4o-mini';
/** A GA Azure OpenAI data-plane version with structured outputs. */
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

export type PredictorConfig =
  | { kind: 'offline'; requested: 'offline' | 'auto' }
  | { kind: 'llm'; requested: 'llm' | 'auto'; llm: LlmConfig };

/** Thrown at start-up: the message names every bad variable and is safe to print (it never echoes a key). */
export class PredictorConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PredictorConfigError';
  }
}

// An empty variable (`FOO=` in a .env file) means "not set", as it does to the openai SDK.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const integer = (min: number, max: number, what: string) =>
  optional(
    z.coerce
      .number({ error: `must be a number (${what})` })
      .int(`must be a whole number (${what})`)
      .min(min, `must be at least ${min} (${what})`)
      .max(max, `must be at most ${max} (${what})`),
  );

const flag = optional(
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(v), 'must be true or false')
    .transform((v) => ['1', 'true', 'yes', 'on'].includes(v)),
);

const url = optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://localhost:11434/v1' }));

const envSchema = z.object({
  AUTOCASE_PREDICTOR: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['offline', 'llm', 'auto'], { error: 'must be offline, llm or auto' })),
  ),
  OPENAI_API_KEY: optional(z.string().trim()),
  OPENAI_BASE_URL: url,
  AUTOCASE_LLM_MODEL: optional(z.string().trim()),
  AUTOCASE_LLM_TIMEOUT_MS: integer(100, 600_000, 'milliseconds per attempt'),
  AUTOCASE_LLM_MAX_RETRIES: integer(0, 10, 'retries after a timeout, 429 or 5xx'),
  AUTOCASE_LLM_PROMPT_BUDGET: integer(1_000, 1_000_000, 'prompt tokens'),
  AUTOCASE_LLM_TEMPERATURE: optional(
    z
      .string()
      .trim()
      .refine((v) => v === 'default' || (Number.isFinite(Number(v)) && Number(v) >= 0 && Number(v) <= 2), {
        message: 'must be a number from 0 to 2, or "default" to leave it to the model',
      }),
  ),
  AUTOCASE_REDACT_PII: flag,
  AZURE_OPENAI_ENDPOINT: url,
  AZURE_OPENAI_API_KEY: optional(z.string().trim()),
  AZURE_OPENAI_DEPLOYMENT: optional(z.string().trim()),
  OPENAI_API_VERSION: optional(z.string().trim()),
});

/**
 * Reads the predictor settings from the environment, validating all of them at once so start-up fails with one clear
 * message instead of the first prediction failing later.
 */
export function loadPredictorConfig(env: Record<string, string | undefined> = process.env): PredictorConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new PredictorConfigError(`Invalid predictor configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const requested = e.AUTOCASE_PREDICTOR ?? 'auto';
  const azure = e.AZURE_OPENAI_ENDPOINT !== undefined;
  const configured = azure || e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined;

  if (requested === 'offline' || (requested === 'auto' && !configured)) return { kind: 'offline', requested };
  if (!configured) {
    throw new PredictorConfigError(
      'Invalid predictor configuration: AUTOCASE_PREDICTOR=llm needs OPENAI_API_KEY (OpenAI), OPENAI_BASE_URL (a local or compatible server) or AZURE_OPENAI_ENDPOINT (Azure OpenAI)',
    );
  }

  const llm: LlmConfig = {
    model: e.AUTOCASE_LLM_MODEL ?? (azure ? (e.AZURE_OPENAI_DEPLOYMENT ?? '') : DEFAULT_LLM_MODEL),
    timeoutMs: e.AUTOCASE_LLM_TIMEOUT_MS ?? 30_000,
    maxRetries: e.AUTOCASE_LLM_MAX_RETRIES ?? 2,
    promptBudget: e.AUTOCASE_LLM_PROMPT_BUDGET ?? DEFAULT_PROMPT_BUDGET,
    redactPii: e.AUTOCASE_REDACT_PII ?? true,
    temperature:
      e.AUTOCASE_LLM_TEMPERATURE === undefined
        ? 0
        : e.AUTOCASE_LLM_TEMPERATURE === 'default'
          ? null
          : Number(e.AUTOCASE_LLM_TEMPERATURE),
  };

  if (azure) {
    const missing = [
      e.AZURE_OPENAI_API_KEY === undefined && 'AZURE_OPENAI_API_KEY',
      e.AZURE_OPENAI_DEPLOYMENT === undefined && 'AZURE_OPENAI_DEPLOYMENT',
    ].filter(Boolean);
    if (missing.length) {
      throw new PredictorConfigError(
        `Invalid predictor configuration: AZURE_OPENAI_ENDPOINT is set, so ${missing.join(' and ')} must be set too`,
      );
    }
    llm.azure = {
      endpoint: e.AZURE_OPENAI_ENDPOINT!,
      apiKey: e.AZURE_OPENAI_API_KEY!,
      deployment: e.AZURE_OPENAI_DEPLOYMENT!,
      apiVersion: e.OPENAI_API_VERSION ?? DEFAULT_AZURE_API_VERSION,
    };
  } else {
    if (e.OPENAI_API_KEY !== undefined) llm.apiKey = e.OPENAI_API_KEY;
    if (e.OPENAI_BASE_URL !== undefined) llm.baseURL = e.OPENAI_BASE_URL;
  }
  return { kind: 'llm', requested: requested as 'llm' | 'auto', llm };
}

/** The predictor the configuration asks for; the LLM one answers through the offline one when it fails. */
export function createPredictorFromConfig(config: PredictorConfig, deps: { logger?: Logger } = {}): Predictor {
  const offline = createOfflinePredictor();
  if (config.kind === 'offline') return offline;
  const llmDeps: Parameters<typeof createLlmPredictor>[1] = { fallback: offline };
  if (deps.logger) llmDeps.logger = deps.logger;
  return createLlmPredictor(config.llm, llmDeps);
}

/** For start-up logs: what was chosen, without secrets. */
export function describePredictorConfig(config: PredictorConfig): Record<string, unknown> {
  if (config.kind === 'offline') return { predictor: 'offline', requested: config.requested };
  const { llm } = config;
  return {
    predictor: `llm:${llm.model}`,
    requested: config.requested,
    endpoint: llm.azure ? `azure:${llm.azure.endpoint}/${llm.azure.deployment}` : (llm.baseURL ?? 'openai'),
    timeoutMs: llm.timeoutMs,
    maxRetries: llm.maxRetries,
    promptBudget: llm.promptBudget,
    redactPii: llm.redactPii,
  };
}
