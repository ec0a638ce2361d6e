import { normaliseValue } from '../../normalize.js';
import type { FieldDefinition, FieldOption } from '../../types.js';
import { conceptModel, type Posterior, posterior } from './classifier.js';
import { CONCEPTS, type ConceptHit, conceptById, findConcepts, negatedMention, onlyHosts } from './concepts.js';
import { escapeRegExp, fold, stem, words } from './text.js';
import { evidenceOf, isFact, type Transcript, type Turn } from './transcript.js';

/** What an option's hint says about it, read with the same concept lexicon as the conversation. */
export interface OptionProfile {
  option: FieldOption;
  /** Concepts named in the "use when/for …" part. */
  positive: Set<string>;
  /** "not for X (Other option)": concepts that belong to another option instead. */
  redirects: Array<{ concepts: Set<string>; to: string | null; all: boolean }>;
  /** "… even if the customer wants a refund or replacement": once this option's own problem is evidenced, these
   * concepts (the remedy asked for) stop pointing at other options. */
  absorbs: Set<string>;
  /** "questions without a concrete problem": loses to any option backed by an actual problem. */
  noProblem: boolean;
  /** Words of the option value, for conversations that name it outright ("a billing question"). */
  valueWords: string[];
  /** Word stems of the value and the "use when/for …" part, for words the concept lexicon does not know. */
  stems: Set<string>;
}

const HINT_STOP = new Set(
  (
    'use when where with without that this they them their there about from into onto over under only also even ' +
    'customer customers wants want needs need item items order orders product products problem problems issue issues ' +
    'question questions help something anything thing things existing concrete other another already after before while which what pick ' +
    'option options main kind fits best case cases request requests requester employee employees people person ' +
    'for and not the any are but can has have had was were been being does doesn did work works working'
  ).split(/\s+/),
);

export { stem };

function stemsOf(folded: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(folded)) {
    if (w.length < 4 || HINT_STOP.has(w) || /\d/.test(w)) continue;
    out.add(stem(w));
  }
  return out;
}

const profiles = new WeakMap<FieldDefinition, OptionProfile[]>();

export function profileOptions(field: FieldDefinition): OptionProfile[] {
  const cached = profiles.get(field);
  if (cached) return cached;
  const options = field.options ?? [];
  const result = options.map((option) => profileOption(option, options));
  profiles.set(field, result);
  return result;
}

function conceptsInHint(folded: string): Set<string> {
  const found = new Set<string>();
  for (const hit of findConcepts(folded)) found.add(hit.id);
  for (const concept of CONCEPTS) {
    if (concept.keywords.some((k) => new RegExp(`(?:^|[^a-z0-9])${escapeRegExp(fold(k))}(?:$|[^a-z0-9])`).test(folded)))
      found.add(concept.id);
  }
  // "lost or stolen devices" is a security matter, not a lost parcel.
  if (found.has('lost_device')) {
    found.delete('lost');
    found.delete('not_arrived');
  }
  return found;
}

function profileOption(option: FieldOption, all: FieldOption[]): OptionProfile {
  const hint = fold(option.hint ?? '');
  // "… even if the customer wants a refund" widens the option; it does not make refunds a reason to pick it.
  const [positivePart = '', ...negativeParts] = hint.split(/\s+\/\s+|;\s*(?=not\b)|\.\s*(?=not\b)/);
  const positiveText = positivePart.replace(/\beven if\b[^/]*$/, '');
  const positive = conceptsInHint(positiveText);
  const evenIf = /\beven if\b([^/]*)$/.exec(positivePart)?.[1] ?? '';
  const absorbs = evenIf ? conceptsInHint(evenIf) : new Set<string>();
  for (const id of positive) absorbs.delete(id);
  const redirects: OptionProfile['redirects'] = [];
  const noProblem =
    /\bwithout (?:a |any )?(?:concrete |actual |real )?problem|\bnothing (?:is )?(?:wrong|broken|blocked)\b/.test(
      positiveText,
    );
  for (const part of negativeParts) {
    // "not for faulty or broken items (Product defect) or wrong charges (Billing)": one redirect per named option.
    const re = /([^()]*)\(([^)]+)\)/g;
    let rest = part;
    for (let m = re.exec(part); m !== null; m = re.exec(part)) {
      const target = all.find((o) => fold(o.value) === fold(m![2] ?? '').trim());
      const concepts = conceptsInHint(m[1] ?? '');
      for (const id of positive) concepts.delete(id);
      // "faulty or broken items" redirects on either word; "refunds of a returned product" only on both.
      if (concepts.size) redirects.push({ concepts, to: target?.value ?? null, all: !/\bor\b/.test(m[1] ?? '') });
      rest = rest.replace(m[0], ' ');
    }
    const leftover = conceptsInHint(rest);
    for (const id of positive) leftover.delete(id);
    if (leftover.size) redirects.push({ concepts: leftover, to: null, all: !/\bor\b/.test(rest) });
  }
  return {
    option,
    positive,
    redirects,
    absorbs,
    noProblem,
    valueWords: words(fold(option.value)).filter((w) => w.length > 2),
    stems: stemsOf(`${fold(option.value)} ${positiveText}`),
  };
}

export interface ConceptEvidence {
  /** Accumulated strength per concept, already weighted by who said it. */
  strength: Map<string, number>;
  /** Turns behind each concept. */
  turns: Map<string, Turn[]>;
  /** Strength of problem concepts stated as facts (not asked about). */
  problem: number;
  /** A customer states that something is wrong in plain words ("it's not working", "can't", "missing"). */
  plainProblem: boolean;
  /**
   * The first customer turn that says so in a sentence with content of its own ("instead of 6 skeins in Sage I got 6 in
   * Mustard"), not a bare "I have a problem": the problem is stated there even when no concept names it.
   */
  statedProblem: Turn | null;
  /** A customer asks a real question (not "anyone there?"). */
  plainQuestion: boolean;
  /** The customer wrote something with content (not a greeting, a stall or "I have a question about…"). */
  substantive: boolean;
  /** Word stems of the customer's own statements, with the turns that hold them. */
  stems: Map<string, Turn>;
  /** Concepts only the learned classifier read (no lexicon pattern): enough to pick a category, not to raise priority. */
  learnedOnly: Set<string>;
  /** Sentences whose learned reading named no single concept surely enough: what they may still say about a category. */
  readings: LearnedReading[];
}

/** The classifier's spread over concepts for one sentence, kept for options that several of its concepts point to. */
export interface LearnedReading {
  /** Concepts with a posterior worth counting, and how likely each is. */
  concepts: Array<[string, number]>;
  /** Posterior of `none` (no problem named). */
  none: number;
  /** The sentence's weight by who said it, as for lexicon hits. */
  factor: number;
  /** Concepts the lexicon found in the sentence: an option they already back gains nothing more from it. */
  lexicon: string[];
  turn: Turn;
  /** The sentence asks something ("does that get taken off or do I pay the full year?") rather than stating it. */
  asking: boolean;
}

const PROBLEM_NOUN = /\b(?:problems?|issues?|trouble|problemas?|problemes?|probleme?|fehler|erreur|errore|probleem)\b/g;
const PLAIN_PROBLEM =
  /\b(?:not working|doesn'?t work|does not work|isn'?t working|stopped|broken|problem|issue|wrong|can'?t|cannot|can not|won'?t|unable to|hasn'?t|haven'?t|didn'?t|never|failed|fails|failing|stuck|missing|disappeared|vanished|gone missing|gone from (?:my|the|our)|no longer|damaged|defective|instead of|went wrong|not \w+ing)\b|\bne \w+ plus\b|\bya no\b|\bnicht mehr\b|\b(?:no (?:recib|envi|carg|abr|guard|sincroniz)\w*|nao (?:receb|envi|carreg|abr|salv|sincroniz)\w*|no funciona|no puedo|no (?:se )?(?:mueve|carga|enciende|sirve)|no (?:ha )?llega\w*|nicht|kein\w*|n'arrive|ne \w+ pas|nao (?:funciona|consigo|chegou)|problema|fehler|erreur)\b/;
// "could you resend the invoice? I can't find the email", "ich finde die Rechnung nicht": the reason a paper is asked
// for again, no problem of its own. Folded text.
const PAPER =
  '(?:e-?mails?|mails?|messages?|invoices?|receipts?|links?|confirmations?|pdfs?|cop(?:y|ies)|statements?|correo|factura|recibo|rechnung|quittung|beleg|facture|recu|courriel|fatura|fattura|ricevuta|factuur)';
export const CANT_FIND_PAPER = new RegExp(
  `\\b(?:(?:can'?t|cannot|can not|couldn'?t) (?:seem to )?(?:find|locate)|no (?:encuentro|encontramos|consigo encontrar)|ne (?:trouve|retrouve|trouvons) (?:pas|plus)|nao (?:encontro|acho|consigo encontrar)|non (?:trovo|riesco a trovare))(?: \\S+){0,2}? ${PAPER}\\b|\\b(?:finde|finden) (?:ich |wir )?(?:\\S+ ){0,2}${PAPER} (?:\\S+ )?nicht\\b|\\b(?:kan|kunnen) (?:\\S+ ){0,2}${PAPER} niet vinden\\b`,
);
const CANT_FIND_PAPER_ALL = new RegExp(CANT_FIND_PAPER.source, 'g');
const CANCEL_IT = /\bcancel (?:it|them|that|this one)\b/;
const ORDER_NAMED = /\b(?:ordered|order|purchase|bought)\b/;
// "actually I'd rather…", "on second thought", "en fait", "en realidad", "eigentlich", "na verdade", "in realtà".
const CHANGE_OF_MIND =
  /^(?:\W*(?:oh|hmm|um|ok|okay|so|well)\W+)?(?:actually|on second thought|second thoughts|change of plan|scratch that|en fait|finalement|en realidad|pensandolo bien|mejor|eigentlich|doch lieber|na verdade|pensando bem|in realta|anzi|eigenlijk|toch liever)\b|\bi'?d rather\b|\brather (?:just )?(?:cancel|return|change|swap|exchange)\b/;
// Putting the conversation off ("hang on", "I'll have to come back to you later") says nothing about the problem.
const STALL =
  /\b(?:one sec|one moment|hang on|hold on|brb|be right back|give me a (?:sec|second|minute|moment)|(?<!(?:won'?t|doesn'?t|didn'?t|not|wouldn'?t|can'?t|will not|does not) )let me (?:find|check(?! ?out)|grab|pull|look)|pulling up|(?:come|get) back to you|i'?ll (?:have to )?(?:come back|call back|try again) later)\b/;
const COMPLAINT =
  /\b(?:why (?:was|were|did|do|does|is|are|am|have|has|hasn'?t|haven'?t|isn'?t|didn'?t|would|on earth)|how come)\b|\bpor que (?:me )?(?:cobra|han|no)\b|\bwarum (?:wurde|wurden|habe|ist)\b|\bpourquoi (?:ai-je|j'ai|est-ce|mon)\b|\bpor que (?:fui|foi)\b/;
const WHEN_CLAUSE =
  /^(?:\W*(?:and|so|but|also|ok|hi|hey)\W+)*(?:when|whenever|every time|each time|cuando|wenn|quand|quando)\s+(?:i|we|you|my|our|the|it|they|i'm|im|yo|ich|je|j'|eu)\b/;
const PRESENCE = /\b(?:anyone|anybody|someone|somebody|you) (?:there|around|here|available|still there|online)\b/;

// "a question about my order", "something weird with my account", "una pregunta sobre mi pedido", "eine Frage zu meiner
// Bestellung": a topic, no problem.
const VAGUE =
  /\b(?:a |one )?(?:question|help|something|issue|problem|query)(?: (?:weird|odd|strange|funny|off))?(?: going on| happening)? (?:about|with|regarding|concerning|on) (?:my |an? |the |our )?\w+[\s?!.]*$|\bit'?s about (?:my|an?|the|our)\b|\b(?:pregunta|duda|consulta|frage|question|duvida|pergunta|domanda|vraag|problema|probleme)\b (?:sobre|sul|sulla|zu|zur|zum|concernant|sur|a propos de|por|over|con|mit|avec|com|mit)\s+(?:(?:mi|mis|meiner|meinem|meine|ma|mon|mes|o|a|meu|minha|il|la|mio|mia|mijn|el|la|de)\s+){0,2}[\w-]+\s*$/;

// "hoping someone can help with a protection plan claim", "ayuda con una reclamación de garantía": a topic of a few words,
// no problem, when none of its words names one.
const VAGUE_TOPIC =
  /\b(?:help|question|query|issue|problem)s? (?:with|about|regarding|concerning|on) (?:my |an? |the |our )?(?:[\w-]+ ){1,2}[\w-]+[\s?!.]*$|\b(?:ayuda|pregunta|duda|consulta|hilfe|frage|aide|question|ajuda|duvida|pergunta|aiuto|domanda|hulp|vraag)\b (?:con|sobre|mit|zu|zur|zum|avec|sur|com|sobre|con|su|met|over)\s+(?:(?:mi|mis|una?|el|la|meiner|meinem|meine|einer|einem|ma|mon|une?|o|a|meu|minha|uma?|il|la|mio|mia|mijn|een|de)\s+){0,2}(?:[\w-]+\s+){1,2}[\w-]+\s*[?!.]*$/;

// A need stated before the question mark, or a request phrased politely as one ("could you install…?").
const STATES_NEED =
  /\b(?:i|we) (?:need|want|would like|'d like|have to|must)\b|\b(?:necesito|quiero|ich mochte|ich muss|je veux|je dois|preciso|quero)\b|^(?:\W*(?:hi|hey|hello|hiya|ok|so|also|please)\b[\s,!.]*)*(?:can|could|would|will) (?:you|someone|somebody|anyone|u|i get|i have|we get|we have)\b|\bplease\b|\bpls\b|\bwhere(?:'s| is| are) my\b/;

/**
 * What an agent's statement adds is mostly what the customer said; what it can add on its own is a finding ("that's a
 * swollen battery", "your account was compromised", "it hasn't shipped yet"). Scanning only those keeps long threads
 * cheap.
 */
const AGENT_CONCEPTS: ReadonlySet<string> = new Set([
  'unsafe',
  'phishing',
  'compromised',
  'malware',
  'lost_device',
  'wrong_charge',
  'double_charge',
  'not_shipped',
  'outage',
  'faulty',
  'damaged',
  'missing_parts',
  'locked',
  'hacked',
  'return',
  'exchange',
  'refund',
  'order_change',
  'cancel',
  'late',
  'lost',
  'stuck_transit',
  'not_received',
  'wrong_place',
  'crash',
  'sync',
  'mail',
  'calendar',
  'vpn',
  'wifi',
  'network',
  'access_request',
  'install',
  'hardware',
]);

/** Words that announce a message without saying anything yet: "hi there, quick question, or maybe not so quick". */
const ANNOUNCING = new Set(
  (
    'hi hey hello hiya there morning evening afternoon good quick question questions query small one little just got ' +
    'have a an i or maybe not so really sec second minute moment you yo ok okay also another help need please thanks'
  ).split(' '),
);

/** The customer has written only a few words beyond greetings and announcements ("hey, got a sec?", "it's outlook again"). */
export function saysLittle(t: Transcript): boolean {
  let count = 0;
  for (const turn of t.usable) {
    if (turn.role !== 'customer') continue;
    count += words(turn.folded).filter((w) => !ANNOUNCING.has(w)).length;
  }
  return count < 5;
}

function onlyAnnounces(folded: string): boolean {
  const ws = words(folded);
  return ws.length > 0 && ws.every((w) => ANNOUNCING.has(w));
}

/** The learned reading counts less than a phrase the lexicon knows, and only when it is fairly sure. */
const LEARNED_WEIGHT = 0.5;
const LEARNED_MIN_PROBABILITY = 0.6;
/** An option the concepts of one reading add up to this much for (in 5-fold cross-validation of the corpus, a summed
 * posterior of 0.45 named the right category ~96% of the time, and 1% of the no-problem lines reached it). */
const READING_MIN_SUM = 0.45;
/** Below this much posterior on this field's concepts and small talk, a reading is about something else entirely. */
const READING_MIN_KNOWN = 0.1;
/** However much of the rest it is, an option needs this much of the whole reading: 0.3 of a diffuse 0.5 is no verdict. */
const READING_MIN_OWN = 0.4;
/** The same, in a sentence where a pattern already read a topic of this field. */
const READING_OVER_TOPIC = 0.6;

/** What the corpus-trained classifier reads in a sentence the lexicon found nothing of that kind in. */
function learnedConcept(post: Posterior | null, hits: readonly ConceptHit[], folded: string): ConceptHit | null {
  if (!post || post.known < 2) return null;
  const label = topLabel(post);
  const probability = post.probabilities[post.labels.indexOf(label)]!;
  if (label === 'none' || probability < LEARNED_MIN_PROBABILITY) return null;
  if (hits.some((h) => h.id === label) || !conceptById(label) || negatedMention(folded, label)) return null;
  if (onlyHosts(folded, label)) return null;
  return { id: label, at: 0 };
}

function topLabel(post: Posterior): string {
  let best = 0;
  for (let i = 1; i < post.probabilities.length; i++) if (post.probabilities[i]! > post.probabilities[best]!) best = i;
  return post.labels[best]!;
}

/** The classifier is this sure of a concept the lexicon did not find (right ~98% of the time in cross-validation). */
const SURE_PROBABILITY = 0.9;
const DOUBTED_WEIGHT = 0.5;

function sureOf(post: Posterior, id: string): boolean {
  return post.known >= 4 && post.probabilities[post.labels.indexOf(id)]! >= SURE_PROBABILITY;
}

/** The classifier knows the concept and gives it next to no chance in this sentence. */
function doubts(post: Posterior, id: string): boolean {
  const i = post.labels.indexOf(id);
  return i >= 0 && post.probabilities[i]! < 0.02;
}

/** Most of the reading is problems the lexicon knows by name, and little of it is small talk. */
function namesProblem(r: LearnedReading): boolean {
  let sum = 0;
  for (const [id, p] of r.concepts) if (conceptById(id)?.problem) sum += p;
  return sum >= 0.5 && r.none < 0.2;
}

/** Concepts below this posterior are noise in a reading. */
const READING_FLOOR = 0.03;

function readingOf(
  post: Posterior | null,
  factor: number,
  hits: readonly ConceptHit[],
  turn: Turn,
  folded: string,
  asking: boolean,
): LearnedReading | null {
  if (!post || post.known < 2) return null;
  const concepts: Array<[string, number]> = [];
  let none = 0;
  post.labels.forEach((label, i) => {
    const p = post.probabilities[i]!;
    if (label === 'none') none = p;
    else if (p >= READING_FLOOR && conceptById(label) && !negatedMention(folded, label)) concepts.push([label, p]);
  });
  return concepts.length ? { concepts, none, factor, lexicon: hits.map((h) => h.id), turn, asking } : null;
}

/** Reads every usable turn once: who said what, questions discounted, side questions and injections ignored. */
export function gatherConcepts(t: Transcript): ConceptEvidence {
  const strength = new Map<string, number>();
  const turns = new Map<string, Turn[]>();
  let problem = 0;
  let plainProblem = false;
  let statedProblem: Turn | null = null;
  let plainQuestion = false;
  let substantive = false;
  const stems = new Map<string, Turn>();
  let firstProblemTurn: Turn | null = null;
  const learnedIds = new Set<string>();
  const lexiconIds = new Set<string>();
  const readings: LearnedReading[] = [];
  for (const turn of t.usable) {
    if (turn.offTopic) continue;
    const seen = new Map<string, number>();
    for (const sentence of turn.sentences) {
      const customer = turn.role === 'customer';
      if (!customer && !isFact(turn, sentence)) continue;
      // "it's about my order", "one sec, pulling up the error": a topic or a stall names no problem yet.
      const vague =
        VAGUE.test(sentence.folded) ||
        (VAGUE_TOPIC.test(sentence.folded) && findConcepts(sentence.folded).length === 0);
      if (vague || (customer && (STALL.test(sentence.folded) || onlyAnnounces(sentence.folded)))) continue;
      // "when I click pay the button greys out": a when-clause without a question mark describes what happens.
      const question =
        sentence.question && !(customer && WHEN_CLAUSE.test(sentence.folded) && !/\?/.test(sentence.text));
      // "if something doesn't fit, can I return it?" is hypothetical: it names no problem the customer has.
      const hypothetical =
        customer && /\b(?:if|in case|what if|suppose|si|wenn|falls|caso)\b/.test(sentence.folded) && question;
      // "I need to return an item, can you help?" states a need before it asks.
      // "Why was I charged twice?" complains about a problem; it does not ask for information.
      const complaint = customer && question && COMPLAINT.test(sentence.folded);
      // "I can see you were charged twice, is that right?" - "yes exactly": what the customer confirms is theirs.
      const affirmed =
        !customer && turn.role === 'agent' && turn.confirmed && (question || /\?\s*$/.test(sentence.text));
      const asking = question && !complaint && !affirmed && !STATES_NEED.test(sentence.folded);
      const base =
        turn.index < 0 || affirmed ? 1 : customer ? (hypothetical ? 0.2 : 1) : turn.role === 'agent' ? 0.5 : 0.3;
      // The customer's opening statement of the problem usually is the case; later turns add detail or drift.
      const opening = customer && (firstProblemTurn === null || firstProblemTurn === turn) ? 1.3 : 1;
      if (customer) {
        const sentenceStems = stemsOf(sentence.folded);
        if (!hypothetical) for (const s of sentenceStems) if (!stems.has(s)) stems.set(s, turn);
        const plain =
          !question && !hypothetical && PLAIN_PROBLEM.test(sentence.folded.replace(CANT_FIND_PAPER_ALL, ' '));
        if (plain) plainProblem = true;
        const content =
          !hypothetical &&
          sentence.folded.split(/\s+/).length >= 6 &&
          sentenceStems.size >= 2 &&
          !STALL.test(sentence.folded) &&
          !PRESENCE.test(sentence.folded);
        if (content) substantive = true;
        // "ho un problema con un ordine" announces a problem without saying what it is.
        if (
          plain &&
          content &&
          statedProblem === null &&
          PLAIN_PROBLEM.test(sentence.folded.replace(PROBLEM_NOUN, ' '))
        )
          statedProblem = turn;
        // "can you help me?" is not a question about anything yet: it needs two words with content.
        // "…want to bring my cello in the cabin. Can I buy a seat for it?": a short question about what the turn
        // already described is a real question too.
        if (
          question &&
          !PRESENCE.test(sentence.folded) &&
          (sentenceStems.size >= 2 || (sentenceStems.size >= 1 && stemsOf(turn.folded).size >= 5))
        )
          plainQuestion = true;
      }
      const found = findConcepts(sentence.folded, customer || turn.index < 0 ? undefined : AGENT_CONCEPTS);
      // "actually I'd rather cancel it. I ordered the grinder but …": "it" is the order the turn names.
      const hits =
        customer &&
        CANCEL_IT.test(sentence.folded) &&
        ORDER_NAMED.test(turn.folded) &&
        !found.some((h) => h.id === 'cancel')
          ? [...found, { id: 'cancel', at: sentence.folded.search(CANCEL_IT) }]
          : found;
      const post = customer || turn.index < 0 ? posterior(conceptModel(), sentence.text) : null;
      const learned = learnedConcept(post, hits, sentence.folded);
      if (post && !learned) {
        const reading = readingOf(post, base * opening * (asking ? 0.6 : 1), hits, turn, sentence.folded, asking);
        if (reading) readings.push(reading);
        // "my broadband has been cutting out every evening": a problem no pattern knows still opens the case, so a
        // later "also I'd like a refund" is the side remark it is.
        if (customer && firstProblemTurn === null && !question && reading && namesProblem(reading))
          firstProblemTurn = turn;
      }
      // "quiero cancelar mi suscripción": a short request that names what it is about says enough.
      if (
        customer &&
        !substantive &&
        !hypothetical &&
        STATES_NEED.test(sentence.folded) &&
        hits.some((h) => (conceptById(h.id)?.weight ?? 0) >= 2)
      )
        substantive = true;
      const sure = post && learned ? sureOf(post, learned.id) : false;
      for (const hit of learned ? [...hits, learned] : hits) {
        const concept = conceptById(hit.id);
        (hit === learned ? learnedIds : lexiconIds).add(hit.id);
        // A reading the classifier is very sure of counts like a pattern, and a pattern it sees nothing of (one word
        // of a sentence about something else) counts less.
        const learnedWeight = sure ? 1 : LEARNED_WEIGHT;
        const doubted = sure && hit !== learned && doubts(post!, hit.id) ? DOUBTED_WEIGHT : 1;
        // Asking about something is how questions and requests are put; it only weakens a problem ("is it broken?").
        const factor =
          base * opening * (asking && concept?.problem ? 0.6 : 1) * (hit === learned ? learnedWeight : doubted);
        seen.set(hit.id, Math.max(seen.get(hit.id) ?? 0, factor));
        if (customer && concept && (concept.problem || concept.weight >= 2) && firstProblemTurn === null)
          firstProblemTurn = turn;
        if (concept?.problem && ((customer && (!question || complaint)) || affirmed))
          problem += concept.weight * (hit === learned ? learnedWeight : doubted);
      }
    }
    for (const [id, factor] of seen) {
      const prev = strength.get(id);
      // Repetition adds a little: the main complaint comes back, a passing mention does not.
      strength.set(id, prev === undefined ? factor : Math.max(prev, factor) + Math.min(prev, factor) * 0.25);
      const list = turns.get(id) ?? [];
      list.push(turn);
      turns.set(id, list);
    }
  }
  const learnedOnly = new Set([...learnedIds].filter((id) => !lexiconIds.has(id)));
  return {
    strength,
    turns,
    problem,
    plainProblem,
    statedProblem,
    plainQuestion,
    substantive,
    stems,
    learnedOnly,
    readings,
  };
}

export interface ChoiceResult {
  value: string | null;
  confidence: number;
  evidence: string[];
  score: number;
}

export interface ChoiceOptions {
  /** Minimum winning score; below it the field is unknown. */
  threshold?: number;
  phoneRegion?: string;
}

/** Scores each option from the concepts its hint names, follows "not for … (Other)" redirects, abstains when weak. */
export function scoreChoice(
  field: FieldDefinition,
  t: Transcript,
  ev: ConceptEvidence,
  options: ChoiceOptions = {},
): ChoiceResult {
  const threshold = options.threshold ?? 2;
  const profiles = profileOptions(field);
  const df = new Map<string, number>();
  for (const p of profiles) for (const id of p.positive) df.set(id, (df.get(id) ?? 0) + 1);
  const gains = new Map<string, number[]>(profiles.map((p) => [p.option.value, []]));
  const penalties = new Map<string, number>();
  const support = new Map<string, Set<Turn>>(profiles.map((p) => [p.option.value, new Set<Turn>()]));
  const add = (value: string, amount: number, from: Turn[] = []) => {
    if (amount < 0) {
      penalties.set(value, (penalties.get(value) ?? 0) - amount);
      return;
    }
    gains.get(value)?.push(amount);
    for (const turn of from) support.get(value)?.add(turn);
  };
  // "Product defect … even if the customer wants a refund": a damaged item that the customer wants money back for is
  // still a defect, so the refund talk no longer scores for the refunds option.
  const absorbed = new Map<string, string>();
  const verdicts = readingVerdicts(profiles, ev);
  for (const p of profiles) {
    if (!p.absorbs.size) continue;
    // The customer's own words read as this option's problem ("the zip has come away from the fabric after a week"),
    // by a pattern or by the classifier.
    const own =
      [...p.positive].some(
        (id) => (ev.strength.get(id) ?? 0) >= 0.6 && conceptById(id)?.problem && (conceptById(id)?.weight ?? 1) >= 2,
      ) || verdicts.some((v) => v.value === p.option.value && v.turn.role === 'customer');
    if (own) for (const id of p.absorbs) if (!absorbed.has(id)) absorbed.set(id, p.option.value);
  }
  // Money back for a charge, with nothing going back to the shop, is about the charge: the refund talk belongs to the
  // option whose hint is about charges ("I was charged for damage that was already there; I want the refund").
  const itemGoesBack = ['return', 'exchange', 'wrong_item', 'doesnt_fit', 'not_liked'].some(
    (id) => (ev.strength.get(id) ?? 0) >= 0.6,
  );
  const charges = profiles.find((p) => p.positive.has('charge') && !p.positive.has('refund'));
  // "I cancelled my subscription and you've just taken £18.50 again … I want that money back": what the charge is for,
  // or a reading of a wrong charge in the customer's words, says it as well as the word "charge".
  const chargeSaid =
    charges !== undefined &&
    ((ev.strength.get('charge') ?? 0) >= 1 ||
      [...charges.positive].some((id) => (conceptById(id)?.weight ?? 1) >= 2 && (ev.strength.get(id) ?? 0) >= 1) ||
      verdicts.some((v) => v.value === charges.option.value && v.turn.role === 'customer'));
  if (!itemGoesBack && !absorbed.has('refund') && chargeSaid) absorbed.set('refund', charges.option.value);
  // "our internet has been down since Friday": on a desk with no option for networks or outages, a connection or
  // service that is down is what the option for things that do not work is about.
  const worksOption = profiles.find((p) => p.positive.has('not_working'));
  const downIds = worksOption
    ? ['outage', 'network', 'wifi', 'vpn'].filter(
        (id) =>
          !profiles.some((p) => p.positive.has(id)) &&
          (ev.strength.get(id) ?? 0) >= 0.6 &&
          (ev.turns.get(id) ?? []).some((x) => x.role === 'customer'),
      )
    : [];
  // "my order is over an hour late … I want a refund of the delivery fee": money back asked for after a problem of
  // another option was stated, with nothing going back, is the remedy for that problem, not a return.
  const refundOption = profiles.find((p) => p.positive.has('refund'));
  const refundTurns = (ev.turns.get('refund') ?? []).filter((x) => x.role === 'customer');
  if (refundOption && refundTurns.length && !itemGoesBack && !absorbed.has('refund')) {
    const firstAsk = Math.min(...refundTurns.map((x) => x.index));
    const statedBefore = (id: string) =>
      (ev.strength.get(id) ?? 0) >= 0.6 &&
      (ev.turns.get(id) ?? []).some((x) => x.role === 'customer' && x.index < firstAsk);
    const owner =
      profiles.find(
        (p) =>
          p !== refundOption &&
          [...p.positive].some(
            (id) => conceptById(id)?.problem && (conceptById(id)?.weight ?? 1) >= 2 && statedBefore(id),
          ),
      ) ?? (downIds.some(statedBefore) ? worksOption : undefined);
    if (owner) absorbed.set('refund', owner.option.value);
  }
  // "it ships on Thursday", "I see it hasn't shipped yet": what cannot be sent back yet is changed or cancelled, so a
  // swap, a size that is wrong, an item no longer wanted or money back belong to the option for orders not shipped,
  // unless the item is said to be broken or wrong (then it has arrived).
  const unshipped = profiles.find((p) => p.positive.has('not_shipped'));
  if (
    unshipped &&
    (ev.strength.get('not_shipped') ?? 0) >= 0.5 &&
    !['faulty', 'broken', 'damaged', 'missing_parts', 'wrong_item', 'not_received', 'late', 'lost'].some(
      (id) => (ev.strength.get(id) ?? 0) >= 0.6,
    )
  )
    for (const id of ['exchange', 'return', 'doesnt_fit', 'not_liked', 'refund'])
      if (!absorbed.has(id)) absorbed.set(id, unshipped.option.value);
  // "Video doorbell has stopped saving motion clips" in the summary of a bot that set Technical issue: the bot's category
  // already reads its own summary, so what only the summary says does not outvote it.
  const botChoice = escalationChoice(field, t, options.phoneRegion);
  const summaryOnly = (id: string) => botChoice !== null && (ev.turns.get(id) ?? []).every((x) => x.index < 0);
  for (const p of profiles) {
    for (const id of p.positive) {
      const s = ev.strength.get(id);
      if (!s || (p.option.value !== botChoice && summaryOnly(id))) continue;
      const owner = absorbed.get(id);
      if (owner && owner !== p.option.value) continue;
      const weight = conceptById(id)?.weight ?? 1;
      add(p.option.value, (s * weight) / Math.sqrt(df.get(id) ?? 1), ev.turns.get(id));
    }
    for (const redirect of p.redirects) {
      const telling = [...redirect.concepts].filter((id) => (conceptById(id)?.weight ?? 1) >= 2);
      if (redirect.all && !telling.every((id) => (ev.strength.get(id) ?? 0) >= 0.6)) continue;
      for (const id of redirect.concepts) {
        const s = ev.strength.get(id);
        const weight = conceptById(id)?.weight ?? 1;
        // Only the customer's own words and telling concepts redirect: an agent's passing "not shipped yet" about
        // another order, or a generic "question", does not.
        // Nor does a reading only the learned classifier made: it may pick a category, not take one away.
        if (!s || s < 0.6 || weight < 2 || ev.learnedOnly.has(id)) continue;
        const amount = s * weight;
        add(p.option.value, -amount);
        // A concept another option took for itself ("it ships on Thursday": the unwanted item is an order change) is
        // not handed on to the option the hint names.
        const owner = absorbed.get(id);
        if (redirect.to && (!owner || owner === redirect.to)) add(redirect.to, amount * 0.5, ev.turns.get(id));
      }
    }
  }
  if (worksOption && downIds.length) {
    const strongest = Math.max(...downIds.map((id) => ev.strength.get(id) ?? 0));
    add(
      worksOption.option.value,
      strongest * 1.5,
      downIds.flatMap((id) => ev.turns.get(id) ?? []),
    );
  }
  // Words of the hint itself, for what the lexicon does not know ("use for gift cards" meets "my gift card"): a weak
  // signal, rarer words count more, and a word several options share counts for none.
  const stemDf = new Map<string, number>();
  for (const p of profiles) for (const s of p.stems) stemDf.set(s, (stemDf.get(s) ?? 0) + 1);
  for (const p of profiles) {
    let overlap = 0;
    const from: Turn[] = [];
    for (const s of p.stems) {
      const turn = ev.stems.get(s);
      if (!turn || (stemDf.get(s) ?? 0) > 2) continue;
      overlap += 0.6 / (stemDf.get(s) ?? 1);
      from.push(turn);
    }
    if (overlap > 0) add(p.option.value, Math.min(overlap, 1.5), from);
  }
  for (const v of verdicts) add(v.value, v.amount, [v.turn]);
  const escalated = escalationChoice(field, t, options.phoneRegion);
  // "actually I'd rather cancel it": the customer changing their mind after the bot handed over outdates the bot's pick
  // when what they now want belongs to another option.
  const changedMind = (p: OptionProfile) =>
    p.option.value !== escalated &&
    [...p.positive].some((id) =>
      (ev.turns.get(id) ?? []).some((x) => x.role === 'customer' && x.index >= 0 && CHANGE_OF_MIND.test(x.folded)),
    );
  if (escalated && !profiles.some(changedMind)) add(escalated, threshold * 1.5);
  // The strongest reason counts fully, each further one less: a phishing report that also mentions passwords and a
  // login page is about phishing, not the sum of its side topics.
  const scores = new Map<string, number>();
  for (const p of profiles) {
    const list = (gains.get(p.option.value) ?? []).sort((a, b) => b - a);
    let score = list.reduce((sum, g, i) => sum + g * 0.6 ** i, 0) - (penalties.get(p.option.value) ?? 0);
    // "Questions without a concrete problem" is what is left when nothing went wrong, not a rival to a stated problem.
    if (p.noProblem && (ev.problem >= 2.5 || ev.plainProblem)) score *= 0.2;
    scores.set(p.option.value, score);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  // With any sign of a problem, an option backed by it beats the no-problem option even on weaker evidence.
  const noProblemValues = new Set(profiles.filter((p) => p.noProblem).map((p) => p.option.value));
  if (
    ranked.length > 1 &&
    noProblemValues.has(ranked[0]![0]) &&
    (ev.problem > 0 || ev.plainProblem) &&
    ranked[1]![1] >= threshold * 0.5
  ) {
    ranked.push(ranked.shift()!);
  }
  const [best, second] = ranked;
  if (!best || best[1] < threshold) {
    // A plain question with no problem at all is what a "questions without a concrete problem" option is for; weak
    // evidence still decides when the customer plainly says something is wrong or wrote something with content.
    const inquiry = profiles.find((p) => p.noProblem);
    if (inquiry && ev.plainQuestion && !ev.plainProblem && ev.problem === 0) {
      const asked = t.usable.filter((x) => x.role === 'customer' && x.sentences.some((s) => s.question));
      return { value: inquiry.option.value, confidence: 0.45, evidence: evidenceOf(asked.slice(0, 1)), score: 0 };
    }
    if (best && ((ev.plainProblem && best[1] >= threshold * 0.5) || (ev.substantive && best[1] >= threshold * 0.3))) {
      return { value: best[0], confidence: 0.45, evidence: evidenceOf(support.get(best[0]) ?? []), score: best[1] };
    }
    return { value: null, confidence: 0, evidence: [], score: best?.[1] ?? 0 };
  }
  const margin = best[1] - Math.max(0, second?.[1] ?? 0);
  const confidence = Math.min(0.95, 0.5 + (0.45 * margin) / best[1]);
  return { value: best[0], confidence, evidence: evidenceOf(support.get(best[0]) ?? []), score: best[1] };
}

interface ReadingVerdict {
  value: string;
  amount: number;
  turn: Turn;
}

/**
 * A sentence no single concept was sure enough for may still be sure of the option: "faulty" 0.45 and "damaged" 0.2
 * both say Product defect. Counted like a learned concept, in sentences the lexicon read nothing of this field in.
 * Concepts no option of this field names (IT "hardware" read in a shop chat about a toothbrush battery) say nothing
 * about which option it is: the reading is taken among the concepts this field knows, and small talk.
 */
function readingVerdicts(profiles: OptionProfile[], ev: ConceptEvidence): ReadingVerdict[] {
  const out: ReadingVerdict[] = [];
  const named = new Set(profiles.flatMap((p) => [...p.positive]));
  for (const r of ev.readings) {
    // A pattern already read an option in this sentence: a reading no concept of which was sure does not outvote it.
    // When all it read is a topic ("the tracking", "my subscription"), what went wrong is still the reading's to say,
    // but only when it is clearly sure ("the tracking is stuck in Verona for a week"; not "payment went thru").
    const lexiconRead = r.lexicon.filter((id) => named.has(id));
    const onlyTopics = lexiconRead.every((id) => !conceptById(id)?.problem && (conceptById(id)?.weight ?? 1) < 2);
    if (lexiconRead.length > 0 && !onlyTopics) continue;
    const minOwn = lexiconRead.length > 0 ? READING_OVER_TOPIC : READING_MIN_OWN;
    let known = 1;
    for (const [id, prob] of r.concepts) if (!named.has(id)) known -= prob;
    if (known < READING_MIN_KNOWN) continue;
    let bestValue: string | null = null;
    let bestSum = 0;
    let bestWeight = 0;
    for (const p of profiles) {
      let sum = 0;
      let weighted = 0;
      for (const [id, prob] of r.concepts) {
        if (!p.positive.has(id)) continue;
        sum += prob;
        weighted += prob * (conceptById(id)?.weight ?? 1);
      }
      if (sum > bestSum) {
        bestSum = sum;
        bestValue = p.option.value;
        bestWeight = weighted / sum;
      }
    }
    if (!bestValue || bestSum < minOwn || bestSum / known < READING_MIN_SUM || bestSum <= r.none) continue;
    out.push({ value: bestValue, amount: r.factor * LEARNED_WEIGHT * bestWeight, turn: r.turn });
  }
  return out;
}

function escalationChoice(field: FieldDefinition, t: Transcript, phoneRegion?: string): string | null {
  const raw = t.escalation?.values?.[field.key];
  if (raw === undefined) return null;
  const norm = normaliseValue(field, raw, { phoneRegion });
  return norm.ok ? String(norm.value) : null;
}

/** The option a bot already set, if any: choice fields without hints (department) rely on it and on plain statements. */
export { escalationChoice };
