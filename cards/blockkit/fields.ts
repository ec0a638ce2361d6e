import type { FieldView } from '../../core/view.js';
import { AI_MARK, changedText, evidenceText, isAiValue, lowConfidenceText, valueText } from '../text.js';
import { fitMrkdwn, LIMITS } from './limits.js';
import { type Block, mrkdwn, type TextObject } from './types.js';

const MAX_EVIDENCE = 2;
/** Evidence is a reminder of the customer's words, not the transcript: keep each quote short. */
const MAX_QUOTE = 300;

/** A field worth its own section: something for the agent to look at, and room for its evidence. */
export function isNotable(field: FieldView): boolean {
  return field.changed || field.lowConfidence || field.missing || hasEvidence(field);
}

const hasEvidence = (field: FieldView): boolean => field.source !== 'manual' && field.evidence.length > 0;

/** Label, ✨ and flags, then the value: one mrkdwn text within `max` characters. */
function fieldText(field: FieldView, max: number): string {
  const label = `*${fitMrkdwn(field.label, 150)}*${isAiValue(field) ? ` ${AI_MARK}` : ''}`;
  const flags: string[] = [];
  if (field.changed) flags.push(`🔶 _${fitMrkdwn(changedText(field), 300)}_`);
  if (field.lowConfidence) flags.push(`⚠️ _${fitMrkdwn(lowConfidenceText(field), 100)}_`);
  const value = field.missing ? '❗ *Missing*' : valueText(field);
  const head = `${label}\n`;
  const tail = flags.length > 0 ? `\n${flags.join('\n')}` : '';
  const room = max - head.length - tail.length;
  return `${head}${field.missing ? value : fitMrkdwn(value, room)}${tail}`;
}

function evidenceBlock(field: FieldView): Block {
  const shown = field.evidence.slice(0, MAX_EVIDENCE);
  return {
    type: 'context',
    block_id: `evidence_${field.key}`,
    elements: shown.map((e, i) =>
      mrkdwn(`${i === 0 ? `${AI_MARK} *Why?* ` : ''}${fitMrkdwn(evidenceText(e), MAX_QUOTE)}`),
    ),
  };
}

/**
 * Fields as blocks within `budget` blocks. Notable fields get a section each (plus a context line of evidence); the
 * rest share two-column sections of up to 10. When that does not fit, notable fields are folded into the shared
 * sections from the end, and as a last resort the tail is summarised.
 */
export function renderFields(fields: FieldView[], budget: number): Block[] {
  const own = new Set(fields.filter(isNotable).map((f) => f.key));
  let placed = layout(fields, own);
  const order = fields.filter((f) => own.has(f.key)).reverse();
  for (const f of order) {
    if (placed.length <= budget) break;
    own.delete(f.key);
    placed = layout(fields, own);
  }
  if (placed.length <= budget) return placed.map((p) => p.block);
  const kept = placed.slice(0, Math.max(0, budget - 1));
  const shown = kept.reduce((n, p) => n + p.fieldCount, 0);
  return [
    ...kept.map((p) => p.block),
    {
      type: 'section',
      block_id: 'fields_more',
      text: mrkdwn(`…and ${fields.length - shown} more fields. Open *Edit* to see them all.`),
    },
  ];
}

interface Placed {
  block: Block;
  fieldCount: number;
}

function layout(fields: FieldView[], own: Set<string>): Placed[] {
  const blocks: Placed[] = [];
  let group: TextObject[] = [];
  let groupIndex = 0;
  const flush = () => {
    if (group.length === 0) return;
    blocks.push({
      block: { type: 'section', block_id: `fields_${groupIndex++}`, fields: group },
      fieldCount: group.length,
    });
    group = [];
  };
  for (const field of fields) {
    if (own.has(field.key)) {
      flush();
      const text = mrkdwn(fieldText(field, LIMITS.sectionText));
      blocks.push({ block: { type: 'section', block_id: `field_${field.key}`, text }, fieldCount: 1 });
      if (hasEvidence(field)) blocks.push({ block: evidenceBlock(field), fieldCount: 0 });
    } else {
      group.push(mrkdwn(fieldText(field, LIMITS.sectionFieldText)));
      if (group.length === LIMITS.sectionFields) flush();
    }
  }
  flush();
  return blocks;
}
