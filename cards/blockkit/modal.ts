import type { CaseView, FieldView } from '../../core/view.js';
import {
  modalMetadata,
  SLACK_CREATE_CALLBACK_ID,
  SLACK_EDIT_CALLBACK_ID,
  slackFieldId,
  slackOptionValue,
} from '../actions.js';
import { AI_MARK, cardTitle } from '../text.js';
import { fitMrkdwn, fitPlain, LIMITS } from './limits.js';
import { type Block, type BlockElement, mrkdwn, plain, type SlackModalView } from './types.js';

/** Mirror the core normalisers: a one-line text holds 500 characters. */
const MAX_TEXT = 500;
const OPTION_GROUP_SIZE = LIMITS.optionsPerSelect;

export interface EditModalOptions {
  /** Server-side validation errors by field key (also see `modalErrors` for `response_action: "errors"`). */
  errors?: Record<string, string>;
}

/**
 * The edit modal (`callback_id: autocase_edit_case`) or, with no case yet, the manual create modal
 * (`autocase_create_case`): one typed input per field, block_id = action_id = `field_<key>`.
 */
export function renderEditModal(view: CaseView, options: EditModalOptions = {}): SlackModalView {
  const creating = view.kind !== 'case';
  const title = creating ? 'Create case' : view.caseNumber === null ? 'Edit case' : `Edit case #${view.caseNumber}`;
  const blocks: Block[] = [
    {
      type: 'context',
      block_id: 'modal_context',
      elements: [mrkdwn(fitMrkdwn(creating ? 'Fill in the case by hand.' : cardTitle(view), LIMITS.contextText))],
    },
  ];
  const errors = options.errors ?? {};
  const known = new Set(view.fields.map((f) => f.key));
  const loose = Object.entries(errors).filter(([k]) => !known.has(k));
  if (Object.keys(errors).length > 0) {
    const extra = loose.map(([, m]) => m).join(' ');
    blocks.push({
      type: 'section',
      block_id: 'modal_errors',
      text: mrkdwn(`❌ *${fitMrkdwn(`Please fix the highlighted fields. ${extra}`.trim(), LIMITS.sectionText - 10)}*`),
    });
  }
  // Leave room for the blocks above and the "more fields" note below.
  const room = LIMITS.blocksPerModal - blocks.length - 1;
  let used = 0;
  let hidden = 0;
  for (const field of view.fields) {
    const error = errors[field.key];
    const cost = error ? 2 : 1;
    if (used + cost > room) {
      hidden++;
      continue;
    }
    const input = renderInputBlock(field);
    blocks.push(input);
    used += 1;
    if (error && input.type === 'input') {
      blocks.push({
        type: 'context',
        block_id: `error_${field.key}`,
        elements: [mrkdwn(`❌ ${fitMrkdwn(error, LIMITS.contextText - 5)}`)],
      });
      used += 1;
    }
  }
  if (hidden > 0) {
    blocks.push({
      type: 'context',
      block_id: 'modal_more',
      elements: [mrkdwn(`${hidden} more fields cannot be shown here (Slack allows 100 blocks); they stay unchanged.`)],
    });
  }
  return {
    type: 'modal',
    callback_id: creating ? SLACK_CREATE_CALLBACK_ID : SLACK_EDIT_CALLBACK_ID,
    private_metadata: modalMetadata(view.conversationId),
    title: plain(fitPlain(title, LIMITS.modalTitle)),
    submit: plain(creating ? 'Create' : 'Save'),
    close: plain('Cancel'),
    blocks,
  };
}

/** The `view_submission` response that puts each message under its input (`response_action: "errors"`). */
export function modalErrors(errors: Record<string, string>): {
  response_action: 'errors';
  errors: Record<string, string>;
} {
  return {
    response_action: 'errors',
    errors: Object.fromEntries(Object.entries(errors).map(([k, m]) => [slackFieldId(k), fitPlain(m, 150)])),
  };
}

function renderInputBlock(field: FieldView): Block {
  const id = slackFieldId(field.key);
  const label = plain(fitPlain(`${field.label}${field.source === 'ai' ? ` ${AI_MARK}` : ''}`, LIMITS.inputLabel));
  const element = inputElement(field);
  if (!element) {
    // Cutting the value to fit Slack and saving it back would lose the rest, so the field is read-only here.
    return {
      type: 'section',
      block_id: `readonly_${field.key}`,
      text: mrkdwn(
        `*${fitMrkdwn(field.label, 200)}*\n_Too long to edit in Slack (${field.display.length.toLocaleString('en-US')} characters); it stays unchanged._`,
      ),
    };
  }
  const block: Block = { type: 'input', block_id: id, label, element: { ...element, action_id: id } };
  if (!field.required) block.optional = true;
  return block;
}

function inputElement(field: FieldView): BlockElement | null {
  const v = field.value;
  switch (field.type) {
    case 'choice':
      return choiceElement(field);
    case 'date': {
      const el: BlockElement = { type: 'datepicker' };
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) el.initial_date = v;
      return el;
    }
    case 'number': {
      const el: BlockElement = { type: 'number_input', is_decimal_allowed: true };
      if (typeof v === 'number') el.initial_value = String(v);
      return el;
    }
    case 'email': {
      const el: BlockElement = { type: 'email_text_input' };
      if (typeof v === 'string' && v !== '') el.initial_value = v;
      return el;
    }
    case 'boolean': {
      const yes = { text: plain('Yes'), value: 'true' };
      const no = { text: plain('No'), value: 'false' };
      const el: BlockElement = { type: 'radio_buttons', options: [yes, no] };
      if (v === true) el.initial_option = yes;
      if (v === false) el.initial_option = no;
      return el;
    }
    default: {
      const multiline = field.type === 'longtext';
      const max = multiline ? LIMITS.plainTextInput : MAX_TEXT;
      const text = v === null ? '' : String(v);
      if (text.length > max) return null;
      const el: BlockElement = { type: 'plain_text_input', max_length: max };
      if (multiline) el.multiline = true;
      if (text !== '') el.initial_value = text;
      if (field.type === 'phone') el.placeholder = plain('+14155550132');
      return el;
    }
  }
}

function choiceElement(field: FieldView): BlockElement {
  const values = field.options ?? [];
  const current = field.value === null ? null : String(field.value);
  const option = (o: string) => ({ text: plain(fitPlain(o, LIMITS.optionText)), value: slackOptionValue(values, o) });
  const all = current !== null && !values.includes(current) ? [current, ...values] : [...values];
  const el: BlockElement = { type: 'static_select', placeholder: plain(fitPlain(`Choose ${field.label}`, 150)) };
  if (all.length <= OPTION_GROUP_SIZE) {
    el.options = all.map(option);
  } else {
    // A select holds 100 options, but 100 groups of 100: long lists are grouped rather than cut.
    const groups = [];
    for (let i = 0; i < all.length && groups.length < 100; i += OPTION_GROUP_SIZE) {
      const chunk = all.slice(i, i + OPTION_GROUP_SIZE);
      groups.push({ label: plain(`Options ${i + 1}–${i + chunk.length}`), options: chunk.map(option) });
    }
    el.option_groups = groups;
  }
  if (current !== null) el.initial_option = option(current);
  return el;
}
