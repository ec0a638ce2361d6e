/**
 * What a regular expression cannot match without: a set of literal strings, one of which appears in every text the
 * pattern matches. Used to skip patterns that cannot match a sentence before running them, so it only has to be safe
 * (a pattern is never skipped when it could match), not complete. Anything this reader does not understand gives no
 * set, and the pattern is always run.
 */

/** One of these strings is in every match; `null` when nothing is known. */
type Cue = string[] | null;

class Unsupported extends Error {}

/** Escapes that stand for a class of characters, not one character. */
const CLASS_ESCAPES = new Set(['d', 'w', 's', 'D', 'W', 'S']);

/** Literals for a pattern written without flags (case matters); `null` when the pattern offers none. */
export function requiredLiterals(source: string, unicode = false): string[] | null {
  const reader = new PatternReader(source, unicode);
  try {
    const cue = reader.disjunction();
    return reader.done() ? cue : null;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/** A literal length-3 prefix is what the index below looks up, so shorter cues weigh less. */
function strength(cue: string[]): number {
  return Math.min(...cue.map((s) => s.length)) * 1000 - cue.length;
}

/** Of the parts a sequence needs, the one whose literals are longest (then fewest): the most selective. */
function strongest(cues: string[][]): Cue {
  let best: Cue = null;
  for (const cue of cues) if (best === null || strength(cue) > strength(best)) best = cue;
  return best;
}

class PatternReader {
  private at = 0;

  /** `unicode`: the pattern has the u flag, so \p{…} is a class of characters. */
  constructor(
    private readonly source: string,
    private readonly unicode: boolean,
  ) {}

  done(): boolean {
    return this.at === this.source.length;
  }

  /** `a|b|c`: a match needs one alternative, so the cue is the union (none if any alternative has none). */
  disjunction(): Cue {
    const union: string[] = [];
    let known = true;
    for (;;) {
      const cue = this.sequence();
      if (cue === null) known = false;
      else union.push(...cue);
      if (this.source[this.at] !== '|') break;
      this.at++;
    }
    return known ? [...new Set(union)] : null;
  }

  /** Parts in a row: every one of them is needed, so any one part's cue is the sequence's. */
  private sequence(): Cue {
    const cues: string[][] = [];
    let run = '';
    const endRun = () => {
      if (run) cues.push([run]);
      run = '';
    };
    for (;;) {
      const ch = this.source[this.at];
      if (ch === undefined || ch === '|' || ch === ')') break;
      if (ch === '(') {
        endRun();
        const cue = this.group();
        if (cue) cues.push(cue);
        continue;
      }
      const literal = this.atom();
      const min = this.quantifierMin();
      if (literal === null) {
        endRun();
        continue;
      }
      if (min === null) run += literal;
      else {
        // "u?" may be absent; "s+" is there at least once, but what follows it need not be next to it.
        if (min > 0) run += literal;
        endRun();
      }
    }
    endRun();
    return strongest(cues);
  }

  /** One character's worth of pattern: the literal it stands for, or null (class, assertion, any character). */
  private atom(): string | null {
    const ch = this.source[this.at++]!;
    if (ch === '\\') return this.escape();
    if (ch === '[') {
      this.skipClass();
      return null;
    }
    if (ch === '.' || ch === '^' || ch === '$') return null;
    if (ch === '*' || ch === '+' || ch === '?' || ch === '{') throw new Unsupported();
    // Half of a character past U+FFFF: a quantifier after it would apply to the whole character.
    if (/[\ud800-\udfff]/.test(ch)) throw new Unsupported();
    return ch;
  }

  private escape(): string | null {
    const ch = this.source[this.at++];
    if (ch === undefined) throw new Unsupported();
    if (ch === 'b' || ch === 'B' || CLASS_ESCAPES.has(ch)) return null;
    if ((ch === 'p' || ch === 'P') && this.unicode && this.source[this.at] === '{') {
      const close = this.source.indexOf('}', this.at);
      if (close < 0) throw new Unsupported();
      this.at = close + 1;
      return null;
    }
    // \u, \x, \c, \k, \p, back-references, \n and friends: not worth reading, so no cue.
    if (/[0-9A-Za-z]/.test(ch)) throw new Unsupported();
    return ch;
  }

  private skipClass(): void {
    for (;;) {
      const ch = this.source[this.at++];
      if (ch === undefined) throw new Unsupported();
      if (ch === '\\') this.at++;
      else if (ch === ']') return;
    }
  }

  /** `(…)`, `(?:…)` or a look-around; a look-around matches no text of its own, so it gives no cue. */
  private group(): Cue {
    this.at++;
    let lookaround = false;
    if (this.source[this.at] === '?') {
      const kind = this.source.slice(this.at + 1, this.at + 3);
      if (kind.startsWith(':')) this.at += 2;
      else if (kind.startsWith('=') || kind.startsWith('!')) {
        lookaround = true;
        this.at += 2;
      } else if (kind === '<=' || kind === '<!') {
        lookaround = true;
        this.at += 3;
      } else throw new Unsupported();
    }
    const cue = this.disjunction();
    if (this.source[this.at] !== ')') throw new Unsupported();
    this.at++;
    const min = this.quantifierMin();
    if (lookaround || min === 0) return null;
    return cue;
  }

  /** The least number of repeats the quantifier at the cursor allows (consumed), or null when there is none. */
  private quantifierMin(): number | null {
    const ch = this.source[this.at];
    let min: number | null = null;
    if (ch === '?' || ch === '*') min = 0;
    else if (ch === '+') min = 1;
    if (min !== null) this.at++;
    else if (ch === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.source.slice(this.at));
      if (!m) throw new Unsupported();
      min = Number(m[1]);
      this.at += m[0].length;
    } else return null;
    // A lazy quantifier ("{0,3}?") needs as many repeats as a greedy one.
    if (this.source[this.at] === '?') this.at++;
    return min;
  }
}

/** Buckets of the window tables below: windows are hashed, and a bucket's literals are checked in full. */
const BUCKETS = 1 << 14;

interface Entry {
  pattern: number;
  literal: string;
}

/**
 * Which of many patterns could match a text, from their required literals: one pass over the text's two- and
 * three-character windows, with a look-up of the literals that start with each window.
 */
export class LiteralPrefilter {
  /** Patterns to run whatever the text: no cue, or a cue with a one-character literal. */
  private readonly always: number[] = [];
  /** Literals by a hash of their first three characters, and two-character literals ("pc", "tv") by both. */
  private readonly byTriple: Array<Entry[] | undefined> = new Array(BUCKETS);
  private readonly byPair: Array<Entry[] | undefined> = new Array(BUCKETS);

  constructor(
    cues: ReadonlyArray<string[] | null>,
    private readonly size = cues.length,
  ) {
    for (const [pattern, cue] of cues.entries()) {
      if (cue === null || cue.length === 0 || cue.some((literal) => literal.length < 2)) {
        this.always.push(pattern);
        continue;
      }
      for (const literal of cue) {
        const table = literal.length === 2 ? this.byPair : this.byTriple;
        const bucket = literal.length === 2 ? pairHash(literal, 0) : tripleHash(literal, 0);
        const entries = table[bucket];
        if (entries) entries.push({ pattern, literal });
        else table[bucket] = [{ pattern, literal }];
      }
    }
  }

  /** possible[i] is 1 when pattern i may match `text` (and must be run), 0 when it cannot. */
  possible(text: string): Uint8Array {
    const possible = new Uint8Array(this.size);
    for (const pattern of this.always) possible[pattern] = 1;
    for (let at = 0; at + 2 <= text.length; at++) {
      const pairs = this.byPair[pairHash(text, at)];
      if (pairs) markFound(possible, pairs, text, at);
      if (at + 3 > text.length) continue;
      const triples = this.byTriple[tripleHash(text, at)];
      if (triples) markFound(possible, triples, text, at);
    }
    return possible;
  }
}

function markFound(possible: Uint8Array, entries: Entry[], text: string, at: number): void {
  for (const { pattern, literal } of entries) {
    if (!possible[pattern] && text.startsWith(literal, at)) possible[pattern] = 1;
  }
}

// Small integers, so the look-up allocates nothing; two windows may share a bucket, which startsWith then sorts out.
function pairHash(text: string, at: number): number {
  return (text.charCodeAt(at) * 31 + text.charCodeAt(at + 1)) & (BUCKETS - 1);
}

function tripleHash(text: string, at: number): number {
  return (text.charCodeAt(at) * 961 + text.charCodeAt(at + 1) * 31 + text.charCodeAt(at + 2)) & (BUCKETS - 1);
}

/** A pattern with the literals it cannot match without, so it is run only on text that holds one of them. */
export interface GuardedPattern {
  re: RegExp;
  cue: string[] | null;
  /** The pattern ignores case: its literals are lower-cased, and so must the text be. */
  caseless: boolean;
}

export function guarded(re: RegExp): GuardedPattern {
  const caseless = re.flags.includes('i');
  // The v flag nests classes ("[[a-z]--[aeiou]]"), which this reader does not follow.
  const cue = re.flags.includes('v') ? null : requiredLiterals(re.source, re.unicode);
  return { re, cue: caseless ? (cue?.map((s) => s.toLowerCase()) ?? null) : cue, caseless };
}

/**
 * The text as a caseless pattern's literals are looked for in it: lower-cased, or null when it holds a character past
 * Latin-1, where ignoring case is more than lower-casing ("ſ" matches "s"), so the pattern is always run.
 */
export function caselessView(text: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the Latin-1 range is the point
  return /[^\x00-\xff]/.test(text) ? null : text.toLowerCase();
}

/** False only when `text` cannot match: none of the pattern's literals is in it. */
export function mayMatch(pattern: GuardedPattern, text: string, caseless: string | null): boolean {
  const { cue } = pattern;
  if (cue === null) return true;
  if (!pattern.caseless) return cue.some((literal) => text.includes(literal));
  return caseless === null || cue.some((literal) => caseless.includes(literal));
}
