import type { FieldView } from '../../core/view.js';
import { adaptiveInputId } from '../actions.js';
import { AI_MARK } from '../text.js';
import { type AcElement, container, textBlock } from './elements.js';
import { escapeMarkdown } from './escape.js';

/** Mirror the core normalisers' limits so Teams stops overlong input before the round-trip. */
const MAX_TEXT = 500;
const MAX_LONGTEXT = 20_000;
/** Past this many options a dropdown becomes a type-ahead (1.5 `filtered`). */
const FILTER_AFTER = 15;

export const inputErrorId = (key: string): string => `error-${key}`;

function raw(field: FieldView): string {
  const v = field.value;
  return v === null ? '' : String(v);
}

/**
 * A field too long to carry in a card that must stay under Teams' size cap: shown, not editable, and left out of the
 * Save's field list so saving never clears it.
 */
export function renderReadOnlyField(field: FieldView): AcElement {
  return container(
    [
      textBlock(escapeMarkdown(field.label), { weight: 'bolder' }),
      textBlock(escapeMarkdown('Too long to edit in Teams; it stays unchanged.'), {
        isSubtle: true,
        size: 'small',
        spacing: 'none',
      }),
    ],
    { id: `edit-${field.key}`, spacing: 'small' },
  );
}

/** The typed Adaptive input for a field, labelled, with the server's error (if any) right under it. */
export function renderFieldInput(field: FieldView, error?: string): AcElement {
  const id = adaptiveInputId(field.key);
  const label = `${field.label}${field.source === 'ai' ? ` ${AI_MARK}` : ''}`;
  const common: Record<string, unknown> = { id, label };
  if (field.required && field.type !== 'boolean') {
    common.isRequired = true;
    common.errorMessage = `${field.label} is required`;
  }
  const value = raw(field);
  let input: AcElement;
  switch (field.type) {
    case 'choice': {
      const options = [...(field.options ?? [])];
      // A stored value that is no longer an option still has to show (and survive a save untouched).
      if (value !== '' && !options.includes(value)) options.unshift(value);
      input = {
        type: 'Input.ChoiceSet',
        ...common,
        choices: options.map((o) => ({ title: o, value: o })),
        placeholder: `Choose ${field.label}`,
      };
      if (options.length > FILTER_AFTER) input.style = 'filtered';
      break;
    }
    case 'date':
      input = { type: 'Input.Date', ...common };
      break;
    case 'number':
      input = { type: 'Input.Number', ...common };
      if (typeof field.value === 'number') input.value = field.value;
      break;
    case 'boolean':
      input = {
        type: 'Input.Toggle',
        ...common,
        title: 'Yes',
        value: field.value === true ? 'true' : 'false',
      };
      break;
    case 'email':
      input = { type: 'Input.Text', ...common, style: 'Email', maxLength: MAX_TEXT };
      break;
    case 'phone':
      input = { type: 'Input.Text', ...common, style: 'Tel', maxLength: MAX_TEXT };
      break;
    case 'longtext':
      input = { type: 'Input.Text', ...common, isMultiline: true, maxLength: MAX_LONGTEXT };
      break;
    default:
      input = { type: 'Input.Text', ...common, maxLength: MAX_TEXT };
  }
  if (field.type !== 'number' && field.type !== 'boolean' && value !== '') input.value = value;
  if (field.hint && field.type !== 'boolean' && field.type !== 'choice' && !('placeholder' in input)) {
    input.placeholder = field.hint;
  }
  const items: AcElement[] = [input];
  if (error) {
    items.push(
      textBlock(escapeMarkdown(error), {
        id: inputErrorId(field.key),
        color: 'attention',
        size: 'small',
        spacing: 'none',
      }),
    );
  }
  return container(items, { id: `edit-${field.key}`, style: error ? 'attention' : 'default', spacing: 'small' });
}
