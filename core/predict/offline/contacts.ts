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

/** Email addresses in free text (linkifyjs), lower-cased. */
export function findEmails(text: string): Found[] {
  return linkify
    .find(text, 'email')
    .map((m) => ({ value: m.value.replace(/^mailto:/i, '').toLowerCase(), raw: m.value, start: m.start, end: m.end }));
}

/** Phone numbers in free text (libphonenumber-js), as E.164; national numbers read in `region`. */
export function findPhones(text: string, region = 'US'): Found[] {
  const country = (isSupportedCountry(region.toUpperCase()) ? region.toUpperCase() : 'US') as CountryCode;
  // Fiction ranges (555-01xx, 07700 900xxx) are possible but not "valid"; customers write them all the same.
  return findPhoneNumbersInText(text, { defaultCountry: country, leniency: 'POSSIBLE' } as Parameters<
    typeof findPhoneNumbersInText
  >[1])
    .filter((m) => m.number.isPossible())
    .map((m) => ({ value: m.number.number, raw: text.slice(m.startsAt, m.endsAt), start: m.startsAt, end: m.endsAt }));
}
