import { normaliseValue } from '../normalize.js';
import type { FieldDefinition, FieldValue } from '../types.js';

/** title and longtext fields are judged on being filled, every other field on its value. */
export function judgedOnFilled(field: FieldDefinition): boolean {
  return field.key === 'title' || field.type === 'longtext';
}

function cleanText(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
    .replace(/^#\s*/, '');
}

function wordSet(s: string): Set<string> {
  return new Set(
    s
      .split(' ')
      .map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
      .filter(Boolean),
  );
}

/**
 * The eval's comparison: typed values equal after normalisation; free text equal once lower-cased, whitespace
 * collapsed, a leading `#` and surrounding punctuation dropped, or word sets overlapping by Jaccard ≥ 0.5.
 */
export function sameForScoring(field: FieldDefinition, expected: FieldValue, got: FieldValue): boolean {
  if (field.type !== 'text' && field.type !== 'longtext') {
    const a = normaliseValue(field, expected);
    const b = normaliseValue(field, got);
    if (a.ok && b.ok) return a.value === b.value;
    return String(expected) === String(got);
  }
  const a = cleanText(String(expected));
  const b = cleanText(String(got));
  if (a === b) return true;
  const wa = wordSet(a);
  const wb = wordSet(b);
  const union = new Set([...wa, ...wb]);
  if (union.size === 0) return false;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / union.size >= 0.5;
}
