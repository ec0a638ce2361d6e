import { findPhones } from './contacts.js';
import { ASKS_ORDER, looksLikeOrderContext } from './references.js';
import { fold } from './text.js';
import { isFact, type Transcript, type Turn } from './transcript.js';

export interface Found {
  value: string;
  confidence: number;
  evidence: string[];
}

const LANGUAGE_COUNTRY: Record<string, string> = { fr: 'FR', de: 'DE', es: 'ES', pt: 'BR', it: 'IT', nl: 'NL' };
const PHONE_CUE =
  /\b(?:phone|number|call|text|sms|cell|mobile|reach|whatsapp|telefono|movil|celular|handy|telefon|rufnummer|numero|portable|telephone|tel|cellulare|telefoonnummer|nummer|mobiel|bellen|chiamare)\b/;
// A postcode needs its space: "Q4T7WM" is a booking code, "LS1 4AB" is Leeds.
const UK_HINT = /\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|£|\+44/;
/** Countries and their best-known cities, as a customer mentions where they are ("I'm in Göteborg", "from Sweden"). */
const PLACES: Array<[RegExp, string]> = [
  [/\b(?:sweden|swedish|sverige|stockholm|goteborg|gothenburg|malmo|uppsala)\b/, 'SE'],
  [
    /\b(?:united kingdom|britain|england|scotland|wales|london|manchester|leeds|bristol|glasgow|edinburgh|birmingham|liverpool)\b/,
    'GB',
  ],
  [/\b(?:ireland|dublin|cork)\b/, 'IE'],
  [/\b(?:france|paris|lyon|marseille|toulouse|bordeaux)\b/, 'FR'],
  [/\b(?:germany|deutschland|berlin|munchen|munich|hamburg|koln|frankfurt)\b/, 'DE'],
  [/\b(?:spain|espana|madrid|barcelona|valencia|sevilla|malaga)\b/, 'ES'],
  [/\b(?:portugal|lisboa|lisbon|porto)\b/, 'PT'],
  [/\b(?:brazil|brasil|sao paulo|rio de janeiro)\b/, 'BR'],
  [/\b(?:netherlands|holland|amsterdam|rotterdam)\b/, 'NL'],
  [/\b(?:italy|italia|rome|roma|milan|milano)\b/, 'IT'],
  [/\b(?:australia|sydney|melbourne|brisbane|perth)\b/, 'AU'],
];

const TLD_COUNTRY: Record<string, string> = {
  fr: 'FR',
  de: 'DE',
  es: 'ES',
  it: 'IT',
  nl: 'NL',
  se: 'SE',
  ie: 'IE',
  pt: 'PT',
  br: 'BR',
  au: 'AU',
  uk: 'GB',
  be: 'BE',
  ch: 'CH',
  at: 'AT',
};
// The domains are the map's keys, written once.
const EMAIL_COUNTRY = new RegExp(String.raw`@[\w-]+(?:\.[\w-]+)*\.(${Object.keys(TLD_COUNTRY).join('|')})\b`, 'gi');

const CURRENCIES: Array<[RegExp, string]> = [
  [/\bSEK\b|\d\s?(?:kr|kronor)\b/, 'SE'],
  [/\bNOK\b/, 'NO'],
  [/\bDKK\b/, 'DK'],
  [/\bCHF\b/, 'CH'],
];

/** Countries the conversation points at, for national numbers ("07700 900417" from Leeds, "06 39 98…" in French). */
function evidentCountries(t: Transcript): string[] {
  const out: string[] = [];
  const text = t.usable.map((x) => x.text).join('\n');
  if (UK_HINT.test(text)) out.push('GB');
  const folded = fold(text);
  for (const [place, country] of PLACES) if (place.test(folded) && !out.includes(country)) out.push(country);
  if (/R\$/.test(text)) out.push('BR');
  // "Refund of 249 SEK issued": a price in a national currency says where the customer is.
  for (const [currency, country] of CURRENCIES) if (currency.test(text) && !out.includes(country)) out.push(country);
  const byLanguage = LANGUAGE_COUNTRY[t.language];
  if (byLanguage) out.push(byLanguage);
  return out;
}

/**
 * "rachel.kim@example.fr" … "06 39 98 73 02": the country domain of an email address says how a national number (one
 * with its trunk 0) is read, after stronger evidence; it does not make other digit runs into phone numbers.
 */
function emailCountries(t: Transcript, countries: string[]): string[] {
  const out: string[] = [];
  for (const turn of t.usable)
    for (const m of turn.text.matchAll(EMAIL_COUNTRY)) {
      const country = TLD_COUNTRY[m[1]!.toLowerCase()];
      if (country && !countries.includes(country) && !out.includes(country)) out.push(country);
    }
  return out;
}

/** Words only a phone number is asked for with ("number" alone may be the order's). */
const PHONE_WORD =
  /\b(?:phone|mobile|cell|sms|whatsapp|telefono|movil|celular|telemovel|handy|telefon|rufnummer|portable|telephone|cellulare|telefoonnummer|mobiel|mobiele)\b/;

const SOMEONE_ELSES =
  /\b(?:(?:my|his|her|our)\s+)?(?:wife|husband|partner|son|daughter|mum|mom|dad|mother|father|brother|sister|friend|neighbou?r|colleague|boss)'?s?\b(?:\s+(?:number|phone|mobile|cell))?(?:\s+is)?\W*$|\b(?:de|da|do|di|van|von) (?:mi|ma|mon|minha|meu|mia|mio|mijn|meiner|meinem) (?:esposa|mujer|marido|femme|mari|mulher|moglie|marito|vrouw|man|frau|mann|hijo|hija|fils|fille|filho|filha|figlio|figlia|zoon|dochter|sohn|tochter)\b\W*(?:es|est|e|is|ist)?\W*$/;
const FALLBACK_COUNTRIES = ['GB', 'FR', 'DE', 'ES', 'IT', 'NL', 'SE', 'AU', 'IE', 'BR', 'PT'];
/**
 * "070-174 06 23", "08-123 456 78": an area code set off by a hyphen and the rest in groups ending in pairs is how a
 * Swedish number is written; a British one keeps four digits at the end ("0161-496 0123"), a French one has no hyphen.
 */
const SWEDISH_WRITTEN = /^\s*0\d{1,3}-\s?\d{2,3}(?: \d{2,3})? \d{2}\s*$/;

/** One number as written, read in the tenant's region unless the conversation says otherwise or it cannot be that. */
function readPhone(raw: string, tenantRegion: string, countries: string[]): string | null {
  const tries = raw.trim().startsWith('+') ? [tenantRegion] : [...countries, tenantRegion];
  for (const region of tries) {
    const hit = findPhones(raw, region)[0];
    // A leading trunk 0 is never a North American number: "06 39 98 21 47" is not +1 063…
    if (hit && !(hit.value.startsWith('+1') && /^\s*\(?0/.test(raw))) return hit.value;
  }
  if (/^\s*\(?0/.test(raw)) {
    const fallback = SWEDISH_WRITTEN.test(raw) ? ['SE', ...FALLBACK_COUNTRIES] : FALLBACK_COUNTRIES;
    for (const region of fallback) {
      const hit = findPhones(raw, region)[0];
      if (hit) return hit.value;
    }
  }
  return null;
}

const AREA_CODE_ASKED = /\barea code\b/;
const AREA_CODE_ANSWER = /^\D{0,30}?\(?(\d{3})\)?\W*$/;
const LOCAL_NUMBER = /(?<![\d-])(\d{3}[-. ]\d{4})(?![\d-])/;

/** The seven-digit local number the customer gave last before the area code was asked for. */
function localNumberBefore(turns: Turn[], i: number): string | null {
  for (let j = i - 1; j >= 0; j--) {
    const turn = turns[j]!;
    if (turn.role !== 'customer') continue;
    const m = LOCAL_NUMBER.exec(turn.text);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * The customer's phone number in E.164: stated by the customer (or by the agent as a statement), latest wins, so "oops
 * that's my old number, it's …" corrects. Bare digit strings count only where the talk is about phones, and never
 * where they are order numbers.
 */
export function findCustomerPhone(t: Transcript, tenantRegion: string, escalationValue: unknown): Found | null {
  const countries = evidentCountries(t);
  let withEmail: string[] | null = null;
  const emailToo = () => (withEmail ??= [...countries, ...emailCountries(t, countries)]);
  let best: { value: string; turn: Turn | null } | null = null;
  let fromBot: string | null = null;
  if (typeof escalationValue === 'string' && escalationValue.trim()) {
    fromBot = readPhone(escalationValue, tenantRegion, countries);
    if (fromBot) best = { value: fromBot, turn: null };
  }
  // Latest wins: read from the end and stop at the first number, the costly matcher runs on few sentences.
  for (let i = t.usable.length - 1; i >= 0; i--) {
    const turn = t.usable[i]!;
    if (turn.offTopic) continue;
    let inTurn: { value: string; turn: Turn } | null = null;
    const prev = t.usable
      .slice(0, i)
      .reverse()
      .find((x) => x.role !== 'customer');
    // Only what the agent asks counts: "I can see the order. A number the courier can reach you on?" asks for a phone.
    const asked = prev ? prev.sentences.filter((x) => x.question).map((x) => x.folded) : [];
    const prevAsksOrder = asked.some((q) => ASKS_ORDER.test(q)) && !asked.some((q) => PHONE_WORD.test(q));
    const prevAsksPhone = prev ? PHONE_CUE.test(prev.folded) && !prevAsksOrder : false;
    // "555-0142" … "Do you have the area code?" - "sorry, 404": the local number completed by the code asked for.
    if (turn.role === 'customer' && prev && AREA_CODE_ASKED.test(prev.folded)) {
      const code = AREA_CODE_ANSWER.exec(turn.text);
      const local = code ? localNumberBefore(t.usable, i) : null;
      const value = local ? readPhone(`(${code![1]}) ${local}`, 'US', []) : null;
      if (value) {
        best = { value, turn };
        break;
      }
    }
    for (const s of turn.sentences) {
      if (turn.role !== 'customer' && !isFact(turn, s)) continue;
      // Scan the sentence with a permissive region so national numbers of other countries are seen at all.
      const regions = [tenantRegion, ...countries];
      if (/(?:^|[\s(])0\d/.test(s.text)) regions.push(...FALLBACK_COUNTRIES.slice(0, 3));
      const spans = [...new Set(regions)].flatMap((r) => findPhones(s.text, r));
      const seen = new Set<number>();
      for (const span of spans.sort((a, b) => a.start - b.start)) {
        if (seen.has(span.start)) continue;
        seen.add(span.start);
        const before = s.text.slice(0, span.start);
        // Digits inside a longer code ("1Z999AA10123456784") are not a phone number.
        if (/[\p{L}\p{N}]$/u.test(before) || /^[\p{L}\p{N}]/u.test(s.text.slice(span.end))) continue;
        if (looksLikeOrderContext(before)) continue;
        if (/[A-Z]{2,}-\s*$|#\s*$/.test(before)) continue;
        // "(646) 555-0117, if no answer my wife's is 646-555-0152": a backup that is someone else's, after the own one.
        if (inTurn && SOMEONE_ELSES.test(fold(before.slice(-40)))) continue;
        // "Haben Sie Ihre Bestellnummer?" "5530 2189": a number given for the order asked about is the order's.
        if (prevAsksOrder && turn.role === 'customer' && !PHONE_CUE.test(turn.folded)) continue;
        // "eine Bosch Lichtmaschine 0 986 049 530": a part number's lone leading 0; a trunk 0 is written with its area code.
        if (/^0 \d/.test(span.raw.trim()) && !PHONE_CUE.test(fold(s.text)) && !prevAsksPhone) continue;
        const plainDigits = /^\d+$/.test(span.raw.trim());
        if (plainDigits && !(PHONE_CUE.test(fold(s.text)) || prevAsksPhone)) continue;
        const value =
          countries.length === 0 && !/^\s*\(?0/.test(span.raw)
            ? span.value
            : readPhone(span.raw, tenantRegion, /^\s*\(?0/.test(span.raw) ? emailToo() : countries);
        if (value) inTurn = { value, turn };
      }
    }
    if (inTurn) {
      best = inTurn;
      break;
    }
  }
  // The same national number the bot already put in international form: the bot knew the country, keep its reading.
  const national = (v: string) => v.replace(/\D/g, '').slice(-9);
  if (fromBot && best?.turn && best.value !== fromBot && national(best.value) === national(fromBot))
    best = { value: fromBot, turn: best.turn };
  if (!best) return null;
  return { value: best.value, confidence: 0.85, evidence: best.turn?.id ? [best.turn.id] : [] };
}
