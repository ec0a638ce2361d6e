import type { FieldDefinition } from '../../types.js';

export type JsonSchema = { [key: string]: unknown };

/** The name the response format goes by; tools that replay requests match on it. */
export const SCHEMA_NAME = 'case_fields';

function valueSchema(field: FieldDefinition): JsonSchema {
  switch (field.type) {
    case 'choice':
      // Strict mode needs null inside the enum as well as in the type for a nullable enum.
      return { type: ['string', 'null'], enum: [...(field.options ?? []).map((o) => o.value), null] };
    case 'number':
      return { type: ['number', 'null'] };
    case 'boolean':
      return { type: ['boolean', 'null'] };
    default:
      return { type: ['string', 'null'] };
  }
}

/**
 * The structured-output schema for one prediction: `{ fields: { <key>: { value, confidence, evidence } } }`, one
 * property per field, every property required and no extras (what `strict: true` demands).
 */
export function buildResponseSchema(fields: FieldDefinition[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of fields) {
    properties[field.key] = {
      type: 'object',
      description: field.label,
      properties: {
        value: valueSchema(field),
        confidence: { type: 'number' },
        evidence: { type: 'array', items: { type: 'integer' } },
      },
      required: ['value', 'confidence', 'evidence'],
      additionalProperties: false,
    };
  }
  return {
    type: 'object',
    properties: {
      fields: {
        type: 'object',
        properties,
        required: fields.map((f) => f.key),
        additionalProperties: false,
      },
    },
    required: ['fields'],
    additionalProperties: false,
  };
}
