/**
 * What a regular expression cannot match without: a set of literal strings, one of which appears in every text the
 * pattern matches. Used to skip patterns that cannot match a sentence before running them, so it only has to be safe
 * (a pattern is never skipped when it could match), not complete. The pattern is parsed by regexpp; anything outside
 * the few parts read below gives no set, and the pattern is always run.
 */

import { type AST, RegExpParser } from '@eslint-community/regexpp';

/** One of these strings is in every match; `null` when nothing is known. */
type Cue = string[] | null;

class Unsupported extends Error {}

// Annex B on (not strict), as in the RegExp constructor, so every pattern the engine accepts parses.
const PARSER = new RegExpParser({ strict: false });

/** Literals for a pattern written without flags (case matters); `null` when the pattern offers none. */
export function requiredLiterals(source: string, unicode = false): string[] | null {
  let pattern: AST.Pattern;
  try {
    pattern = PARSER.parsePattern(source, 0, source.length, { unicode });
  } catch {
    return null;
  }
  try {
    return disjunction(pattern.alternatives);
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

/** `a|b|c`: a match needs one alternative, so the cue is the union (none if any alternative has none). */
function disjunction(alternatives: AST.Alternative[]): Cue {
  const union: string[] = [];
  for (const alternative of alternatives) {
    const cue = sequence(alternative.elements);
    if (cue === null) return null;
    union.push(...cue);
  }
  return [...new Set(union)];
}

/** Parts in a row: every one of them is needed, so any one part's cue is the sequence's. */
function sequence(elements: AST.Element[]): Cue {
  const cues: string[][] = [];
  let run = '';
  const endRun = () => {
    if (run) cues.push([run]);
    run = '';
  };
  for (const element of elements) {
    const atom = element.type === 'Quantifier' ? element.element : element;
    const min = element.type === 'Quantifier' ? element.min : null;
    if (atom.type === 'Group' || atom.type === 'CapturingGroup') {
      endRun();
      const cue = group(atom);
      if (cue && min !== 0) cues.push(cue);
      continue;
    }
    const literal = literalOf(atom);
    // "u?" may be absent; "s+" is there at least once, but what follows it need not be next to it.
    if (literal !== null && min !== 0) run += literal;
    if (literal === null || min !== null) endRun();
  }
  endRun();
  return strongest(cues);
}

/** `(…)` or `(?:…)`; a named group or one with flags (`(?i:…)`) changes more than it is worth reading. */
function group(node: AST.Group | AST.CapturingGroup): Cue {
  if (node.type === 'CapturingGroup' ? node.name !== null : node.modifiers !== null) throw new Unsupported();
  return disjunction(node.alternatives);
}

/** The character an atom stands for, or null for a class, any character or an assertion (look-arounds too). */
function literalOf(atom: AST.QuantifiableElement | AST.Assertion): string | null {
  // A back-reference repeats text the pattern does not spell out.
  if (atom.type === 'Backreference') throw new Unsupported();
  return atom.type === 'Character' ? character(atom) : null;
}

/** A plain character or an escaped punctuation mark ("\."); letter and digit escapes (\u, \x, \0) are not read. */
function character(node: AST.Character): string {
  const { raw } = node;
  // Half of a character past U+FFFF (or a whole one): a quantifier would apply to all of it, not to the half.
  if (/[\ud800-\udfff]/.test(raw)) throw new Unsupported();
  if (raw.startsWith('\\') && /[0-9A-Za-z]/.test(raw[1] ?? '')) throw new Unsupported();
  // A bare "{" is a character only by Annex B leniency: "b{,2}" is most likely a quantifier written wrong.
  if (raw === '{') throw new Unsupported();
  return String.fromCharCode(node.value);
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
  // The v flag folds case and spells classes differently ("[[a-z]--[aeiou]]"); no pattern needs it, so no cue.
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
