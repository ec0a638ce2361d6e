/**
 * The action contract between the card renderers and the platform adapters (Slack, Teams, playground). The renderers
 * emit exactly these verbs, action ids, block ids and input ids; the adapters parse them back with the helpers below,
 * so neither side spells a string by hand.
 */

import type { FieldType } from '../core/types.js';
import type { CaseAction } from '../core/view.js';

/** Every action a card can raise: the case actions of `CaseView.actions` plus the edit/refresh mechanics. */
export type CaseActionName = CaseAction | 'save' | 'cancel' | 'refresh';

export const CASE_ACTION_NAMES = [
  'accept',
  'update',
  'edit',
  'save',
  'cancel',
  'end',
  'undo',
  'create',
  'close',
  'refresh',
] as const satisfies readonly CaseActionName[];

/** The `CaseAction` an action name stands for; `save`/`cancel`/`refresh` are card mechanics, not case actions. */
export const CASE_ACTION_OF: Record<CaseActionName, CaseAction | null> = {
  accept: 'accept',
  update: 'update',
  edit: 'edit',
  save: null,
  cancel: null,
  end: 'end',
  undo: 'undo',
  create: 'create',
  close: 'close',
  refresh: null,
};

/** Button labels, shared so Slack and Teams say the same thing. */
export const ACTION_LABEL: Record<CaseActionName, string> = {
  accept: 'Accept',
  update: 'Update from conversation',
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  end: 'End conversation',
  undo: 'Undo last AI update',
  create: 'Create case',
  close: 'Close',
  refresh: 'Refresh',
};

// ---------------------------------------------------------------------------------------------------------------------
// Teams / Adaptive Cards (Universal Actions)

export type AdaptiveVerb = `autocase.${CaseActionName}`;

export const ADAPTIVE_VERB: { [K in CaseActionName]: `autocase.${K}` } = {
  accept: 'autocase.accept',
  update: 'autocase.update',
  edit: 'autocase.edit',
  save: 'autocase.save',
  cancel: 'autocase.cancel',
  end: 'autocase.end',
  undo: 'autocase.undo',
  create: 'autocase.create',
  close: 'autocase.close',
  refresh: 'autocase.refresh',
};

/** Prefix of every edit input id: `field.<key>`. Teams merges input values into the action's `data` under these ids. */
export const ADAPTIVE_INPUT_PREFIX = 'field.';
export const adaptiveInputId = (key: string): string => `${ADAPTIVE_INPUT_PREFIX}${key}`;

/**
 * `data` of every `Action.Execute`. `intent: 'create'` marks the save of a manual-create form (no case yet), so the
 * adapter calls `createCaseManually` instead of `editCase`.
 */
export interface AdaptiveActionData {
  conversationId: string;
  intent?: 'create';
  /**
   * On Save: the keys of the fields the form had inputs for. Teams leaves an emptied input out of `data`, so only
   * these keys can mean "cleared"; a field shown read-only is not listed and stays untouched.
   */
  fields?: string[];
}

export interface ParsedAdaptiveAction {
  action: CaseActionName;
  conversationId: string;
  intent: 'edit' | 'create';
  /** Raw edit input values by field key (only on save; Teams sends strings, toggles as 'true'/'false'). */
  inputs: Record<string, unknown>;
}

/** Parse an `Action.Execute` invoke (`verb`, `data`) back; null when it is not one of ours or lacks a conversation. */
export function parseAdaptiveAction(verb: unknown, data: unknown): ParsedAdaptiveAction | null {
  if (typeof verb !== 'string' || !verb.startsWith('autocase.')) return null;
  const name = verb.slice('autocase.'.length) as CaseActionName;
  if (!(CASE_ACTION_NAMES as readonly string[]).includes(name)) return null;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const record = data as Record<string, unknown>;
  const conversationId = record.conversationId;
  if (typeof conversationId !== 'string' || conversationId === '') return null;
  const inputs: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(record)) {
    if (id.startsWith(ADAPTIVE_INPUT_PREFIX)) inputs[id.slice(ADAPTIVE_INPUT_PREFIX.length)] = value;
  }
  return { action: name, conversationId, intent: record.intent === 'create' ? 'create' : 'edit', inputs };
}

/**
 * Edit values for the agent (`editCase`/`createCaseManually`) from an Adaptive save, one entry per field the form
 * could edit (`data.fields`, else every field): '' or a missing input means "cleared" (null); toggles become
 * booleans; everything else stays as typed, for the core normalisers to validate.
 */
export function readAdaptiveInputs(
  data: unknown,
  fields: ReadonlyArray<{ key: string; type: FieldType }>,
): Record<string, unknown> {
  const record = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const editable = Array.isArray(record.fields) ? new Set(record.fields.map(String)) : null;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (editable && !editable.has(field.key)) continue;
    const raw = record[adaptiveInputId(field.key)];
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      out[field.key] = null;
    } else if (field.type === 'boolean') {
      out[field.key] = raw === true || raw === 'true';
    } else {
      out[field.key] = raw;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Slack / Block Kit

export type SlackActionId = `autocase_${CaseAction}`;

export const SLACK_ACTION_ID: { [K in CaseAction]: `autocase_${K}` } = {
  accept: 'autocase_accept',
  update: 'autocase_update',
  edit: 'autocase_edit',
  end: 'autocase_end',
  undo: 'autocase_undo',
  create: 'autocase_create',
  close: 'autocase_close',
};

/** Edit modal (`views.open` after `autocase_edit`) and manual create modal (after `autocase_create`): same inputs. */
export const SLACK_EDIT_CALLBACK_ID = 'autocase_edit_case';
export const SLACK_CREATE_CALLBACK_ID = 'autocase_create_case';

/** Every field input has block_id = action_id = `field_<key>`, so `response_action: "errors"` can target it. */
export const SLACK_FIELD_PREFIX = 'field_';
export const slackFieldId = (key: string): string => `${SLACK_FIELD_PREFIX}${key}`;

export interface ParsedSlackAction {
  action: CaseAction;
  conversationId: string;
}

/** A `block_actions` payload's action (`action_id`, `value` = conversationId) back to a case action. */
export function parseSlackAction(actionId: unknown, value: unknown): ParsedSlackAction | null {
  if (typeof actionId !== 'string' || !actionId.startsWith('autocase_')) return null;
  const name = actionId.slice('autocase_'.length) as CaseAction;
  if (!(name in SLACK_ACTION_ID)) return null;
  if (typeof value !== 'string' || value === '') return null;
  return { action: name, conversationId: value };
}

/** What the modals carry in `private_metadata` (JSON). */
export interface ModalMetadata {
  conversationId: string;
}

export function modalMetadata(conversationId: string): string {
  return JSON.stringify({ conversationId } satisfies ModalMetadata);
}

export function parseModalMetadata(privateMetadata: unknown): ModalMetadata | null {
  if (typeof privateMetadata !== 'string') return null;
  try {
    const parsed = JSON.parse(privateMetadata) as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as ModalMetadata).conversationId === 'string') {
      return { conversationId: (parsed as ModalMetadata).conversationId };
    }
  } catch {
    // Not ours: fall through.
  }
  return null;
}

/** The element states Slack sends in `view.state.values[block_id][action_id]` for the inputs the modal uses. */
interface SlackInputState {
  type?: string;
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value: string } | null;
}

export type SlackViewStateValues = Record<string, Record<string, SlackInputState | undefined> | undefined>;

/** Slack caps an option value at 150 characters; longer choice options travel as `#<index>` into `options`. */
export const SLACK_OPTION_VALUE_MAX = 150;

export function slackOptionValue(options: readonly string[], option: string): string {
  if (option.length <= SLACK_OPTION_VALUE_MAX && !/^#\d+$/.test(option)) return option;
  const i = options.indexOf(option);
  return i >= 0 ? `#${i}` : option.slice(0, SLACK_OPTION_VALUE_MAX);
}

type FieldOptionLike = string | { value: string };

export interface ModalField {
  key: string;
  type: FieldType;
  options?: readonly FieldOptionLike[];
}

/**
 * Edit values for the agent from a `view_submission` (`view.state.values`): an emptied input is null (cleared);
 * booleans become true/false; other values stay as typed for the core normalisers to validate. A field without a
 * block in the modal (e.g. a value too long for Slack to edit) is left out, so saving never touches it.
 */
export function readEditModalValues(
  viewStateValues: SlackViewStateValues | null | undefined,
  fields: ReadonlyArray<ModalField>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const id = slackFieldId(field.key);
    const state = viewStateValues?.[id]?.[id];
    if (!state) continue;
    let raw: unknown;
    if (state.selected_option !== undefined) raw = state.selected_option?.value ?? null;
    else if (state.selected_date !== undefined) raw = state.selected_date ?? null;
    else raw = state.value ?? null;
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) out[field.key] = null;
    else if (field.type === 'boolean') out[field.key] = raw === 'true';
    else if (field.type === 'choice' && typeof raw === 'string') out[field.key] = decodeOption(field.options, raw);
    else out[field.key] = raw;
  }
  return out;
}

function decodeOption(options: readonly FieldOptionLike[] | undefined, raw: string): string {
  const values = (options ?? []).map((o) => (typeof o === 'string' ? o : o.value));
  const index = /^#(\d+)$/.exec(raw);
  if (!index || values.includes(raw)) return raw;
  return values[Number(index[1])] ?? raw;
}
