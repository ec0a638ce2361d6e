import { parseDocument, stringify } from 'yaml';
import { DomainError } from '../errors.js';
import { parseFieldDefinitions } from '../fields.js';
import type { FieldDefinition } from '../types.js';

/** Longest field-editor text accepted (Slack's multiline input holds 3000 characters per block; Teams more). */
export const MAX_FIELDS_YAML_CHARS = 20_000;

/**
 * The field editor's text format: the tenant's field list as YAML, one list item per field, in display order. Admins
 * add, remove and reorder fields by editing the list; Slack's modal, Teams and the playground all use this one format.
 */
export function fieldsToYaml(fields: FieldDefinition[]): string {
  const plain = fields.map((f) => {
    const item: Record<string, unknown> = {
      key: f.key,
      label: f.label,
      type: f.type,
      required: f.required,
      aiManaged: f.aiManaged,
    };
    if (f.hint) item.hint = f.hint;
    if (f.options) item.options = f.options.map((o) => (o.hint ? { value: o.value, hint: o.hint } : o.value));
    return item;
  });
  return stringify(plain, { lineWidth: 0 });
}

/**
 * YAML from the field editor back to a validated field list. Options may be written as plain strings or as
 * `{ value, hint }`. Throws a DomainError (`invalid_field_definition`) naming the problem (YAML line or field).
 */
export function parseFieldsYaml(text: string): FieldDefinition[] {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new DomainError('invalid_field_definition', 'Invalid field definition: the field list is empty.');
  }
  if (text.length > MAX_FIELDS_YAML_CHARS) {
    throw new DomainError(
      'invalid_field_definition',
      `Invalid field definition: the text is too long (${text.length} characters, at most ${MAX_FIELDS_YAML_CHARS}).`,
    );
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0]?.line;
    const reason = first.message.split('\n')[0] ?? 'unreadable YAML';
    throw new DomainError(
      'invalid_field_definition',
      `Invalid field definition: YAML error${line ? ` on line ${line}` : ''}: ${reason}`,
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    throw new DomainError(
      'invalid_field_definition',
      `Invalid field definition: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!Array.isArray(data)) {
    throw new DomainError(
      'invalid_field_definition',
      'Invalid field definition: expected a list of fields (each item starting with "- key: …").',
    );
  }
  const normalised = data.map((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const record = { ...(item as Record<string, unknown>) };
    if (Array.isArray(record.options)) {
      record.options = record.options.map((o) =>
        typeof o === 'string' || typeof o === 'number' || typeof o === 'boolean' ? { value: String(o) } : o,
      );
    }
    return record;
  });
  return parseFieldDefinitions(normalised);
}
