import { type CountryCode, findPhoneNumbersInText, isSupportedCountry } from 'libphonenumber-js';
import * as linkify from 'linkifyjs';

export interface Found {
  /** Normalised: emails lower-case, phones E.164. */
  value: string;
  /** The text as written. */
  raw: string;
  start: number;
  end: number;
}

// Customers dodge spam filters with "name at example dot com"; only well-known endings, so "meet at noon dot" is safe.
const SPELLED_EMAIL =
  /\b([a-z0-9][a-z0-9._%+-]*(?:\s+(?:dot|\(dot\)|\[dot\])\s+[a-z0-9][a-z0-9._%+-]*)*)\s+(?:at|\(at\)|\[at\])\s+([a-z0-9][a-z0-9-]*(?:(?:\s*\.\s*|\s+(?:dot|\(dot\)|\[dot\])\s+)[a-z0-9-]+)*(?:\s*\.\s*|\s+(?:dot|\(dot\)|\[dot\])\s+)(?:com|org|net|edu|gov|io|co|uk|de|fr|es|pt|br|it|nl|se|info|biz|me|us|ca|au|ch|at|be|ie|mx|ar)\b)/gi;

const DOT = /\s*\.\s*|\s+(?:dot|\(dot\)|\[dot\])\s+/gi;

/** Email addresses in free text (linkifyjs, plus the spelled-out "name at example dot com"), lower-cased. */
export function findEmails(text: string): Found[] {
  if (!text.includes('@') && !/\s(?:at|\(at\)|\[at\])\s/i.test(text)) return [];
  const found: Found[] = linkify
    .find(text, 'email')
    .map((m) => ({ value: m.value.replace(/^mailto:/i, '').toLowerCase(), raw: m.value, start: m.start, end: m.end }));
  for (const m of text.matchAll(SPELLED_EMAIL)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (found.some((f) => start < f.end && f.start < end)) continue;
    const local = (m[1] ?? '').replace(DOT, '.');
    const domain = (m[2] ?? '').replace(DOT, '.');
    // "the show is at 8. it keeps…" is a time and a new sentence, not is@8.it: a domain has letters.
    if (!/[a-z]/i.test(domain.split('.')[0] ?? '')) continue;
    found.push({ value: `${local}@${domain}`.toLowerCase(), raw: m[0], start, end });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Phone numbers in free text (libphonenumber-js), as E.164; national numbers read in `region`. */
export function findPhones(text: string, region = 'US'): Found[] {
  // No phone number has fewer than six digits; most messages have none, and the matcher is not cheap.
  if ((text.match(/\d/g)?.length ?? 0) < 6) return [];
  const country = (isSupportedCountry(region.toUpperCase()) ? region.toUpperCase() : 'US') as CountryCode;
  const out: Found[] = [];
  // No number holds a comma or semicolon; read each part alone, or "LW-20417, 070-174 06 33" loses its "070-".
  for (const part of text.matchAll(/[^,;]+/g)) {
    const offset = part.index ?? 0;
    if ((part[0].match(/\d/g)?.length ?? 0) < 6) continue;
    // Fiction ranges (555-01xx, 07700 900xxx) are possible but not "valid"; customers write them all the same.
    for (const m of findPhoneNumbersInText(part[0], { defaultCountry: country, leniency: 'POSSIBLE' } as Parameters<
      typeof findPhoneNumbersInText
    >[1])) {
      if (!m.number.isPossible()) continue;
      const start = offset + m.startsAt;
      const end = offset + m.endsAt;
      out.push({ value: m.number.number, raw: text.slice(start, end), start, end });
    }
  }
  return out;
}
