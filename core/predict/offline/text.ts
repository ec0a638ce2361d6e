/** Small text helpers shared by the offline extractors. */

/** Lower-case, accents stripped, typographic quotes and dashes made plain: what every lexicon pattern is written against. */
export function fold(text: string): string {
  // Most chat text is ASCII: skip the Unicode work when there is nothing to fold.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u2013\u2014]/g, ' - ')
    .toLowerCase();
}

export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

export interface Sentence {
  text: string;
  folded: string;
  /** Offset in the message text. */
  start: number;
  question: boolean;
}

// "jira's down??": a name with 's states something about it; "what's", "where's" and their kind still ask.
const DECLARATIVE =
  /^(?:i|i'm|im|i've|ive|my|we|we're|our|it|it's|its|this|that|they|he|she|the \w+ (?:is|was|has|keeps|won't|doesn't)|(?!(?:what|who|where|how|when|why|which|there|here)'s)[a-z0-9]+'s)\b/;
const TRAILING_QUESTION =
  /[,;:]\s*(?:and |so |but )?(?:do|does|did|will|would|should|how|what|when|where|why|which)\b[^,;:]*\?\s*$/;
const QUESTION_START =
  /^(?:(?:and|so|also|but|ok|okay|oh|hmm|um|sorry|then|wait|btw|if so)[, ]+)*(?:do|does|did|is|are|was|were|can|could|will|would|should|shall|have|has|how|what|when|where|why|which|who|whose|may|any)\b/;

/** An emoji, with its joiners and variation selector; ©, ® and ™ belong to the name they follow. */
const EMOJI = '(?:(?![©®™])\\p{Extended_Pictographic}|\\uFE0F|\\u200D)';

// A full stop ends a sentence only before a space or the end: "priya.raman@example.com" and "v5.2.1" stay whole.
// "Found it: the Alder lamp 🔥 To check, what's your postcode?": an emoji before a capital ends a sentence too.
const SENTENCE = new RegExp(
  `(?:[^.!?\\n\\p{Extended_Pictographic}\\uFE0F\\u200D]|[©®™]|[.!?]+(?=[^\\s.!?])|${EMOJI}+(?!\\s+\\p{Lu}))+(?:[.!?]+|${EMOJI}+(?=\\s+\\p{Lu})|\\n|$)`,
  'gu',
);

/** Splits on sentence punctuation and line breaks; a sentence is a question when it ends in `?` or opens like one. */
export function sentences(text: string): Sentence[] {
  const spans: Array<{ start: number; body: string }> = [];
  const re = SENTENCE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[0];
    if (raw.trim() === '') {
      if (re.lastIndex === m.index) re.lastIndex++;
      continue;
    }
    const body = raw.trim();
    const previous = spans[spans.length - 1];
    // "(order no. 3318-2207)": an abbreviation's full stop does not end the sentence.
    // "seit dem 31.03. im Verteilzentrum": a day written the German way, with the sentence going on in lower case.
    const dayDot = previous && DAY_DOT.test(previous.body) && /^\s*\p{Ll}/u.test(raw);
    if (previous && (ABBREVIATION.test(previous.body) || dayDot) && !raw.startsWith('\n')) {
      previous.body = `${previous.body} ${body}`;
      continue;
    }
    spans.push({ start: m.index + (raw.length - raw.trimStart().length), body });
  }
  return spans.map(({ start, body }) => {
    const folded = fold(body);
    return {
      text: body,
      folded,
      start,
      // "i was billed for premium but only signed up for the trial??" is a complaint, not a question.
      // "I just paid invoice INV-2201, does that get taken off?": the statement leads up to a question it ends in.
      question:
        QUESTION_START.test(folded) ||
        /[¿]/.test(body) ||
        (/\?\s*$/.test(body) && (!DECLARATIVE.test(folded) || TRAILING_QUESTION.test(folded))),
    };
  });
}

const DAY_DOT = /(?:^|\s)\d{1,2}\.\d{1,2}\.$/;
const ABBREVIATION = /(?:^|[\s(])(?:no|nr|n|n°|nº|approx|ca|vs|mr|mrs|ms|dr|ref|tel|ext|e\.g|i\.e)\.$/i;

/** Words of a folded string, for overlap measures. */
export function words(folded: string): string[] {
  return folded.match(/[a-z0-9][a-z0-9'-]*/g) ?? [];
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Capitalises the first letter only, leaving brand casing ("iPhone", "AeroBlend") alone elsewhere. */
export function capitaliseFirst(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** A rough stem, enough to meet "crashes"/"crashing", "invoices"/"invoice", "refunds"/"refunded". */
export function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s|ly)$/, '').replace(/(?:ie)$/, 'y');
}
