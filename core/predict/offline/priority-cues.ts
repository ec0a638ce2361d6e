import { fileURLToPath } from 'node:url';
import { classify, type Example, loadCorpus, type TextModel, trainTextModel } from './classifier.js';
import { fold } from './text.js';

/**
 * A naive Bayes reading of what a customer's sentence says about urgency, learned from `corpus/priority/*.jsonl`: short
 * support-chat sentences of shops, services, SaaS and IT desks in seven languages, written for this purpose (none taken
 * from an eval set), each labelled with the cue it carries:
 * - `blocked`: the writer cannot work, use, pay, log in, ship or get in;
 * - `overcharged`: money taken wrongly (twice, after cancelling, more than the price, a code not applied);
 * - `urgent_outage`, `urgent_hazard`, `urgent_legal`, `urgent_today`, `urgent_security`: many people affected, a safety
 *   hazard, a legal threat, a deadline today, a security incident (separate labels: each has its own vocabulary, and
 *   one "urgent" label mixing them reads none of them well);
 * - `no_rush`: no time pressure, cosmetic, just asking;
 * - `none`: a plain problem that blocks nothing, small talk, contact details, agent chatter, past outages, deadlines
 *   days away, instructions to the model.
 * The priority regexes know exact phrasings; this knows the vocabulary around them ("stranded", "à l'arrêt", "nothing
 * serious") for sentences the regexes have no pattern for.
 */

export type PriorityCue = 'blocked' | 'overcharged' | 'urgent' | 'no_rush' | 'none';

export interface CueReading {
  cue: PriorityCue;
  /** Which kind of urgency, for `urgent` (outage, hazard, legal, today, security). */
  kind: string;
  /** Posterior of the label read. */
  probability: number;
  /** How many of the sentence's features the model has seen. */
  known: number;
}

const CORPUS = fileURLToPath(new URL('./corpus/priority/', import.meta.url));
const CONCEPT_CORPUS = fileURLToPath(new URL('./corpus/', import.meta.url));

/**
 * Concepts whose sentences carry no cue of their own: orders, deliveries, returns, faulty goods, questions, requests,
 * small talk. Sign-in, paying, apps, networks and machines are left out: "my card is declined", "the VPN will not
 * connect" usually mean the writer is blocked, and taught as `none` they would unteach it.
 */
const PLAIN_CONCEPTS = new Set([
  'none',
  'order_change',
  'cancel',
  'faulty',
  'damaged',
  'missing_parts',
  'wrong_item',
  'not_liked',
  'doesnt_fit',
  'return',
  'exchange',
  'refund',
  'late',
  'lost',
  'stuck_transit',
  'not_received',
  'not_arrived',
  'wrong_place',
  'delivery_scheduling',
  'product_info',
  'pre_purchase',
  'warranty',
  'policy',
  'gift_card',
  'billing_question',
  'sync',
  'calendar',
  'install',
  'access_request',
]);
// A concept sentence that says any of this may carry a cue whatever its concept, so it is not taken as `none`.
const MAY_CARRY_CUE =
  /\b(?:can'?t|cannot|can not|unable|couldn'?t|won'?t (?:let|connect|turn on|start|boot|open|load)|(?:doesn'?t|does not|will not) (?:connect|turn on|start|boot)|locked|blocked|stuck|dead|dial tone|declin\w*|refus\w*|reject\w*|no access|(?:no|without) (?:internet|signal|service|network|connection)|down|outage|offline|froze|freez\w*|every(?:one|body)|nobody|no one|whole|entire|all of us|urgent\w*|asap|emergency|critical|today|tonight|right now|immediately|deadline|lawyer|solicitor|court|legal|sue|no rush|no hurry|whenever|cosmetic|curious|wondering|just asking|take your time|no worries|no stress|no pressure|no puedo|no consigo|no me deja|rechaz\w*|sin (?:internet|senal|servicio|acceso)|no (?:arranca|enciende|conecta)|nadie|tod[oa]s?|urgente|hoy|prisa|kann nicht|kann kein\w*|komme? nicht|abgelehnt|kein (?:internet|netz)|startet nicht|niemand|alle|ganze|dringend|heute|eilig|ne peux|n'arrive|plus de (?:reseau|connexion)|ne (?:s'allume|demarre|se connecte)|personne|tout|toute|aujourd'hui|presse|nao consigo|nao (?:conecta|liga)|sem (?:internet|sinal)|trava\w*|ninguem|hoje|pressa|non (?:riesco|si accende)|loopt vast|kan niet)\b/;

/** Every how-many-th concept sentence is taken: start-up time, against how much background `none` gets. */
const PLAIN_SHARE = 2;

let model: TextModel | null = null;

/**
 * Trained once per process, on first use. Besides its own corpus, the concept corpus's sentences of concepts that carry
 * no cue are `none`: thousands of plain problem statements and questions in seven languages, so that
 * a word is not read as a cue only because the cue corpus has it and its small `none` part lacks it.
 */
export function priorityCueModel(): TextModel {
  model ??= trainTextModel(priorityCueExamples());
  return model;
}

/** The training sentences: the cue corpus, then the concept corpus's plain sentences as `none`. */
export function priorityCueExamples(): Example[] {
  const plain = loadCorpus(CONCEPT_CORPUS, 'concept')
    .filter((e, i) => i % PLAIN_SHARE === 0 && PLAIN_CONCEPTS.has(e.label) && !MAY_CARRY_CUE.test(fold(e.text)))
    .map((e) => ({ label: 'none', text: e.text }));
  return [...loadCorpus(CORPUS, 'cue'), ...plain];
}

const cueOf = (label: string): PriorityCue =>
  label.startsWith('urgent')
    ? 'urgent'
    : label === 'blocked' || label === 'no_rush' || label === 'overcharged'
      ? label
      : 'none';

/**
 * The cue a sentence carries, as the model reads it; null when it knows none of the words. The urgent kinds are not
 * summed: with every label equally likely before reading, five of them would give a sentence of unknown words 5/8 urgent.
 */
export function readPriorityCue(text: string, trained: TextModel = priorityCueModel()): CueReading | null {
  const guess = classify(trained, text);
  if (!guess) return null;
  const cue = cueOf(guess.label);
  return {
    cue,
    kind: cue === 'urgent' ? guess.label.slice('urgent_'.length) : '',
    probability: guess.probability,
    known: guess.known,
  };
}

// The second readings: words that, alone, would say too little, but agree with what the model read.
/** A learned "blocked" is corroborated when the sentence itself says something cannot be done or does not work. */
const INABILITY =
  /\b(?:can'?t|cant|cannot|can not|couldn'?t|unable|not able|won'?t|wont|no|impossible|stuck|stranded|locked|blocked|dead|refus\w*|reject\w*|declin\w*|denied|expired|disabled|suspended|frozen|fails?|failed|failing|error)\b|\b(?:no (?:puedo|consigo|me deja|funciona|hay manera)|sin (?:acceso|internet|servicio|linea)|imposible|bloquead[oa]|atascad[oa]|parad[oa]|nicht|kein\w*|gesperrt|ausgesperrt|blockiert|ne \w+ (?:pas|plus|rien)|n'\w+ (?:pas|plus)|bloque\w*|a l'arret|nao|sem (?:acesso|internet|sinal)|travad[oa]|pres[oa]|non|bloccat[oa]|niet|geen|vast|geblokkeerd)\b/;
/** Many people or everything affected: what makes an outage more than one person's fault. */
const BREADTH =
  /\b(?:every(?:one|body)|every (?:single )?(?:one|user|customer|store|shop|branch|site|office|location|terminal|till|employee|member|agent|driver)s?|all (?:of )?(?:us|our|the|my)\b|all \d+|whole|entire|nobody|no one|none of|not a single|company[- ]wide|site[- ]wide|across (?:all|the|every)|worldwide|todo el mundo|todos (?:los|nuestros|mis)|todas (?:las|nuestras)|toda la|todo el|nadie|ninguno|ningun|alle[nrs]?|ganzen?|gesamten?|niemand|keiner|kein einziger|tous|toutes|tout le|toute l'\w+|personne|aucun|todo mundo|tod[oa]s? (?:os|as|o|a|nossos|nossas)|inteir[oa]|ninguem|nenhum|tutti|tutta|nessuno|iedereen|niemand|hele|geen enkele)\b/;
// "no one knocked, no call": the one who did not come or ring is nobody, not everyone affected.
const NOBODY_CAME =
  /\b(?:nobody|no one|noone|niemand|nadie|personne|ninguem|nessuno)\b (?:has |had |ever |even |actually )?(?:knock\w*|came|come|show\w*|turn\w* up|call\w*|rang|rung|phon\w*|answer\w*|repl\w*|respond\w*|got back|gotten back|pick\w* up|collect\w*|deliver\w*|arriv\w*|contact\w*|was (?:there|home|here|around)|vino|llam\w*|kam|ist gekommen|est venu|veio|ligou|e venuto|kwam)\b/g;
/** Said to be needed today or within hours ("since this morning" is when it started, not a deadline). */
const TODAY =
  /\b(?:today|tonight|this (?:afternoon|evening)|in (?:an?|one|two|three|\d+) (?:hours?|hrs?|minutes?|mins?)|right now|immediately|asap|end of (?:the )?day|eod|by \d{1,2}(?::\d\d)? ?(?:am|pm)|within the hour|hoy|esta (?:noche|tarde)|ahora mismo|en (?:una|dos|\d+) horas?|heute|sofort|in (?:einer|zwei|\d+) stunden?|aujourd'hui|ce soir|cet apres-midi|tout de suite|dans (?:une|deux|\d+) heures?|hoje|agora|oggi|stasera|subito|vandaag|vanavond|meteen)\b/;
const LEGAL_WORDS =
  /\b(?:lawyers?|attorneys?|solicitors?|legal\w*|lawsuit|sue|suing|court|tribunal|ombudsman|regulator|trading standards|consumer (?:protection|rights|law)|small claims|chargeback|claim against|abogad[oa]s?|demanda\w*|juzgado|denunci\w*|ocu|consumo|anwalt|anwaltin|gericht|klage|verklag\w*|rechtlich\w*|anzeige|verbraucherzentrale|avocats?|justice|plainte|mediateur|advogad[oa]s?|justica|process\w*|procon|avvocat[oi]|causa|advocaat|rechter)\b/;
/** Words of money taken: a charge, a debit, an amount. */
const MONEY_WORDS =
  /[$€£]|\d|\b(?:charg\w*|bill\w*|debit\w*|paid|pay\w*|fees?|price\w*|money|refund\w*|took|taken|cobr\w*|carg\w*|factur\w*|pag\w*|precio|abgebucht|abbuch\w*|berechn\w*|belast\w*|lastschrift\w*|gebuhr\w*|bezahlt|preis|prelev\w*|debite\w*|frais|prix|paye|cobranc\w*|preco|addebit\w*|pagato|prezzo|afgeschreven|afschrijv\w*|betaald|prijs)\b/;
/** Words of little weight or no hurry ("minor", "whenever", "purely visual"). */
const EASY_WORDS =
  /\b(?:rush\w*|hurry|urgen\w*|whenever|wait|pressure|cosmetic|aesthetic|visual\w*|minor|tiny|small|trivial|serious|important|big deal|priorit\w*|time|convenien\w*|suggestion|idea|fyi|heads up|letting you know|thought you|information|future|some ?(?:point|time)|spare|no worries|stress|blocking|affect\w*|matter|nitpick|niggle|list|deadline|curio\w*|wonder\w*|prisas?|urgencia|estetic[oa]|visual|detalle|grave|prioritari[oa]|hueco|tiempo|presupuesto|sepais|eile|eilig|dringend|optisch|schonheitsfehler|zeit|warten|druck|schlimm\w*|prioritat|wichtig|presse|urgence|esthetique|visuel|detail|moment|pression|prioritaire|attendre|pressa|urgencia|estetico|detalhe|nada grave|prioridade|fretta|urgenza|estetico|calma|haast|druk|cosmetisch|ernstigs)\b/;
const HAZARD_WORDS =
  /\b(?:smok\w*|fire|flames?|spark\w*|burn\w*|melt\w*|hot|heat\w*|shock\w*|explo\w*|swell\w*|swollen|bulg\w*|gas|leak\w*|danger\w*|hurt|injur\w*|chok\w*|swallow\w*|flood\w*|acid|fumes?|humo|fuego|llamas?|chispas?|quem\w*|derreti\w*|calient\w*|descarga|explot\w*|hinchad[oa]|peligr\w*|rauch\w*|feuer|brand\w*|funken|verbrann\w*|geschmolzen|heiss|stromschlag|aufgeblaht|gefahrlich|fumee|feu|flammes?|etincelles?|brul\w*|fondu|chaud|decharge|gonfl\w*|fumaca|fogo|faiscas?|queim\w*|derret\w*|quente|choque|estufad[oa]|perig\w*|fumo|fuoco|scintill\w*|brucia\w*|rook|vuur|vonk\w*|heet|gevaar\w*)\b/;

/**
 * Whether the sentence's own words agree with the learned reading (`folded` as text.ts folds it): a blocked reading
 * needs words of inability, an outage words of breadth, a deadline words of today, a legal threat words of the law, a
 * hazard words of danger. A security incident is left to the concepts and the category.
 */
export function corroborated(reading: CueReading, folded: string): boolean {
  switch (reading.cue) {
    case 'blocked':
      return INABILITY.test(folded);
    case 'no_rush':
      return EASY_WORDS.test(folded);
    case 'overcharged':
      return MONEY_WORDS.test(folded);
    case 'none':
      return false;
    case 'urgent':
      switch (reading.kind) {
        case 'outage':
          return BREADTH.test(folded.replace(NOBODY_CAME, ''));
        case 'today':
          return TODAY.test(folded);
        case 'legal':
          return LEGAL_WORDS.test(folded);
        case 'hazard':
          return HAZARD_WORDS.test(folded);
        default:
          return false;
      }
  }
}
