import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPredictorFromConfig,
  describePredictorConfig,
  loadPredictorConfig,
  PredictorConfigError,
} from '../../../core/predict/config.js';
import { createLlmPredictor } from '../../../core/predict/llm/index.js';
import { answer, completion, type FakeOpenAi, startFakeOpenAi, stubFallback } from './fake-openai.js';
import { AI_FIELDS, billingChat, input } from './fixtures.js';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});

describe('loadPredictorConfig', () => {
  it('is offline when nothing is configured, and auto picks the LLM once a key or base URL is set', () => {
    expect(loadPredictorConfig({})).toEqual({ kind: 'offline', requested: 'auto' });
    expect(loadPredictorConfig({ AUTOCASE_PREDICTOR: 'offline', OPENAI_API_KEY: 'sk-x' }).kind).toBe('offline');
    expect(loadPredictorConfig({ OPENAI_API_KEY: 'sk-x' }).kind).toBe('llm');
    expect(loadPredictorConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1' }).kind).toBe('llm');
    expect(
      loadPredictorConfig({
        AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com',
        AZURE_OPENAI_API_KEY: 'k',
        AZURE_OPENAI_DEPLOYMENT: 'd',
      }).kind,
    ).toBe('llm');
    // An empty variable is not a configured one.
    expect(loadPredictorConfig({ OPENAI_API_KEY: '', OPENAI_BASE_URL: ' ' }).kind).toBe('offline');
  });

  it('has sensible defaults', () => {
    const config = loadPredictorConfig({ AUTOCASE_PREDICTOR: 'LLM', OPENAI_API_KEY: 'sk-x' });
    expect(config).toEqual({
      kind: 'llm',
      requested: 'llm',
      llm: {
        model: 'gpt-4o-mini',
        apiKey: 'sk-x',
        timeoutMs: 30_000,
        maxRetries: 2,
        promptBudget: 6000,
        redactPii: true,
        temperature: 0,
      },
    });
  });

  it('reads every setting', () => {
    const config = loadPredictorConfig({
      AUTOCASE_PREDICTOR: 'llm',
      OPENAI_BASE_URL: 'http://localhost:8000/v1',
      AUTOCASE_LLM_MODEL: 'Qwen/Qwen2.5-7B-Instruct',
      AUTOCASE_LLM_TIMEOUT_MS: '5000',
      AUTOCASE_LLM_MAX_RETRIES: '0',
      AUTOCASE_LLM_PROMPT_BUDGET: '4000',
      AUTOCASE_REDACT_PII: 'off',
      AUTOCASE_LLM_TEMPERATURE: 'default',
    });
    expect(config.kind === 'llm' && config.llm).toEqual({
      model: 'Qwen/Qwen2.5-7B-Instruct',
      baseURL: 'http://localhost:8000/v1',
      timeoutMs: 5000,
      maxRetries: 0,
      promptBudget: 4000,
      redactPii: false,
      temperature: null,
    });
  });

  it('fails with one clear error naming every bad variable, without echoing secrets', () => {
    let error: unknown;
    try {
      loadPredictorConfig({
        AUTOCASE_PREDICTOR: 'gpt',
        OPENAI_API_KEY: 'sk-secret-value',
        OPENAI_BASE_URL: 'localhost:11434',
        AUTOCASE_LLM_TIMEOUT_MS: 'soon',
        AUTOCASE_LLM_MAX_RETRIES: '-1',
        AUTOCASE_LLM_PROMPT_BUDGET: '10',
        AUTOCASE_REDACT_PII: 'maybe',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PredictorConfigError);
    const message = (error as Error).message;
    for (const name of [
      'AUTOCASE_PREDICTOR',
      'OPENAI_BASE_URL',
      'AUTOCASE_LLM_TIMEOUT_MS',
      'AUTOCASE_LLM_MAX_RETRIES',
      'AUTOCASE_LLM_PROMPT_BUDGET',
      'AUTOCASE_REDACT_PII',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).toMatch(/must be offline, llm or auto/);
    expect(message).not.toContain('sk-secret-value');
  });

  it('explains what an LLM predictor needs', () => {
    expect(() => loadPredictorConfig({ AUTOCASE_PREDICTOR: 'llm' })).toThrow(
      /AUTOCASE_PREDICTOR=llm needs OPENAI_API_KEY .*OPENAI_BASE_URL .*AZURE_OPENAI_ENDPOINT/,
    );
    expect(() => loadPredictorConfig({ AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com' })).toThrow(
      /AZURE_OPENAI_API_KEY and AZURE_OPENAI_DEPLOYMENT must be set/,
    );
  });

  it('describes the choice for start-up logs without the key', () => {
    const config = loadPredictorConfig({ OPENAI_API_KEY: 'sk-secret-value' });
    const description = JSON.stringify(describePredictorConfig(config));
    expect(description).toContain('llm:gpt-4o-mini');
    expect(description).not.toContain('sk-secret-value');
  });
});

describe('Azure OpenAI', () => {
  it('sends the request to the deployment path with the api-version and the api-key header', async () => {
    const config = loadPredictorConfig({
      AZURE_OPENAI_ENDPOINT: `${fake.origin}/`,
      AZURE_OPENAI_API_KEY: 'azure-key',
      AZURE_OPENAI_DEPLOYMENT: 'cases-4o-mini',
      OPENAI_API_VERSION: '2024-10-21',
      AUTOCASE_LLM_TIMEOUT_MS: '10000',
      AUTOCASE_LLM_MAX_RETRIES: '0',
    });
    if (config.kind !== 'llm') throw new Error('expected llm');
    expect(config.llm.azure).toEqual({
      endpoint: `${fake.origin}/`,
      apiKey: 'azure-key',
      deployment: 'cases-4o-mini',
      apiVersion: '2024-10-21',
    });
    const fallback = stubFallback();
    fake.script(completion(answer(AI_FIELDS, { category: { value: 'Billing', confidence: 0.9, evidence: [1] } })));
    const prediction = await createLlmPredictor(config.llm, { fallback }).predict(input(billingChat()));

    expect(fallback.calls).toBe(0);
    expect(prediction.predictor).toBe('llm:cases-4o-mini');
    expect(prediction.fields.category!.value).toBe('Billing');
    const request = fake.requests.at(-1)!;
    expect(request.url).toBe('/openai/deployments/cases-4o-mini/chat/completions?api-version=2024-10-21');
    expect(request.headers['api-key']).toBe('azure-key');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body.response_format.json_schema.strict).toBe(true);
  });

  it('defaults the api-version', () => {
    const config = loadPredictorConfig({
      AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com',
      AZURE_OPENAI_API_KEY: 'k',
      AZURE_OPENAI_DEPLOYMENT: 'd',
    });
    expect(config.kind === 'llm' && config.llm.azure?.apiVersion).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });
});

describe('createPredictorFromConfig', () => {
  it('returns the offline predictor when so configured', () => {
    const predictor = createPredictorFromConfig(loadPredictorConfig({ AUTOCASE_PREDICTOR: 'offline' }));
    expect(predictor.name).not.toMatch(/^llm:/);
  });

  it('returns the LLM predictor, which answers through the offline one when the endpoint fails', async () => {
    const predictor = createPredictorFromConfig(
      loadPredictorConfig({
        OPENAI_BASE_URL: fake.baseURL,
        AUTOCASE_LLM_MODEL: 'llama3.1',
        AUTOCASE_LLM_MAX_RETRIES: '0',
        AUTOCASE_LLM_TIMEOUT_MS: '10000',
      }),
    );
    expect(predictor.name).toBe('llm:llama3.1');
    fake.script({ status: 400, body: { error: { message: 'model not found' } } });
    const prediction = await predictor.predict(input(billingChat()));
    expect(prediction.fallback).toEqual({
      from: 'llm:llama3.1',
      reason: 'the LLM endpoint rejected the request (400)',
    });
    expect(prediction.predictor).not.toMatch(/^llm:/);
    expect(Object.keys(prediction.fields)).toEqual(AI_FIELDS.map((f) => f.key));
    // No key configured: a local server needs none, and the SDK gets a stand-in rather than refusing to start.
    expect(fake.requests.at(-1)!.headers.authorization).toBe('Bearer not-needed');
  });
});
