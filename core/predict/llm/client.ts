import OpenAI, { AzureOpenAI } from 'openai';

export interface AzureConfig {
  /** e.g. `https://my-resource.openai.azure.com` */
  endpoint: string;
  apiKey: string;
  /** The deployment requests go to (`/openai/deployments/<deployment>/chat/completions`). */
  deployment: string;
  apiVersion: string;
}

export interface LlmConfig {
  /** Sent as `model`; for Azure the deployment decides, and this names it in `llm:<model>`. */
  model: string;
  apiKey?: string;
  /** Any OpenAI-compatible endpoint, e.g. `http://localhost:11434/v1` (Ollama). */
  baseURL?: string;
  azure?: AzureConfig;
  /** Per attempt; the SDK retries timeouts, 408, 409, 429 and 5xx with exponential backoff. */
  timeoutMs: number;
  maxRetries: number;
  promptBudget: number;
  redactPii: boolean;
  /** null leaves it to the endpoint (reasoning models reject anything but their default). */
  temperature: number | null;
}

/** The one place an OpenAI client is made. */
export function createOpenAiClient(config: LlmConfig): OpenAI {
  const common = { timeout: config.timeoutMs, maxRetries: config.maxRetries };
  if (config.azure) {
    return new AzureOpenAI({
      ...common,
      endpoint: config.azure.endpoint,
      apiKey: config.azure.apiKey,
      deployment: config.azure.deployment,
      apiVersion: config.azure.apiVersion,
      // An OPENAI_BASE_URL meant for another endpoint must not leak in: the SDK reads it when baseURL is undefined.
      baseURL: null,
    });
  }
  return new OpenAI({
    ...common,
    // Local servers (Ollama, vLLM, LM Studio) take no key, but the SDK insists on one.
    apiKey: config.apiKey ?? 'not-needed',
    baseURL: config.baseURL ?? 'https://api.openai.com/v1',
  });
}
