import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { FieldDefinition, FieldValue } from './types.js';

export type Normalised = { ok: true; value: FieldValue } | { ok: false; reason: string };

export interface NormaliseOptions {
  /** Region for national phone numbers. */
  phoneRegion?: string;
}

const MAX_TEXT = 500;
const MAX_LONGTEXT = 20_000;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export function optionKey(s: string): string {
  return collapse(s).toLowerCase();
}

function normaliseDate(raw: unknown): Normalised {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return { ok: true, value: raw.toISOString().slice(0, 10) };
  if (typeof raw !== 'string') return { ok: false, reason: 'expected a date (YYYY-MM-DD)' };
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(raw.trim());
  if (!m) return { ok: false, reason: `"${raw}" is not a date (YYYY-MM-DD)` };
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) {
    return { ok: false, reason: `"${raw}" is not a real date` };
  }
  return { ok: true, value: `${y}-${mo}-${d}` };
}

function normalisePhone(raw: unknown, region: string): Normalised {
  if (typeof raw !== 'string' && typeof raw !== 'number') return { ok: false, reason: 'expected a phone number' };
  const text = String(raw).trim();
  const country = (isSupportedCountry(region.toUpperCase()) ? region.toUpperCase() : 'US') as CountryCode;
  const phone = parsePhoneNumberFromString(text, { defaultCountry: country });
  if (!phone?.isPossible()) return { ok: false, reason: `"${text}" is not a phone number` };
  return { ok: true, value: phone.number };
}

function normaliseBoolean(raw: unknown): Normalised {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  if (typeof raw === 'string') {
    const s = raw.trim().toLowerCase();
    if (['true', 'yes', 'y', '1', 'on'].includes(s)) return { ok: true, value: true };
    if (['false', 'no', 'n', '0', 'off'].includes(s)) return { ok: true, value: false };
  }
  return { ok: false, reason: 'expected yes or no' };
}

function normaliseNumber(raw: unknown): Normalised {
  const n =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && raw.trim() !== ''
        ? Number(raw.trim().replace(/,/g, ''))
        : Number.NaN;
  if (!Number.isFinite(n)) return { ok: false, reason: `"${String(raw)}" is not a number` };
  return { ok: true, value: n };
}

/**
 * The one normaliser every predictor and every manual edit goes through, so a value means the same wherever it came
 * from. Empty input is not a value: callers treat it as "clear" or "unknown".
 */
export function normaliseValue(field: FieldDefinition, raw: unknown, options: NormaliseOptions = {}): Normalised {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return { ok: false, reason: 'empty' };
  }
  switch (field.type) {
    case 'text':
    case 'longtext': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return { ok: false, reason: 'expected text' };
      const text = field.type === 'text' ? collapse(String(raw)) : String(raw).trim();
      const max = field.type === 'text' ? MAX_TEXT : MAX_LONGTEXT;
      if (text.length > max) return { ok: false, reason: `longer than ${max} characters` };
      return { ok: true, value: text };
    }
    case 'choice': {
      if (typeof raw !== 'string') return { ok: false, reason: 'expected one of the options' };
      const wanted = optionKey(raw);
      const option = field.options?.find((o) => optionKey(o.value) === wanted);
      if (!option) {
        const list = (field.options ?? []).map((o) => o.value).join(', ');
        return { ok: false, reason: `"${raw}" is not one of: ${list}` };
      }
      return { ok: true, value: option.value };
    }
    case 'number':
      return normaliseNumber(raw);
    case 'date':
      return normaliseDate(raw);
    case 'email': {
      if (typeof raw !== 'string') return { ok: false, reason: 'expected an email address' };
      const email = raw
        .trim()
        .replace(/^mailto:/i, '')
        .toLowerCase();
      if (!EMAIL.test(email) || email.length > 254)
        return { ok: false, reason: `"${raw.trim()}" is not an email address` };
      return { ok: true, value: email };
    }
    case 'phone':
      return normalisePhone(raw, options.phoneRegion ?? 'US');
    case 'boolean':
      return normaliseBoolean(raw);
  }
}

/** Equality after normalisation, so "+1 415…" and "(415)…" are not reported as a change. */
export function sameValue(a: FieldValue | null | undefined, b: FieldValue | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'string' && typeof b === 'string') return collapse(a) === collapse(b);
  return a === b;
}

/** How a value reads to a person. */
export function displayValue(field: FieldDefinition, value: FieldValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (field.type === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}
