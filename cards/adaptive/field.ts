import type { FieldView } from '../../core/view.js';
import { AI_MARK, changedText, evidenceText, isAiValue, lowConfidenceText, valueText } from '../text.js';
import { type AcElement, type ContainerStyle, column, columnSet, container, textBlock } from './elements.js';
import { escapeMarkdown, escapeTruncated } from './escape.js';

/** How much of each field a view shows; the card steps down a level at a time until it fits Teams' size cap. */
export interface FieldDetail {
  valueChars: number;
  evidence: number;
  /** One FactSet for all fields, markers inline: the smallest form a case can take. */
  compact?: boolean;
}

export const FIELD_DETAIL: readonly FieldDetail[] = [
  { valueChars: 600, evidence: 3 },
  { valueChars: 250, evidence: 2 },
  { valueChars: 100, evidence: 1 },
  { valueChars: 60, evidence: 0, compact: true },
  { valueChars: 30, evidence: 0, compact: true },
];

/** Past this many facts even the compact form gives up listing fields one by one. */
const MAX_FACTS = 200;

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
export function renderField(field: FieldView, detail: FieldDetail = FIELD_DETAIL[0]!): AcElement {
  const ai = isAiValue(field);
  const value = `${escapeTruncated(valueText(field), detail.valueChars)}${ai ? ` ${AI_MARK}` : ''}`;
  const showEvidence = detail.evidence > 0 && field.evidence.length > 0 && field.source !== 'manual';
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
      ...column([textBlock('Why?', { color: 'accent', size: 'small', noWrap: true })], '44px'),
      id: whyId(field.key),
      selectAction: { type: 'Action.ToggleVisibility', title: 'Why?', targetElements: [evidenceId(field.key)] },
    });
  }
  const items: AcElement[] = [columnSet(columns)];
  if (field.changed) {
    items.push(
      textBlock(escapeTruncated(changedText(field), detail.valueChars + 40), {
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
      .slice(0, detail.evidence)
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

/** All fields as one FactSet (used only when a case is too big for the full layout): value, ✨ and flags inline. */
export function renderFieldFacts(fields: FieldView[], detail: FieldDetail): AcElement {
  const facts = fields.slice(0, MAX_FACTS).map((field) => {
    const marks = [
      isAiValue(field) ? AI_MARK : '',
      field.changed ? '· changed' : '',
      field.lowConfidence ? '· ⚠ low confidence' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return {
      title: escapeTruncated(field.label, 60),
      value: `${escapeTruncated(valueText(field), detail.valueChars)}${marks ? ` ${marks}` : ''}`,
    };
  });
  const items: AcElement[] = [{ type: 'FactSet', id: 'fields-compact', facts }];
  if (fields.length > MAX_FACTS) {
    items.push(textBlock(`…and ${fields.length - MAX_FACTS} more fields.`, { isSubtle: true, size: 'small' }));
  }
  items.push(
    textBlock('This case is too large to show in full here; values are shortened.', { isSubtle: true, size: 'small' }),
  );
  return container(items, { id: 'fields', spacing: 'small' });
}
