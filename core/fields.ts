import { z } from 'zod';
import defaultFieldsJson from './default-fields.json' with { type: 'json' };
import { DomainError } from './errors.js';
import { FIELD_TYPES, type FieldDefinition } from './types.js';

const optionSchema = z.object({
  value: z.string().trim().min(1, 'an option needs a value').max(100),
  hint: z.string().max(1000).optional(),
});

const fieldSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'key must start with a letter and use only letters, digits and _')
      .max(64),
    label: z.string().trim().min(1, 'label is required').max(100),
    type: z.enum(FIELD_TYPES, { error: () => `type must be one of ${FIELD_TYPES.join(', ')}` }),
    required: z.boolean().default(false),
    aiManaged: z.boolean().default(true),
    hint: z.string().max(2000).optional(),
    options: z.array(optionSchema).max(100).optional(),
  })
  .strict()
  .superRefine((field, ctx) => {
    if (field.type === 'choice') {
      if (!field.options || field.options.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice field needs at least one option' });
        return;
      }
      const seen = new Set<string>();
      for (const option of field.options) {
        const norm = option.value.toLowerCase().replace(/\s+/g, ' ');
        if (seen.has(norm)) {
          ctx.addIssue({ code: 'custom', path: ['options'], message: `duplicate option "${option.value}"` });
        }
        seen.add(norm);
      }
    } else if (field.options && field.options.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `only choice fields have options (type is ${field.type})`,
      });
    }
  });

const fieldListSchema = z.array(fieldSchema).min(1, 'configure at least one field').max(60, 'at most 60 fields');

function describeIssues(error: z.ZodError, input: unknown): string {
  return error.issues
    .map((issue) => {
      const [index, ...rest] = issue.path;
      const field =
        typeof index === 'number' && Array.isArray(input)
          ? `field ${index + 1}${typeof input[index]?.key === 'string' ? ` (${input[index].key})` : ''}`
          : 'fields';
      const where = rest.length ? `${field}.${rest.join('.')}` : field;
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/** Validates an admin's field list; throws a DomainError naming every problem. */
export function parseFieldDefinitions(input: unknown): FieldDefinition[] {
  const result = fieldListSchema.safeParse(input);
  if (!result.success) {
    throw new DomainError(
      'invalid_field_definition',
      `Invalid field definition: ${describeIssues(result.error, input)}`,
    );
  }
  const fields = result.data.map((f) => {
    const { options, hint, ...rest } = f;
    const field: FieldDefinition = { ...rest };
    if (hint !== undefined && hint !== '') field.hint = hint;
    if (f.type === 'choice' && options) field.options = options.map((o) => (o.hint ? o : { value: o.value }));
    return field;
  });
  const keys = new Set<string>();
  for (const field of fields) {
    if (keys.has(field.key)) {
      throw new DomainError('invalid_field_definition', `Invalid field definition: duplicate key "${field.key}"`);
    }
    keys.add(field.key);
  }
  return fields;
}

/** The field set a new tenant starts with (customer service). */
export function defaultFields(): FieldDefinition[] {
  return parseFieldDefinitions(structuredClone(defaultFieldsJson));
}

export function aiManagedFields(fields: FieldDefinition[]): FieldDefinition[] {
  return fields.filter((f) => f.aiManaged);
}

export function requiredFields(fields: FieldDefinition[]): FieldDefinition[] {
  return fields.filter((f) => f.required);
}
