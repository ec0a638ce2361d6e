import { findConcepts } from './concepts.js';
import { capitaliseFirst, collapse } from './text.js';
import type { Transcript, Turn } from './transcript.js';

const GREETING =
  /^(?:(?:hi|hello|hey|hiya|heya|yo|morning|good (?:morning|afternoon|evening)|hola|buenas(?: tardes| noches| dias)?|buenos d[ií]as|guten (?:morgen|tag|abend)|hallo|bonjour|bonsoir|salut|oi|ol[aá]|bom dia|boa (?:tarde|noite)|buongiorno|buonasera|ciao|salve|hoi|goede(?:morgen|middag|navond))(?![\p{L}])[\s,!.:-]*(?:there|team|all|guys|folks|it|support|everyone)?[\s,!.:-]*)+/iu;
const MENTION = /(?:^|\s)@[\w.-]+[\s,:]*/g;
const FILLER = /^(?:so|ok|okay|um|uh|well|yeah|quick (?:question|one|q)|sorry)[\s,!.:-]+/i;
// "this is Fatima Qureshi, one of my plugs sparked": who is writing belongs to the name field, not the title. Case
// matters here: only a capitalised name set off by punctuation is an introduction ("I'm stuck, help" is not).
const INTRODUCTION =
  /^(?:[Tt]his is|[Ii]t'?s|[Ii]'?m|[Ii] am|[Mm]y name is|[Mm]y name'?s) \p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){0,2}(?: here)?\s*[,.!:;-]+\s*/u;

function clean(text: string): string {
  let s = collapse(text.replace(MENTION, ' '));
  for (let i = 0; i < 3; i++) s = s.replace(GREETING, '').replace(INTRODUCTION, '').replace(FILLER, '').trim();
  return s.replace(/[\s,;:-]+$/, '');
}

function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 15)).replace(/[\s,;:-]+$/, '')}…`;
}

/** The customer turns that state the problem: those carrying the concepts behind the decision, in order. */
export function problemTurns(t: Transcript, support: Set<string>, stated: Turn | null = null): Turn[] {
  const own = t.usable.filter(
    (x) =>
      (x.role === 'customer' || x.index < 0) &&
      !x.offTopic &&
      (support.has(x.id) || (x.index < 0 && support.size === 0)),
  );
  if (own.length) return own;
  const named = t.usable.filter((x) => x.role === 'customer' && !x.offTopic && findConcepts(x.folded).length > 0);
  // No concept names it, but the customer said plainly what is wrong: that turn is the problem statement.
  return named.length || !stated ? named : [stated];
}

/** A one-line title from the customer's own first problem statement (or the bot's summary of it). */
export function buildTitle(turns: Turn[]): string | null {
  const source = turns.find((x) => x.role === 'customer') ?? turns[0];
  if (!source) return null;
  const sentence =
    source.sentences.map((s) => clean(s.text)).find((s) => s.length >= 8 && findConcepts(s.toLowerCase()).length > 0) ??
    source.sentences.map((s) => clean(s.text)).find((s) => s.length >= 8) ??
    clean(source.text);
  if (!sentence) return null;
  return capitaliseFirst(shorten(sentence.replace(/[.!]+$/, ''), 100));
}

/** A factual description: the customer's problem statements in their words, plus the bot's summary when there is one. */
export function buildDescription(t: Transcript, turns: Turn[]): string | null {
  const parts: string[] = [];
  const summary = t.escalation?.summary?.trim();
  if (summary) parts.push(summary);
  for (const turn of turns) {
    if (turn.index < 0) continue;
    const text = clean(turn.text);
    if (text && !parts.includes(text)) parts.push(/[.!?]$/.test(text) ? text : `${text}.`);
    if (parts.length >= 4) break;
  }
  const text = parts.join(' ');
  return text ? shorten(capitaliseFirst(text), 1000) : null;
}
