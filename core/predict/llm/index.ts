import type OpenAI from 'openai';
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { type Logger, silentLogger } from '../../ports.js';
import type { Prediction, PredictionInput, Predictor } from '../port.js';
import { createOpenAiClient, type LlmConfig } from './client.js';
import { buildChatRequest, type ChatRequest } from './request.js';
import { readCompletion } from './response.js';

export { DEFAULT_PROMPT_BUDGET } from './budget.js';
export type { AzureConfig, LlmConfig } from './client.js';
export { buildChatRequest, type ChatRequest, type RequestConfig } from './request.js';

export interface LlmPredictorDeps {
  /** Answers when the endpoint fails or its output cannot be used (the offline predictor). */
  fallback: Predictor;
  logger?: Logger;
  /** A ready client (tests); otherwise one is made from the config. */
  client?: OpenAI;
}

/** Tries the same request once more when the output, not the transport, was the problem. */
const OUTPUT_ATTEMPTS = 2;

/** Why a call failed, in words safe for logs and the card: status and kind, never a response body. */
function describeError(err: unknown): string {
  if (err instanceof APIConnectionTimeoutError) return 'the LLM endpoint timed out';
  if (err instanceof APIConnectionError) return 'the LLM endpoint could not be reached';
  if (err instanceof APIError) {
    if (err.status === 429) return 'the LLM endpoint is rate-limiting (429)';
    if (err.status !== undefined && err.status >= 500) return `the LLM endpoint failed (${err.status})`;
    if (err.status === 401 || err.status === 403) return `the LLM endpoint refused the credentials (${err.status})`;
    if (err.status !== undefined) return `the LLM endpoint rejected the request (${err.status})`;
  }
  return `the LLM call failed (${err instanceof Error ? err.name : 'unknown error'})`;
}

/**
 * The predictor backed by any OpenAI-compatible endpoint. It never throws for the endpoint's sake: transport errors
 * (after the SDK's own retries) and unusable output (after one more try) hand the prediction to the fallback, and the
 * result says so.
 */
export function createLlmPredictor(config: LlmConfig, deps: LlmPredictorDeps): Predictor {
  const name = `llm:${config.model}`;
  const logger = deps.logger ?? silentLogger;
  let client = deps.client;

  const fallBack = async (input: PredictionInput, reason: string, promptTokens: number): Promise<Prediction> => {
    logger.warn({ predictor: name, fallback: deps.fallback.name, reason }, 'llm prediction failed; using the fallback');
    const prediction = await deps.fallback.predict(input);
    const result: Prediction = { ...prediction, fallback: { from: name, reason } };
    if (promptTokens > 0) result.promptTokens = promptTokens;
    return result;
  };

  return {
    name,
    async predict(input: PredictionInput): Promise<Prediction> {
      if (input.fields.length === 0) return { fields: {}, predictor: name };
      let request: ChatRequest;
      try {
        request = buildChatRequest(input, config);
      } catch (err) {
        return fallBack(
          input,
          `the request could not be built (${err instanceof Error ? err.name : 'unknown error'})`,
          0,
        );
      }
      if (request.promptTokens > config.promptBudget) {
        // Only the fixed part (instructions, field list, schema) can do this: the conversation is cut to fit.
        logger.warn(
          {
            predictor: name,
            promptTokens: request.promptTokens,
            budget: config.promptBudget,
            fields: input.fields.length,
          },
          'the field definitions alone exceed the prompt budget',
        );
      }
      logger.debug(
        {
          predictor: name,
          promptTokens: request.promptTokens,
          shown: request.shownMessages,
          omitted: request.omittedMessages,
        },
        'llm request built',
      );

      let spent = 0;
      let reason = '';
      for (let attempt = 1; attempt <= OUTPUT_ATTEMPTS; attempt++) {
        let completion: ChatCompletion;
        try {
          client ??= createOpenAiClient(config);
          completion = await client.chat.completions.create(request.body);
        } catch (err) {
          return fallBack(input, describeError(err), spent);
        }
        spent += completion.usage?.prompt_tokens ?? request.promptTokens;
        const outcome = readCompletion(completion, {
          input,
          numbering: request.numbering,
          redactor: request.redactor,
          logger,
        });
        if (outcome.ok) {
          return { fields: outcome.fields, predictor: name, promptTokens: spent };
        }
        reason = `unusable output: ${outcome.reason}`;
        logger.info({ predictor: name, attempt, reason }, 'llm output unusable');
      }
      return fallBack(input, reason, spent);
    },
  };
}
