import type { Block } from '../../cards/blockkit/index.js';
import { escapeMrkdwn, fitPlain } from '../../cards/blockkit/index.js';
import {
  ADDED_INPUT,
  type AdminResult,
  adminResultToText,
  type FieldEditorForm,
  fieldEditorContent,
  ORDER_INPUT,
  tableToText,
} from '../../core/admin/index.js';
import type { FieldDefinition } from '../../core/types.js';
import { obj, str } from './payloads.js';

export const FIELD_EDITOR_CALLBACK_ID = 'autocase_admin_fields';
const ORDER_BLOCK = 'admin_fields_order';
const ADDED_BLOCK = 'admin_fields_added';
const FIELD_BLOCK_PREFIX = 'admin_field_';
const SECTION_MAX = 3_000;

const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text, verbatim: true });

/** An admin command's answer as an ephemeral Block Kit message (with a plain-text fallback). */
export function renderAdminResult(result: AdminResult): { text: string; blocks: Block[] } {
  const text = fitPlain(adminResultToText(result), 3_000);
  if (result.kind !== 'message') {
    const icon = result.kind === 'refused' ? '⛔' : result.kind === 'error' ? '❌' : 'ℹ️';
    return { text, blocks: [section(`${icon} ${escapeMrkdwn(text)}`)] };
  }
  // Our own lines: mrkdwn on purpose (`code`, <@user> mentions).
  const blocks: Block[] = [section(`*${escapeMrkdwn(result.title)}*`)];
  if (result.lines.length) blocks.push(section(result.lines.join('\n')));
  if (result.table) {
    const table = escapeMrkdwn(tableToText(result.table));
    const fitted = table.length > SECTION_MAX - 10 ? `${table.slice(0, SECTION_MAX - 20)}\n…` : table;
    blocks.push(section(`\`\`\`${fitted}\`\`\``));
  }
  return { text, blocks };
}

function section(text: string): Block {
  return { type: 'section', text: mrkdwn(text.length > SECTION_MAX ? `${text.slice(0, SECTION_MAX - 1)}…` : text) };
}

/**
 * The field editor modal: the order of the keys, one YAML input per field (empty it to remove the field), and an
 * input for new fields. Each input holds up to 3000 characters, which one field always fits.
 */
export function renderFieldEditor(fields: FieldDefinition[], context: { channel: string | null }): object {
  const content = fieldEditorContent(fields);
  const blocks: Block[] = [
    {
      type: 'context',
      elements: [
        mrkdwn(
          'Each field is YAML: `key`, `label`, `type` (text, longtext, choice, number, date, email, phone, boolean), `required`, `aiManaged`, `hint`, and for choice fields `options` (a list of values, or of `value` + `hint`). Empty a field to remove it; edit the order to reorder.',
        ),
      ],
    },
    {
      type: 'input',
      block_id: ORDER_BLOCK,
      label: plain('Order (field keys)'),
      element: {
        type: 'plain_text_input',
        action_id: ORDER_BLOCK,
        initial_value: content.order.slice(0, 3_000),
        max_length: 3_000,
      },
    },
  ];
  content.fields.forEach((f, i) => {
    const field = fields[i]!;
    blocks.push({
      type: 'input',
      block_id: `${FIELD_BLOCK_PREFIX}${i}`,
      optional: true,
      label: plain(fitPlain(`${field.label} (${f.key})`, 2_000)),
      element: {
        type: 'plain_text_input',
        action_id: `${FIELD_BLOCK_PREFIX}${i}`,
        multiline: true,
        initial_value: f.yaml,
        max_length: 3_000,
      },
    });
  });
  blocks.push({
    type: 'input',
    block_id: ADDED_BLOCK,
    optional: true,
    label: plain('New fields'),
    hint: plain('One field as YAML, or a list of them ("- key: …").'),
    element: {
      type: 'plain_text_input',
      action_id: ADDED_BLOCK,
      multiline: true,
      max_length: 3_000,
      placeholder: plain('key: orderNumber\nlabel: Order number\ntype: text\nhint: e.g. ORD-12345'),
    },
  });
  const keys = fields.map((f) => f.key);
  const metadata = JSON.stringify({ keys, channel: context.channel });
  return {
    type: 'modal',
    callback_id: FIELD_EDITOR_CALLBACK_ID,
    private_metadata: metadata.length <= 3_000 ? metadata : JSON.stringify({ keys: [], channel: context.channel }),
    title: plain('Case fields'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks,
  };
}

/** The submitted field editor as the core's form; input ids are the block ids. */
export function readFieldEditor(view: Record<string, unknown>): { form: FieldEditorForm; channel: string | null } {
  const values = obj(obj(view.state)?.values) ?? {};
  const inputText = (blockId: string): string | null => {
    const state = obj(obj(values[blockId])?.[blockId]);
    return typeof state?.value === 'string' ? state.value : null;
  };
  let keys: string[] = [];
  let channel: string | null = null;
  try {
    const meta = obj(JSON.parse(String(view.private_metadata ?? '{}')));
    if (Array.isArray(meta?.keys)) keys = meta.keys.filter((k): k is string => typeof k === 'string');
    channel = str(meta?.channel);
  } catch {
    // Not ours: no original keys, so every unknown key in the order is reported.
  }
  const fieldBlocks = Object.keys(values)
    .filter((id) => id.startsWith(FIELD_BLOCK_PREFIX))
    .sort((a, b) => Number(a.slice(FIELD_BLOCK_PREFIX.length)) - Number(b.slice(FIELD_BLOCK_PREFIX.length)));
  return {
    channel,
    form: {
      order: inputText(ORDER_BLOCK) ?? '',
      fields: fieldBlocks.map((id) => {
        const originalKey = keys[Number(id.slice(FIELD_BLOCK_PREFIX.length))];
        return { id, yaml: inputText(id), ...(originalKey ? { originalKey } : {}) };
      }),
      added: inputText(ADDED_BLOCK),
    },
  };
}

/** The core's per-input errors as Slack block ids. */
export function fieldEditorErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([id, message]) => [
      id === ORDER_INPUT ? ORDER_BLOCK : id === ADDED_INPUT ? ADDED_BLOCK : id,
      fitPlain(message, 150),
    ]),
  );
}

/** What the modal turns into once the fields are saved. */
export function renderFieldsSaved(result: AdminResult): object {
  const { blocks } = renderAdminResult(result);
  return { type: 'modal', title: plain('Case fields'), close: plain('Done'), blocks };
}
