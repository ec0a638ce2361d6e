import { fileURLToPath } from 'node:url';
import { corpusRows } from './corpus-files.js';
import { fold, stem, words } from './text.js';

/**
 * A naive Bayes reading of which support concept a sentence expresses, learned from `corpus/*.jsonl`: short support
 * utterances of many kinds of shops and IT desks, in seven languages, written for this purpose (none taken from an eval
 * set). The regex lexicon knows exact phrasings; this knows vocabulary ("nada", "crushed", "nicked on the train") and
 * backs the lexicon up when a sentence says something it has no pattern for. `none` is small talk, contact details and
 * openers that name no problem, so they do not get forced into a concept.
 */

export interface Example {
  label: string;
  text: string;
}

/** Corpus labels that the lexicon calls differently. */
const ALIASES: Record<string, string> = { billing_question: 'invoice' };

const STOP = new Set(
  (
    "the a an and or but to of in on at for with from by is are was were be been it its it's this that these those " +
    'i me my we our you your he she they them his her their am do does did have has had just so very really please ' +
    'hi hello hey thanks thank can could would will el la los las un una de del que y en es por con para mi le les ' +
    'des du et est pour avec mon ma mes der die das und ist ich mein meine mit fur ein eine o os um uma do da em e ' +
    'com meu minha'
  ).split(/\s+/),
);

/** A word's feature (null: not one), or undefined when not worked out yet. */
type TokenCache = Map<string, string | null>;

function token(word: string): string | null {
  const w = word.replace(/'s$/, '');
  return w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w) ? stem(w) : null;
}

/** `cache` remembers each word's token: training meets the same few thousand words ~180,000 times. */
export function features(text: string, cache?: TokenCache): string[] {
  const tokens: string[] = [];
  for (const word of words(fold(text))) {
    let t = cache?.get(word);
    if (t === undefined) {
      t = token(word);
      cache?.set(word, t);
    }
    if (t !== null) tokens.push(t);
  }
  const out = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]}_${tokens[i + 1]}`);
  return out;
}

export interface TextModel {
  labels: string[];
  /** log P(feature | label) for every label, in `labels` order; undefined for a feature the corpus never had. */
  row(feature: string): Float64Array | undefined;
}

/**
 * Additive smoothing of the word counts. Add-one gave every unseen word of ~51,000 the weight of a real sighting, which
 * drowned the few telling words of a short sentence; 0.1 lets them decide (with TEMPERATURE below, more sentences reach
 * a posterior of 0.6 and more of those are right, in cross-validation and on corpus files held out whole).
 */
const SMOOTHING = 0.1;

export function trainTextModel(examples: Example[]): TextModel {
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const totals: number[] = [];
  /** Per feature, [label, count, label, count, …] for the labels that have it: most features belong to one or two, so
   * a short array scan beats a map per feature. */
  const counts = new Map<string, number[]>();
  const cache: TokenCache = new Map();
  for (const { label, text } of examples) {
    const id = ALIASES[label] ?? label;
    let li = labelIndex.get(id);
    if (li === undefined) {
      li = labels.push(id) - 1;
      labelIndex.set(id, li);
      totals.push(0);
    }
    for (const f of features(text, cache)) {
      const perLabel = counts.get(f);
      if (!perLabel) counts.set(f, [li, 1]);
      else {
        let i = 0;
        while (i < perLabel.length && perLabel[i] !== li) i += 2;
        if (i < perLabel.length) perLabel[i + 1]! += 1;
        else perLabel.push(li, 1);
      }
      totals[li]! += 1;
    }
  }
  const logDenominators = totals.map((t) => Math.log(t + SMOOTHING * counts.size));
  // Dense rows make scoring a sentence one array addition per feature; they are built when a chat first uses the
  // feature, so start-up only counts (the 9,500-line corpus of 2026-11 had ~51,000 features, few of which any one chat meets).
  const rows = new Map<string, Float64Array>();
  return {
    labels,
    row(feature) {
      const cached = rows.get(feature);
      if (cached) return cached;
      const perLabel = counts.get(feature);
      if (!perLabel) return undefined;
      const built = Float64Array.from(logDenominators, (d) => Math.log(SMOOTHING) - d);
      for (let i = 0; i < perLabel.length; i += 2) {
        const li = perLabel[i]!;
        built[li] = Math.log(perLabel[i + 1]! + SMOOTHING) - logDenominators[li]!;
      }
      rows.set(feature, built);
      return built;
    },
  };
}

export interface Guess {
  label: string;
  /** Posterior probability of the winner (uniform priors: every label is equally likely before reading). */
  probability: number;
  /** How many of the sentence's features the model has seen: a guess from one known word is weak. */
  known: number;
}

/**
 * Naive Bayes counts every word as independent evidence, so its posteriors are far too sure; dividing the log scores
 * softens them (in 5-fold cross-validation on the 9,500-line corpus, a posterior of 0.6 was then right 95% of the time (94% on the 11,000-line one),
 * and on a corpus file held out whole as well).
 */
const TEMPERATURE = 4;

export interface Posterior {
  /** Labels in the model's order, with their posterior probabilities (summing to 1). */
  labels: readonly string[];
  probabilities: Float64Array;
  /** How many of the sentence's features the model has seen. */
  known: number;
}

/** Every label's posterior for a sentence (null when the model knows none of its words). */
export function posterior(model: TextModel, text: string): Posterior | null {
  const rows = features(text)
    .map((f) => model.row(f))
    .filter((row): row is Float64Array => row !== undefined);
  if (rows.length === 0 || model.labels.length === 0) return null;
  const scores = new Float64Array(model.labels.length);
  for (const row of rows) for (let i = 0; i < scores.length; i++) scores[i]! += row[i]!;
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  const top = scores[best]!;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    scores[i] = Math.exp((scores[i]! - top) / TEMPERATURE);
    sum += scores[i]!;
  }
  for (let i = 0; i < scores.length; i++) scores[i]! /= sum;
  return { labels: model.labels, probabilities: scores, known: rows.length };
}

export function classify(model: TextModel, text: string): Guess | null {
  const p = posterior(model, text);
  if (!p) return null;
  let best = 0;
  for (let i = 1; i < p.probabilities.length; i++) if (p.probabilities[i]! > p.probabilities[best]!) best = i;
  return { label: p.labels[best]!, probability: p.probabilities[best]!, known: p.known };
}

const CONCEPT_CORPUS = fileURLToPath(new URL('./corpus/', import.meta.url));

/**
 * Reads every `*.jsonl` file of a corpus folder, taking `labelKey` as the label; a malformed line is skipped (the
 * corpus test reports it), never a crash at run time.
 */
export function loadCorpus(dir: string, labelKey: string): Example[] {
  const out: Example[] = [];
  for (const row of corpusRows(dir)) {
    const label = row[labelKey];
    if (typeof label === 'string' && typeof row.text === 'string') out.push({ label, text: row.text });
  }
  return out;
}

let concepts: TextModel | null = null;

/** Which support concept a sentence expresses (`none`: no problem), trained once per process (milliseconds). */
export function conceptModel(): TextModel {
  concepts ??= trainTextModel(loadCorpus(CONCEPT_CORPUS, 'concept'));
  return concepts;
}
