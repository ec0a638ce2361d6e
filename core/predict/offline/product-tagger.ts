import { fileURLToPath } from 'node:url';
import { corpusRows } from './corpus-files.js';
import { fold, stem } from './text.js';

/**
 * A learned product-mention tagger: an averaged structured perceptron over B/I/O tags with Viterbi decoding, trained
 * from `corpus/products/*.jsonl` (chat sentences written for it, each labelled with the product it names or null). The
 * rules in products.ts know the nouns of their lexicon; this learns the shape of a product mention around nouns it has
 * never seen ("the Orbix Z10 drone drifted", "my ukulele arrived cracked"), so it backs them up when they find nothing.
 */

export interface ProductExample {
  text: string;
  /** The product as written in the text; null when the sentence names none. */
  product: string | null;
}

export interface TaggedProduct {
  value: string;
  /** Probability of this exact span under the model's scores read as a CRF (softened by a temperature). */
  confidence: number;
  /** Character offsets in the tagged text. */
  start: number;
  end: number;
}

export interface ProductTagger {
  tag(text: string): TaggedProduct[];
}

export interface TaggerOptions {
  /** Whether a lower-cased, accent-folded word is a product noun the rules know ("blender", "mochila"). */
  isProductNoun?: (word: string) => boolean;
  /** Passes over the corpus. Default 6 (8 gained about a point of recall in cross-validation for a third more start-up). */
  epochs?: number;
}

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

// An email or web address is one token (never a product); a word keeps inner dots, apostrophes, dashes ("v5.2", "e-bike").
const TOKEN = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\p{L}\p{N}](?:[\p{L}\p{N}'’+/-]|\.(?=[\p{L}\p{N}]))*\+?/gu;

export function tokenise(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const raw = m[0].replace(/[-'’/]+$/, '');
    out.push({ text: raw, lower: fold(raw), start, end: start + raw.length });
  }
  return out;
}

/** Words after which a noun phrase starts: articles and possessives of the five languages. */
const DETERMINER = new Set(
  (
    'the a an my our your his her their this that these those mi mis tu su sus nuestro nuestra el la los las un una unos unas ' +
    'mein meine meinen meinem meiner der die das den dem ein eine einen unser unsere mon ma mes le les une notre votre ' +
    'o os um uma meu minha meus minhas nosso nossa'
  ).split(' '),
);

/** Character classes with runs collapsed: "Lumora" and "Kettlewick" are both "Xx", "X2" and "V8" both "X9". */
function shape(word: string): string {
  let out = '';
  let last = '';
  // A loop, not Unicode regular expressions: it runs for every new word at start-up.
  for (const ch of word) {
    const c =
      ch >= '0' && ch <= '9'
        ? '9'
        : ch.toLowerCase() !== ch
          ? 'X'
          : ch.toUpperCase() !== ch
            ? 'x'
            : /\p{N}/u.test(ch)
              ? '9'
              : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

const B = 0;
const I = 1;
const O = 2;
const TAGS = 3;

/**
 * Features are numbers, not strings: a template id and one or two symbol ids (words, shapes, affixes) hashed to 30 bits
 * (small integers, which a Map keys fastest), then numbered densely as training meets them. Training meets ~700,000
 * feature occurrences; as strings they took most of the start-up time, and a sparse hashed weight table missed the cache
 * on nearly every one.
 */
const key = (template: number, a = 0, b = 0) =>
  (Math.imul(template + 1, 0x9e3779b1) ^
    Math.imul(a + 7, 0x85ebca77) ^
    Math.imul(b + 13, 0xc2b2ae3d) ^
    Math.imul(a, b)) >>>
  2;

/**
 * Feature key -> dense id, by open addressing over typed arrays: training looks up ~1.4 million keys, which a Map of
 * numbers made the slowest part of start-up. Grows by doubling.
 */
interface FeatureIds {
  keys: Int32Array;
  ids: Int32Array;
  size: number;
  frozen: boolean;
}

const featureIds = (capacity = 1 << 16): FeatureIds => ({
  keys: new Int32Array(capacity).fill(-1),
  ids: new Int32Array(capacity),
  size: 0,
  frozen: false,
});

/** Fibonacci hashing: the high bits of the product, which every bit of the key reaches. */
const slotOf = (k: number, capacity: number) => Math.imul(k, 0x9e3779b1) >>> (32 - Math.log2(capacity));

function featureId(table: FeatureIds, k: number, add: boolean): number {
  const mask = table.keys.length - 1;
  let at = slotOf(k, table.keys.length);
  for (;;) {
    at &= mask;
    const found = table.keys[at]!;
    if (found === k) return table.ids[at]!;
    if (found === -1) break;
    at++;
  }
  if (!add) return -1;
  if ((table.size + 1) * 2 > table.keys.length) {
    const old = { keys: table.keys, ids: table.ids };
    table.keys = new Int32Array(old.keys.length * 2).fill(-1);
    table.ids = new Int32Array(old.keys.length * 2);
    for (let i = 0; i < old.keys.length; i++) {
      if (old.keys[i] === -1) continue;
      let j = slotOf(old.keys[i]!, table.keys.length);
      for (;;) {
        j &= table.keys.length - 1;
        if (table.keys[j] === -1) break;
        j++;
      }
      table.keys[j] = old.keys[i]!;
      table.ids[j] = old.ids[i]!;
    }
    return featureId(table, k, add);
  }
  table.keys[at] = k;
  table.ids[at] = table.size;
  return table.size++;
}

/** What depends on a word alone (most words recur): its symbol ids and whether the lexicon knows it. */
interface WordInfo {
  word: number;
  stem: number;
  shape: number;
  prefix: number;
  suffix3: number;
  suffix2: number;
  lex: boolean;
  digit: boolean;
  email: boolean;
  cap: boolean;
}

/** Symbol ids; during training every new symbol gets one, afterwards an unseen one is -1 and its features are skipped. */
interface Symbols {
  ids: Map<string, number>;
  /** Feature key -> dense feature id. */
  features: FeatureIds;
  frozen: boolean;
  words: Map<string, WordInfo>;
  isProductNoun: (w: string) => boolean;
}

const START = 1;
const END = 2;

function symbol(sym: Symbols, s: string): number {
  let id = sym.ids.get(s);
  if (id === undefined) {
    if (sym.frozen) return -1;
    id = sym.ids.size + 3;
    sym.ids.set(s, id);
  }
  return id;
}

function wordInfo(sym: Symbols, t: Token): WordInfo {
  const cached = sym.words.get(t.text);
  if (cached) return cached;
  const w = t.lower;
  const info: WordInfo = {
    word: symbol(sym, w),
    stem: symbol(sym, `s:${stem(w)}`),
    shape: symbol(sym, `h:${shape(t.text)}`),
    prefix: symbol(sym, `p:${w.slice(0, 3)}`),
    suffix3: symbol(sym, `x:${w.slice(-3)}`),
    suffix2: symbol(sym, `y:${w.slice(-2)}`),
    lex: sym.isProductNoun(w),
    digit: /\d/.test(w),
    email: w.includes('@'),
    cap: t.text[0] !== undefined && t.text[0].toLowerCase() !== t.text[0],
  };
  // Chat text never seen in training is not kept: a long-running process must not grow with what it reads.
  if (!sym.frozen) sym.words.set(t.text, info);
  return info;
}

/** A sentence's feature slots, flat: token i has slots[offsets[i]] up to slots[offsets[i + 1]]. */
interface Features {
  slots: Int32Array;
  offsets: Int32Array;
}

const scratch: number[] = [];

/** Appends a feature's id; a feature with an unseen symbol (-1) or never seen in training is left out. */
function put(out: number[], table: FeatureIds, grow: boolean, template: number, a: number, b: number): void {
  if (a < 0 || b < 0) return;
  const id = featureId(table, key(template, a, b), grow);
  if (id >= 0) out.push(id);
}

/** Feature slots of each token of a sentence. Written without closures: this runs ~40,000 times at start-up. */
function featuresOf(tokens: Token[], sym: Symbols): Features {
  const n = tokens.length;
  // Padded by two on each side, so a neighbour is always at an index: word i is at i + 2.
  const word = new Int32Array(n + 4).fill(START);
  const shapes = new Int32Array(n + 4).fill(START);
  const lex = new Uint8Array(n + 4);
  const det = new Uint8Array(n + 4);
  const info = new Array<WordInfo>(n);
  word[n + 2] = word[n + 3] = END;
  shapes[n + 2] = shapes[n + 3] = END;
  for (let i = 0; i < n; i++) {
    const w = wordInfo(sym, tokens[i]!);
    info[i] = w;
    word[i + 2] = w.word;
    shapes[i + 2] = w.shape;
    lex[i + 2] = w.lex ? 1 : 0;
    det[i + 2] = DETERMINER.has(tokens[i]!.lower) ? 1 : 0;
  }
  const f = scratch;
  f.length = 0;
  const table = sym.features;
  const grow = !sym.frozen;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = f.length;
    const me = info[i]!;
    const at = i + 2;
    put(f, table, grow, 0, 0, 0);
    put(f, table, grow, 1, me.word, 0);
    put(f, table, grow, 2, me.stem, 0);
    put(f, table, grow, 3, me.shape, 0);
    put(f, table, grow, 4, me.prefix, 0);
    put(f, table, grow, 5, me.suffix3, 0);
    put(f, table, grow, 6, me.suffix2, 0);
    put(f, table, grow, 7, word[at - 1]!, 0);
    put(f, table, grow, 8, word[at - 2]!, 0);
    put(f, table, grow, 9, word[at + 1]!, 0);
    put(f, table, grow, 10, word[at + 2]!, 0);
    put(f, table, grow, 11, word[at - 1]!, me.word);
    put(f, table, grow, 12, me.word, word[at + 1]!);
    put(f, table, grow, 13, shapes[at - 1]!, 0);
    put(f, table, grow, 14, shapes[at + 1]!, 0);
    put(f, table, grow, 15, me.shape, shapes[at + 1]!);
    put(f, table, grow, 16, shapes[at - 1]!, me.shape);
    if (me.lex) put(f, table, grow, 17, 0, 0);
    if (lex[at - 1]) put(f, table, grow, 18, 0, 0);
    if (lex[at + 1]) put(f, table, grow, 19, 0, 0);
    if (lex[at + 2]) put(f, table, grow, 20, 0, 0);
    // A product noun further on, with nothing but name-like words in between: "Kettlewick Barista Duo blender".
    for (let j = at + 1; j < Math.min(n + 2, at + 5); j++) {
      if (lex[j]) {
        put(f, table, grow, 21, 0, 0);
        break;
      }
      if (det[j]) break;
    }
    if (det[at - 1]) put(f, table, grow, 22, me.shape, 0);
    if (det[at - 2]) put(f, table, grow, 23, 0, 0);
    if (i === 0) put(f, table, grow, 24, me.shape, 0);
    if (i === n - 1) put(f, table, grow, 25, 0, 0);
    if (me.digit) put(f, table, grow, 26, 0, 0);
    if (me.email) put(f, table, grow, 27, 0, 0);
    if (i > 0 && me.cap) put(f, table, grow, 28, 0, 0);
  }
  offsets[n] = f.length;
  return { slots: Int32Array.from(f), offsets };
}

/** Token indices of the labelled product in a sentence, or null when it cannot be found there. */
function labelTags(text: string, tokens: Token[], product: string | null): number[] | null {
  const tags = tokens.map(() => O);
  if (product === null) return tags;
  const hay = fold(text);
  const needle = fold(product.trim());
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    // Folding keeps lengths for most text; when it does not, the offsets below are only approximate and skipped.
    const inside = tokens
      .map((t, i) => [t, i] as const)
      .filter(([t]) => t.start >= at && t.end <= at + needle.length + 1);
    if (inside.length === 0 || inside[0]![0].start !== at) continue;
    inside.forEach(([, i], k) => {
      tags[i] = k === 0 ? B : I;
    });
    return tags;
  }
  return null;
}

interface Model {
  /** Emission weights: feature slot * TAGS + tag. */
  emit: Float32Array;
  /** trans[prev * TAGS + tag]; prev === TAGS is the sentence start. */
  trans: Float32Array;
}

function emissions(weights: Int32Array | Float32Array, { slots, offsets }: Features, out: Float64Array): Float64Array {
  const n = offsets.length - 1;
  out.fill(0, 0, n * TAGS);
  for (let i = 0; i < n; i++) {
    let b = 0;
    let in_ = 0;
    let o = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const at = slots[k]! * TAGS;
      b += weights[at]!;
      in_ += weights[at + 1]!;
      o += weights[at + 2]!;
    }
    out[i * TAGS] = b;
    out[i * TAGS + 1] = in_;
    out[i * TAGS + 2] = o;
  }
  return out;
}

/** An I only continues a B or an I. */
const allowed = (prev: number, tag: number) => tag !== I || prev === B || prev === I;

/** Previous tags in the order ties are broken: O first, so a model with nothing to go on tags nothing. */
const PREVIOUS = [O, B, I] as const;

/** The best tag path; `path` and the work arrays are reused across calls in training. */
function viterbi(
  em: Float64Array,
  trans: Int32Array | Float32Array,
  n: number,
  path = new Uint8Array(n),
  score = new Float64Array(n * TAGS),
  back = new Uint8Array(n * TAGS),
): Uint8Array {
  for (let y = 0; y < TAGS; y++) score[y] = y === I ? Number.NEGATIVE_INFINITY : trans[TAGS * TAGS + y]! + em[y]!;
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < TAGS; y++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = O;
      for (const p of PREVIOUS) {
        if (!allowed(p, y)) continue;
        const s = score[(i - 1) * TAGS + p]! + trans[p * TAGS + y]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * TAGS + y] = best + em[i * TAGS + y]!;
      back[i * TAGS + y] = arg;
    }
  }
  let y: number = O;
  for (let t = 0; t < TAGS; t++) if (score[(n - 1) * TAGS + t]! > score[(n - 1) * TAGS + y]!) y = t;
  for (let i = n - 1; i >= 0; i--) {
    path[i] = y;
    y = back[i * TAGS + y]!;
  }
  return path;
}

const logAdd = (a: number, b: number) =>
  a === Number.NEGATIVE_INFINITY
    ? b
    : b === Number.NEGATIVE_INFINITY
      ? a
      : Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));

/**
 * Perceptron scores have no scale of their own; read as a linear-chain CRF at this temperature, the probability of a
 * span tracks how often it is right (fitted by cross-validation on the corpus: .scratch/tagger/cv.ts).
 */
const TEMPERATURE = 4;

/** Probability of exactly the span [from, to] being the product mention, by forward-backward. */
function spanProbability(
  em: Float64Array,
  trans: Float64Array | Float32Array,
  n: number,
  from: number,
  to: number,
): number {
  const T = TEMPERATURE;
  const e = (i: number, y: number) => em[i * TAGS + y]! / T;
  const tr = (p: number, y: number) => (allowed(p, y) ? trans[p * TAGS + y]! / T : Number.NEGATIVE_INFINITY);
  const alpha = new Float64Array(n * TAGS).fill(Number.NEGATIVE_INFINITY);
  for (let y = 0; y < TAGS; y++)
    alpha[y] = (y === I ? Number.NEGATIVE_INFINITY : trans[TAGS * TAGS + y]! / T) + e(0, y);
  for (let i = 1; i < n; i++)
    for (let y = 0; y < TAGS; y++) {
      let s = Number.NEGATIVE_INFINITY;
      for (let p = 0; p < TAGS; p++) s = logAdd(s, alpha[(i - 1) * TAGS + p]! + tr(p, y));
      alpha[i * TAGS + y] = s + e(i, y);
    }
  const beta = new Float64Array(n * TAGS).fill(0);
  for (let i = n - 2; i >= 0; i--)
    for (let y = 0; y < TAGS; y++) {
      let s = Number.NEGATIVE_INFINITY;
      for (let q = 0; q < TAGS; q++) s = logAdd(s, tr(y, q) + e(i + 1, q) + beta[(i + 1) * TAGS + q]!);
      beta[i * TAGS + y] = s;
    }
  let z = Number.NEGATIVE_INFINITY;
  for (let y = 0; y < TAGS; y++) z = logAdd(z, alpha[(n - 1) * TAGS + y]!);
  // B at `from`, I through `to`, then anything but I.
  let s = alpha[from * TAGS + B]!;
  for (let i = from + 1; i <= to; i++) s += tr(i === from + 1 ? B : I, I) + e(i, I);
  const last = to === from ? B : I;
  if (to === n - 1) return Math.exp(s - z);
  let tail = Number.NEGATIVE_INFINITY;
  for (const q of [B, O]) tail = logAdd(tail, tr(last, q) + e(to + 1, q) + beta[(to + 1) * TAGS + q]!);
  return Math.exp(s + tail - z);
}

/** How often a product word's own features are hidden in training, and where they are among its features. */
const HIDE = 0.3;
const IDENTITY = [1, 2, 4, 5, 6];

/** Deterministic shuffling, so the same corpus always trains the same model. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainProductTagger(examples: ProductExample[], options: TaggerOptions = {}): ProductTagger {
  const isProductNoun = options.isProductNoun ?? (() => false);
  const epochs = options.epochs ?? 6;
  const sym: Symbols = { ids: new Map(), features: featureIds(), frozen: false, words: new Map(), isProductNoun };
  const data: Array<{ feats: Features; gold: Uint8Array }> = [];
  let longest = 1;
  for (const ex of examples) {
    const tokens = tokenise(ex.text);
    if (tokens.length === 0) continue;
    const gold = labelTags(ex.text, tokens, ex.product);
    if (!gold) continue;
    data.push({ feats: featuresOf(tokens, sym), gold: Uint8Array.from(gold) });
    longest = Math.max(longest, tokens.length);
  }
  const nEmit = sym.features.size * TAGS;
  sym.features.frozen = true;
  // Averaging by the usual trick: w holds the current weights, acc the updates weighted by when they happened.
  // Perceptron weights are whole numbers until averaged: 32-bit integers halve what training reads per epoch.
  const w = new Int32Array(nEmit + (TAGS + 1) * TAGS);
  const acc = new Float64Array(w.length);
  const trans = w.subarray(nEmit);
  const random = seeded(7);
  const order = data.map((_, i) => i);
  const scores = new Float64Array(longest * TAGS);
  const hidden = new Uint8Array(longest);
  const work = {
    path: new Uint8Array(longest),
    score: new Float64Array(longest * TAGS),
    back: new Uint8Array(longest * TAGS),
  };
  const update = (at: number, by: number, c: number) => {
    w[at]! += by;
    acc[at]! += by * c;
  };
  let c = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { feats, gold } = data[k]!;
      const { slots, offsets } = feats;
      const n = gold.length;
      // Names the model would learn by heart are hidden now and then, so it learns what a product mention looks like
      // around a name it has never seen (the first features of a token are its word, stem, shape, prefix, suffixes).
      for (let i = 0; i < n; i++) hidden[i] = gold[i] !== O && random() < HIDE ? 1 : 0;
      emissions(w, feats, scores);
      for (let i = 0; i < n; i++) {
        if (!hidden[i]) continue;
        for (const at of IDENTITY) {
          const slot = slots[offsets[i]! + at]! * TAGS;
          for (let y = 0; y < TAGS; y++) scores[i * TAGS + y]! -= w[slot + y]!;
        }
      }
      const guess = viterbi(scores, trans, n, work.path, work.score, work.back);
      let prevG = TAGS;
      let prevP = TAGS;
      for (let i = 0; i < n; i++) {
        const g = gold[i]!;
        const p = guess[i]!;
        if (g !== p) {
          for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
            if (hidden[i] && IDENTITY.includes(f - offsets[i]!)) continue;
            update(slots[f]! * TAGS + g, 1, c);
            update(slots[f]! * TAGS + p, -1, c);
          }
        }
        if (g !== p || prevG !== prevP) {
          update(nEmit + prevG * TAGS + g, 1, c);
          update(nEmit + prevP * TAGS + p, -1, c);
        }
        prevG = g;
        prevP = p;
      }
      c++;
    }
  }
  const averaged = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) averaged[i] = w[i]! - acc[i]! / c;
  const model: Model = { emit: averaged.subarray(0, nEmit), trans: averaged.subarray(nEmit) };
  sym.frozen = true;
  return {
    tag(text) {
      const tokens = tokenise(text);
      if (tokens.length === 0) return [];
      const scores = emissions(model.emit, featuresOf(tokens, sym), new Float64Array(tokens.length * TAGS));
      const path = viterbi(scores, model.trans, tokens.length);
      const out: TaggedProduct[] = [];
      for (let i = 0; i < path.length; i++) {
        if (path[i] !== B) continue;
        let j = i;
        while (j + 1 < path.length && path[j + 1] === I) j++;
        const start = tokens[i]!.start;
        const end = tokens[j]!.end;
        out.push({
          value: text.slice(start, end),
          confidence: spanProbability(scores, model.trans, tokens.length, i, j),
          start,
          end,
        });
      }
      return out;
    },
  };
}

const PRODUCT_CORPUS = fileURLToPath(new URL('./corpus/products/', import.meta.url));

/** Every `corpus/products/*.jsonl` line with a text and a product (string or null); malformed lines are skipped. */
export function loadProductCorpus(dir = PRODUCT_CORPUS): ProductExample[] {
  const out: ProductExample[] = [];
  for (const row of corpusRows(dir)) {
    const product = row.product;
    if (typeof row.text === 'string' && (product === null || typeof product === 'string'))
      out.push({ text: row.text, product });
  }
  return out;
}
