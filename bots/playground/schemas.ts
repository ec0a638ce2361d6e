import { z } from 'zod';
import { MAX_FIELDS_YAML_CHARS } from '../../core/admin/fields-yaml.js';

/** Longest message the composer sends; the core cuts anything longer anyway. */
const MAX_TEXT = 40_000;

const text = z
  .string({ error: 'text must be a string' })
  .trim()
  .min(1, 'type a message first')
  .max(MAX_TEXT, `a message can be at most ${MAX_TEXT} characters`);

export const newConversationBody = z.object({
  text,
  customerName: z.string().trim().min(1).max(100).optional(),
});

export const newMessageBody = z.object({
  role: z.enum(['customer', 'agent'], { error: 'role must be "customer" or "agent"' }),
  text,
});

export const actionBody = z.object({
  verb: z.string({ error: 'verb is required' }).max(100),
  data: z.record(z.string(), z.unknown(), { error: 'data must be an object' }),
});

export const fieldsBody = z.union(
  [
    z.object({ yaml: z.string().max(MAX_FIELDS_YAML_CHARS, 'the field list is too long') }),
    z.object({ fields: z.array(z.unknown()) }),
  ],
  { error: 'send { yaml } (the field editor text) or { fields } (a JSON list)' },
);

const settingValue = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));

export const settingsBody = z
  .object({
    protectManualEdits: settingValue.optional(),
    confidenceThreshold: settingValue.optional(),
    phoneRegion: settingValue.optional(),
  })
  .strict();

/** One sentence naming what was wrong with a request body. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
