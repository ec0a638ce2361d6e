import { DomainError } from '../errors.js';
import { parseFieldDefinitions } from '../fields.js';
import type { FieldDefinition } from '../types.js';
import { fieldsToYaml, parseFieldsYaml } from './fields-yaml.js';

/**
 * The field editor as a form of small inputs, for chats whose text inputs are short (Slack's hold 3000 characters,
 * the whole default field list is longer): one YAML input per field (empty it to remove the field), an input for new
 * fields, and the order as a list of keys. Errors come back per input, so each shows under the input it is about.
 */
export interface FieldEditorForm {
  /** Keys in display order, separated by commas, spaces or new lines. */
  order: string;
  /** One input per existing field: its id in the form and its YAML (null or empty = remove the field). */
  fields: Array<{ id: string; yaml: string | null | undefined; originalKey?: string }>;
  /** New fields: a YAML mapping or list of mappings; empty = none. */
  added: string | null | undefined;
}

export type FieldEditorResult =
  | { ok: true; fields: FieldDefinition[] }
  /** Messages by input id (`order`, `added` or a field input's id); nothing is to be written. */
  | { ok: false; errors: Record<string, string> };

export const ORDER_INPUT = 'order';
export const ADDED_INPUT = 'added';

/** One field as the YAML of its own input (a mapping, not a list item). */
export function fieldToYaml(field: FieldDefinition): string {
  return fieldsToYaml([field]).replace(/^- /, '').replace(/^ {2}/gm, '');
}

/** The form's initial content for the current fields. */
export function fieldEditorContent(fields: FieldDefinition[]): {
  order: string;
  fields: Array<{ key: string; yaml: string }>;
} {
  return {
    order: fields.map((f) => f.key).join(', '),
    fields: fields.map((f) => ({ key: f.key, yaml: fieldToYaml(f) })),
  };
}

/** Reads a submitted field editor form: every input validated, the list as a whole validated, nothing half-applied. */
export function readFieldEditorForm(form: FieldEditorForm): FieldEditorResult {
  const errors: Record<string, string> = {};
  const parsed: Array<{ id: string; field: FieldDefinition }> = [];

  for (const input of form.fields) {
    const text = input.yaml?.trim() ?? '';
    if (text === '') continue;
    try {
      const list = parseFieldsYaml(looksLikeList(text) ? text : indentAsItem(text));
      if (list.length !== 1) {
        errors[input.id] = 'One field per input: add new fields in the "New fields" input.';
        continue;
      }
      parsed.push({ id: input.id, field: list[0]! });
    } catch (error) {
      errors[input.id] = reason(error).replace(/^field 1( \([^)]*\))?\.?:? ?/, '');
    }
  }

  const added = form.added?.trim() ?? '';
  if (added !== '') {
    try {
      for (const field of parseFieldsYaml(looksLikeList(added) ? added : indentAsItem(added))) {
        parsed.push({ id: ADDED_INPUT, field });
      }
    } catch (error) {
      errors[ADDED_INPUT] = reason(error);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const byKey = new Map<string, { id: string; field: FieldDefinition }>();
  for (const entry of parsed) {
    const other = byKey.get(entry.field.key);
    if (other) {
      errors[entry.id] = `The key "${entry.field.key}" is used twice; keys must be unique.`;
      continue;
    }
    byKey.set(entry.field.key, entry);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const orderKeys = form.order
    .split(/[\s,]+/)
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = orderKeys.filter((k) => !byKey.has(k));
  // A removed field's key left in the order is what an admin expects to be ignored, not an error; a typo is not.
  const removed = new Set(
    form.fields.filter((i) => (i.yaml?.trim() ?? '') === '' && i.originalKey).map((i) => i.originalKey as string),
  );
  const typos = unknown.filter((k) => !removed.has(k));
  if (typos.length > 0) {
    return { ok: false, errors: { [ORDER_INPUT]: `Unknown field keys in the order: ${typos.join(', ')}` } };
  }
  const seen = new Set<string>();
  const ordered: FieldDefinition[] = [];
  for (const key of orderKeys) {
    const entry = byKey.get(key);
    if (!entry || seen.has(key)) continue;
    seen.add(key);
    ordered.push(entry.field);
  }
  for (const { field } of parsed) if (!seen.has(field.key)) ordered.push(field);

  try {
    return { ok: true, fields: parseFieldDefinitions(ordered) };
  } catch (error) {
    return { ok: false, errors: { [ORDER_INPUT]: reason(error) } };
  }
}

function looksLikeList(text: string): boolean {
  return /^\s*-\s/.test(text) || /^\s*\[/.test(text);
}

/** A mapping typed into one input becomes one list item, so the list parser (and its messages) can be reused. */
function indentAsItem(text: string): string {
  const lines = text.split('\n');
  return lines.map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`)).join('\n');
}

function reason(error: unknown): string {
  if (error instanceof DomainError) return error.message.replace(/^Invalid field definition: /, '');
  throw error;
}
