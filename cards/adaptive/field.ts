import type { FieldView } from '../../core/view.js';
import { AI_MARK, changedText, evidenceText, isAiValue, lowConfidenceText, valueText } from '../text.js';
import { type AcElement, type ContainerStyle, column, columnSet, container, textBlock } from './elements.js';
import { escapeMarkdown, escapeTruncated } from './escape.js';

/** Teams caps a card at ~28 KB; a view shows a long value's start, the edit form carries it whole. */
export const MAX_VALUE_CHARS = 600;
const MAX_EVIDENCE = 3;

export const fieldId = (key: string): string => `field-${key}`;
export const evidenceId = (key: string): string => `evidence-${key}`;
export const whyId = (key: string): string => `why-${key}`;

function highlight(field: FieldView): ContainerStyle {
  if (field.changed) return 'accent';
  if (field.missing) return 'attention';
  if (field.lowConfidence) return 'warning';
  return 'default';
}

/** One field in view mode: label, value (✨ when AI-filled), changed/low-confidence markers, evidence on demand. */
export function renderField(field: FieldView): AcElement {
  const ai = isAiValue(field);
  const value = `${escapeTruncated(valueText(field), MAX_VALUE_CHARS)}${ai ? ` ${AI_MARK}` : ''}`;
  const showEvidence = field.evidence.length > 0 && field.source !== 'manual';
  const columns: AcElement[] = [
    column([textBlock(escapeMarkdown(field.label), { weight: 'bolder' })], 1),
    column(
      [textBlock(value, { id: `${fieldId(field.key)}-value`, color: field.missing ? 'attention' : 'default' })],
      2,
    ),
  ];
  if (showEvidence) {
    // A compact "Why?" link on the row rather than a button per field: the whole column toggles the evidence.
    columns.push({
      ...column([textBlock('Why?', { color: 'accent', size: 'small' })], 'auto'),
      id: whyId(field.key),
      selectAction: { type: 'Action.ToggleVisibility', title: 'Why?', targetElements: [evidenceId(field.key)] },
    });
  }
  const items: AcElement[] = [columnSet(columns)];
  if (field.changed) {
    items.push(
      textBlock(escapeTruncated(changedText(field), MAX_VALUE_CHARS), {
        id: `${fieldId(field.key)}-changed`,
        color: 'accent',
        size: 'small',
        spacing: 'none',
      }),
    );
  }
  if (field.lowConfidence) {
    items.push(
      textBlock(`⚠ ${escapeMarkdown(lowConfidenceText(field))}`, {
        id: `${fieldId(field.key)}-low-confidence`,
        color: 'warning',
        size: 'small',
        spacing: 'none',
      }),
    );
  }
  if (showEvidence) {
    const quotes = field.evidence
      .slice(0, MAX_EVIDENCE)
      .map((e) => textBlock(escapeMarkdown(evidenceText(e)), { size: 'small', isSubtle: true }));
    items.push(container(quotes, { id: evidenceId(field.key), hidden: true, style: 'emphasis', spacing: 'small' }));
  }
  return container(items, { id: fieldId(field.key), style: highlight(field), spacing: 'small' });
}

/** Explains the ✨ marker once, under the fields. */
export function renderAiLegend(fields: FieldView[]): AcElement[] {
  if (!fields.some(isAiValue)) return [];
  return [textBlock(`${AI_MARK} filled by AI`, { size: 'small', isSubtle: true, spacing: 'small' })];
}
