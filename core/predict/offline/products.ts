import * as chrono from 'chrono-node';
import { findConcepts } from './concepts.js';
import {
  FOREIGN_COLOURS,
  FOREIGN_NAMED_PARTS,
  FOREIGN_PRODUCT_NOUNS,
  FOREIGN_PRODUCT_PHRASES,
} from './foreign-product-nouns.js';
import { loadProductCorpus, type ProductTagger, trainProductTagger } from './product-tagger.js';
import { OTHER_ORDER, SAID_FINE } from './set-aside.js';
import { capitaliseFirst, fold, stem, words as wordsOf } from './text.js';
import { isFact, type Transcript, type Turn } from './transcript.js';

export interface ProductFound {
  value: string;
  confidence: number;
  evidence: string[];
}

/**
 * Nouns that name a thing a shop sells or a plan a service bills, grouped so "shoes" and "Metro Knit sneakers" are the
 * same item described more or less specifically. General retail vocabulary, not any one shop's catalogue.
 */
const GROUPS: Record<string, string[]> = {
  footwear: [
    'shoe',
    'shoes',
    'sneaker',
    'sneakers',
    'trainer',
    'trainers',
    'boot',
    'boots',
    'sandal',
    'sandals',
    'heels',
    'loafers',
    'slippers',
  ],
  top: [
    'jacket',
    'jackets',
    'coat',
    'coats',
    'shirt',
    'shirts',
    't-shirt',
    'tee',
    'wetsuit',
    'swimsuit',
    'hoodie',
    'sweater',
    'jumper',
    'cardigan',
    'blouse',
    'vest',
    'parka',
    'shell',
  ],
  bottom: ['jeans', 'pants', 'trousers', 'shorts', 'skirt', 'leggings'],
  dress: ['dress', 'dresses', 'suit', 'gown'],
  sport: [
    'mat',
    'dumbbell',
    'dumbbells',
    'kettlebell',
    'racket',
    'racquet',
    'treadmill',
    'bottle',
    'skis',
    'snowboard',
    'surfboard',
  ],
  accessory: [
    'gloves',
    'glove',
    'scarf',
    'belt',
    'socks',
    'sunglasses',
    'umbrella',
    'cap',
    'beanie',
    'mittens',
    'strap',
    'band',
  ],
  jewellery: ['necklace', 'bracelet', 'earrings', 'pendant', 'anklet', 'brooch'],
  music: ['guitar', 'ukulele', 'violin', 'piano', 'amp', 'amplifier', 'microphone', 'turntable', 'synth'],
  bag: ['backpack', 'backpacks', 'bag', 'bags', 'suitcase', 'luggage', 'wallet', 'purse', 'tote'],
  blender: ['blender', 'blenders', 'mixer'],
  coffee: ['espresso', 'machine', 'maker', 'grinder', 'kettle', 'toaster', 'cooker', 'fryer', 'microwave'],
  cookware: ['pan', 'pans', 'pot', 'pots', 'oven', 'skillet', 'wok', 'knife', 'knives', 'cookware', 'dutch'],
  audio: ['headphones', 'earbuds', 'earbud', 'buds', 'speaker', 'speakers', 'headset', 'soundbar'],
  charger: ['charger', 'chargers', 'pad', 'adapter', 'cable', 'powerbank', 'bank', 'plug', 'battery', 'dock'],
  appliance: [
    'dishwasher',
    'washer',
    'dryer',
    'fridge',
    'refrigerator',
    'freezer',
    'stove',
    'hob',
    'cooktop',
    'vacuum',
    'hoover',
    'heater',
    'fan',
    'purifier',
    'humidifier',
    'dehumidifier',
    'iron',
    'airfryer',
  ],
  baby: ['crib', 'cot', 'highchair', 'bassinet', 'playpen'],
  media: [
    'book',
    'books',
    'novel',
    'dvd',
    'vinyl',
    'boardgame',
    'jigsaw',
    'lp',
    'album',
    'cd',
    'expansion',
    'edition',
    'audiobook',
    'hardback',
    'paperback',
    'hardcover',
    'ebook',
  ],
  learning: ['course', 'certificate', 'diploma', 'bootcamp', 'masterclass'],
  food: ['cake', 'cupcakes', 'cookies', 'hamper', 'chocolates'],
  electronics: [
    'laptop',
    'tablet',
    'watch',
    'smartwatch',
    'camera',
    'monitor',
    'keyboard',
    'mouse',
    'printer',
    'router',
    'tv',
    'television',
    'console',
    'drone',
    'tracker',
    'thermostat',
    'doorbell',
    'smartphone',
    'handset',
    'earphones',
    'projector',
    'e-reader',
    'lens',
    'hub',
    'tripod',
    'binoculars',
    'telescope',
    'webcam',
    'reader',
    'readers',
    'terminal',
    'terminals',
    'scanner',
  ],
  furniture: [
    'sofa',
    'couch',
    'seater',
    'chair',
    'desk',
    'table',
    'bed',
    'mattress',
    'bookshelf',
    'bookcase',
    'shelf',
    'wardrobe',
    'dresser',
    'frame',
    'desktop',
    'stool',
    'bench',
    'cabinet',
    'sideboard',
    'armchair',
    'recliner',
    'ottoman',
    'nightstand',
    'headboard',
    'cupboard',
  ],
  home: [
    'lamp',
    'rug',
    'vase',
    'mug',
    'mugs',
    'candle',
    'cushion',
    'throw',
    'plate',
    'bowl',
    'diffuser',
    'curtains',
    'duvet',
    'pillow',
    'sheets',
    'towels',
    'bedding',
    'parure',
    'blanket',
    'mirror',
    'clock',
  ],
  garden: ['hose', 'reel', 'planter', 'mower', 'grill', 'bbq', 'kit'],
  stationery: ['invitation', 'invitations', 'poster', 'notebook', 'stickers'],
  flowers: ['bouquet', 'flowers', 'plant', 'plants', 'arrangement', 'hamper'],
  toys: ['board', 'lego', 'toy', 'toys', 'bear', 'teddy', 'plush', 'doll', 'stuffed', 'puzzle', 'doll', 'game', 'set'],
  outdoor: [
    'tent',
    'bike',
    'e-bike',
    'ebike',
    'bicycle',
    'helmet',
    'stroller',
    'pram',
    'scooter',
    'skateboard',
    'kayak',
    'hammock',
    'trampoline',
  ],
  pet: ['feeder', 'leash', 'collar', 'harness', 'aquarium', 'kennel', 'litter', 'scratcher', 'food'],
  beauty: [
    'perfume',
    'cream',
    'serum',
    'shampoo',
    'lipstick',
    'toothbrush',
    'razor',
    'shaver',
    'trimmer',
    'straightener',
  ],
  plan: ['plan', 'subscription', 'membership', 'tier', 'license', 'licence'],
  box: ['box'],
  app: ['app', 'website'],
  health: [
    'prescription',
    'prescriptions',
    'medication',
    'medicine',
    'vitamins',
    'lenses',
    'inhaler',
    'supplements',
    'aid',
  ],
  event: ['tickets'],
};
const GROUP_OF = new Map<string, string>();
for (const [group, nouns] of Object.entries(GROUPS)) for (const n of nouns) GROUP_OF.set(n, group);

/** Heads that say nothing on their own ("the set", "the pad", "my plan"): only with a modifier. */
const NEEDS_MODIFIER = new Set([
  'mat',
  'bottle',
  'bank',
  'plug',
  'throw',
  'plate',
  'bowl',
  'battery',
  'set',
  'pad',
  'kit',
  'frame',
  'machine',
  'maker',
  'plan',
  'board',
  'album',
  'cd',
  'subscription',
  'membership',
  'tier',
  'reel',
  'shell',
  'cable',
  'game',
  'dutch',
  'desktop',
  'seater',
  'app',
  'website',
  'license',
  'licence',
  'dock',
  'watch',
  'tracker',
  'hose',
  'buds',
  'strap',
  'band',
  'hub',
  'aid',
  'food',
  'expansion',
  'edition',
  'amp',
  'box',
  // "card reader", "payment terminal": a reader or a terminal alone is a person or an airport.
  'reader',
  'readers',
  'terminal',
  'terminals',
]);

/** Non-English product nouns, read as their English head; the brand that follows them goes in front. */
const FOREIGN = FOREIGN_PRODUCT_NOUNS;
const FOREIGN_PHRASES = FOREIGN_PRODUCT_PHRASES;
// "abonnement" is also a named-only noun recorded in English ("Abonnement Comptix" -> "Comptix subscription"); it stays
// here for the tagger, whose features read these words as product nouns.
const FOREIGN_KEEP = new Set(['parure', 'tarif', 'tarifa', 'abonnement', 'plano', 'plan', 'forfait']);

const STOP = new Set(
  (
    'the a an my your our his her their this that these those some any its it is was are were be been to of for in on ' +
    'at with from by and or but not no so if as i you we they he she me us them what which who how when where why ' +
    'one two ones other another same new old got get bought ordered order ordering return returning exchange send ' +
    'sent want need like love have has had do does did can could would should will just also still really very ' +
    'about about only than then there here all both each every more most less few many much such own up out ' +
    'la el los las un una le les des du de der die das ein eine o os um uma do da em no na' +
    ' left right first second extra spare broken faulty damaged cracked missing new replacement same different' +
    ' under over via through inside within across below above behind near into onto' +
    // Articles, possessives and prepositions of the other languages end a name too: "Akku von meinem E-Bike".
    ' del al mi mis con para por sin su sus meu minha meus minhas dos das nos nas com sem seu sua mon ma mes ton ta' +
    ' pour avec sans au aux sur il lo gli mio mia miei mie per dal dai della dello von vom mein meine meinem meinen' +
    ' meiner mit fur zum zur im am beim het een mijn van met voor bij andere anderen anderes otra otro autre outra' +
    ' outro altra altro ihr ihre ihrer ihren ihrem ihres sein seine seiner seinen seinem unsere unserer unseren euer eure'
  ).split(/\s+/),
);
const VERBS = new Set(
  'caught got broke came went keeps keep stopped started arrived is was are were has have had does did made make takes took gave give sent said says while when because after before since until put buy wear use try bring fix returned received purchased reports reported asks asked wants wanted needs needed tried cancelled canceled paid customer user client caller'.split(
    ' ',
  ),
);
const ADVERB =
  /^(?:nearly|almost|really|totally|literally|actually|basically|completely|suddenly|finally|recently|apparently|probably|just|already|still|even|also|only)$/;
/** Words that make a capitalised run a business, not a product: "Boulder Bike Lab". */
const BUSINESS =
  /^(?:lab|shop|store|centre|center|co|ltd|inc|studio|works|repairs?|services?|group|outlet|clinic|garage)$/;
const PEOPLE_OR_PLEASE =
  /^(?:people|person|customers?|users?|clients?|someone|somebody|everyone|everybody|anyone|nobody|please|pls|plz|kindly)$/;
/** A place named with "a": "on a shelf", "under a table" (the customer's own thing would be "my" or "the" one). */
const PLACE_BEFORE = /\b(?:in|on|onto|under|beside|behind|next to|near)\s+a\s+$/;
/** "in bed", "to bed", "out of bed": the idiom, no bed bought. */
const BED_IDIOM = /\b(?:in|to|of)\s+$/;
/** Pressing a button: what follows is its label ("click Book", "tap Save"). */
const PRESSES = '(?:click|clicks|clicked|tap|taps|tapped|press|presses|pressed|hit|hits)';
const BUTTON_PRESS = new RegExp(`^${PRESSES}$`);
const AFTER_BUTTON_PRESS = new RegExp(`\\b${PRESSES}\\s+(?:on\\s+)?$`);
/**
 * A modal, most often negated, in front of the verb of what fails: "cant", "won't", "couldn't", "can"; "never" too ("i
 * never set up 2fa": "set" is the verb there, not a set bought).
 */
const MODAL =
  /^(?:never|can|cannot|could|would|should|will|must|may|might|can'?t|won'?t|don'?t|doesn'?t|didn'?t|couldn'?t|wouldn'?t|shouldn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|haven'?t|hasn'?t)$/;
const SIZE = /^(?:small|large|medium|big|xl|xs|xxl|s|m|l|size)$/;

interface Token {
  text: string;
  folded: string;
  start: number;
}

const ELIDED = /^(?:l|d|un|dell|dall|nell|sull|all|qu|j|c|s|n)['’](\p{L}[\p{L}\p{N}'’-]*)$/iu;

function tokenise(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    let raw = m[0].replace(/['’]s$/, '');
    let start = m.index ?? 0;
    // "un'impastatrice", "l'aspirateur": an elided article is not part of the noun.
    const elided = ELIDED.exec(raw);
    if (elided) {
      start += raw.length - elided[1]!.length;
      raw = elided[1]!;
    }
    out.push({ text: raw, folded: fold(raw), start });
  }
  return out;
}

const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text) || /^[\p{Ll}]+\p{Lu}/u.test(t.text);
const isModel = (t: Token) => /\d/.test(t.text) && t.text.length <= 12;
const headOf = (t: Token): string | undefined => {
  if (GROUP_OF.has(t.folded)) return t.folded;
  // Plurals of the listed nouns: "candles", "dresses", "bookshelves".
  for (const stem of [t.folded.replace(/es$/, ''), t.folded.replace(/s$/, ''), t.folded.replace(/ves$/, 'f')]) {
    if (stem !== t.folded && stem.length > 2 && GROUP_OF.has(stem)) return stem;
  }
  if (/-seater$/.test(t.folded)) return 'seater';
  return undefined;
};

const headOfWord = (word: string) => headOf({ text: word, folded: fold(word), start: 0 });

/**
 * Nouns the rules read that the tagger was not trained to see as product nouns: a word added to the lexicon changes the
 * tagger's features and so every span it finds; these stay out until it is re-measured with them.
 */
const NOT_A_TAGGER_FEATURE = new Set(['hardback', 'paperback', 'hardcover']);

/**
 * Whether a folded word is a product noun of the English lexicon (or a plan word): a feature of the learned tagger. The
 * other languages' nouns are left to the tagger's word features: several are English words too ("robe", "pull",
 * "mantel"), and with them in, the tagger grew less sure of English spans (measured: no better on any eval set).
 */
export const isProductNoun = (word: string): boolean => {
  const head = headOfWord(word);
  return (head !== undefined && !NOT_A_TAGGER_FEATURE.has(head)) || FOREIGN_KEEP.has(word);
};

interface Candidate {
  value: string;
  group: string;
  specificity: number;
  turn: Turn;
  order: number;
  customer: boolean;
  /** Read out of the order by the agent or bot. */
  lookup?: boolean;
  /** The sentence a lexicon noun was read from, for the tagger to weigh it against the rest of that sentence. */
  sentence?: string;
}

const MALFUNCTION =
  /\b(?:crash\w*|freez\w*|error\w*|bug\w*|not working|doesn'?t work|won'?t (?:open|load)|keeps? (?:closing|crashing)|fail\w*)\b/;
const PRAISED_THEN_OTHER =
  /\b(?:is|are|was|were|looks?|works?)\s+(?:really\s+|so\s+|absolutely\s+)?(?:lovely|great|fine|perfect|brilliant|amazing|gorgeous|beautiful|fab|fabulous|ok|okay|good)\b[^.!?]{0,20}?\s+but\s+(?=(?:the|my|our|this|that)\s)/i;
const MODEL_QUESTION =
  /\b(?:which|what|que|qual|quel|quelle|welche[snmr]?|quale|welk[e]?)\b[^?]{0,20}\b(?:model|modell|modelo|modele|modello|model|version|versao|versione|versie|one|type|typ|tipo)\b[^?]*\?/;
/** A reply up to its first comma, full stop or colour/size/version phrase. */
const firstClause = (text: string) =>
  text.split(/[,;:(]|\.(?:\s|$)|\s(?:in|en|em|im|na|no|nel|nella|size|talla|taille|grosse|firmware|version)\s/)[0] ??
  text;
/**
 * "Aqualine DW45 something.. DW45-SS": a model read off a label, hesitations and all. The fillers go, and a code
 * repeated in full replaces its first, partial reading ("DW45 … DW45-SS" is "DW45-SS").
 */
function readingOffLabel(text: string): string {
  const cleaned = text
    .replace(/\b(?:something|or something|i think|i believe|maybe|like|um+|uh+|erm+)\b|\.{2,}|…/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = cleaned.split(' ');
  const kept = words.filter(
    (w, i) => !/\d/.test(w) || !words.slice(i + 1).some((later) => later.length > w.length && later.startsWith(w)),
  );
  return kept.join(' ');
}
const MODEL_REPLY =
  /^\s*(?:[Tt]he |[Ee]l |[Ll]a |[Ll]e |[Oo] |[Aa] |[Dd]er |[Dd]ie |[Dd]as |[Ii]l |[Hh]et |[Dd]e |[Ii]t'?s (?:the )?|[Ee]s el |[Cc]'est le )?(\p{Lu}[\p{L}\p{N}-]*(?:\s+[\p{Lu}\d][\p{L}\p{N}-]*){0,3})\s*[.!]?\s*$/u;
const APPOSITIVE =
  /\b(?:order|pedido|commande|bestellung|encomenda)\s+#?[\w-]*\d[\w-]*\s*,?\s+(?:the|a|an|la|el|le|die|der|das|o|a)\s+(\p{Lu}[\p{L}\p{N}-]*(?:\s+[\p{Lu}\d][\p{L}\p{N}-]*){0,3})/u;
// "it's the Ridgeline 29": the customer names the model of the item they brought up (a brand and a model, or a number).
// "I'm looking at the Voltaway Commuter 2": the named item a pre-purchase question is about.
const LOOKING_AT =
  /\b(?:looking at|interested in|thinking (?:of|about) (?:buying|getting|ordering)|considering|eyeing)\s+(?:the|a|an|your)\s+(\p{Lu}[\p{L}\p{N}-]*(?:\s+[\p{Lu}\d][\p{L}\p{N}-]*){1,3})/u;
const NAMES_MODEL =
  /\b(?:it'?s|its|it is|mine is|the model is|es|c'est|e|é|ist)\s+(?:the|a|an|el|la|le|un|une|o|der|die|das|ein|eine)\s+(\p{Lu}[\p{L}\p{N}-]*(?:\s+[\p{Lu}\d][\p{L}\p{N}-]*(?:[.,]\d[\p{L}\p{N}-]*)?){1,3})(?:\s+([a-z][a-z-]{2,})\b)?/u;
/**
 * "It's 'The Salt Road' by M. Okafor, hardback", "its The Glass Orchard by R. Lind": a title by its author names a book
 * (or a record), with its format when one is given. Quoted, with a format, or after "it's"/"called", so that "Sent by
 * Royal Mail" is no title.
 */
const TITLE_BY =
  /(?:^|[\s(:])(?:(it'?s|its|it is|called|titled)\s+)?(['"‘“])?((?:The |A |An )?\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:(?:of|the|and|a|an|to|in|on|for|at|with|from)\s+)?\p{Lu}[\p{L}\p{N}'’-]*){0,6})['"’”]?,?\s+by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}([^.!?]{0,40})/u;
const BOOK_FORMAT =
  /\b(hardback|paperback|hardcover|softcover|audiobook|e-?book|vinyl|box set|first edition|signed edition)\b/i;

/**
 * "it's the A4 landscape layflat one": the customer tells which of its kind the item is, in plain words before "one";
 * with the noun of the item brought up, that is its most specific description.
 */
const WHICH_ONE =
  /\b(?:it'?s|its|it is|mine is|ours is|it was)\s+(?:the|a|an)\s+((?:[\p{L}\p{N}][\p{L}\p{N}.'-]*\s+){1,4})one\b/u;
/** A word after a named model that is no noun of the item: "the Ridgeline 29 which …", "the Pixel 8 charging". */
const NOT_ITEM_NOUN =
  /^(?:one|ones|that|which|who|and|but|or|from|with|without|since|when|because|again|too|now|ok|okay|lol|different|other|same|right|wrong|usual|first|last|cheaper|bigger|smaller)$/;
const VERB_FORM = /(?:ing|ed|ly)$/;
// "the vacuum I bought, the Swift V8, stopped charging": a model set off by commas.
const SET_OFF_MODEL = /,\s*(?:the|a|an|my)\s+(\p{Lu}[\p{L}\p{N}-]*(?:\s+[\p{Lu}\d][\p{L}\p{N}-]*){1,3})\s*(?:,|\.|$)/u;
// "we upgraded from Team to Business": the plan moved to is the one the case is about.
const PLAN_MOVE =
  /\b(?:upgrad|downgrad|switch|mov|chang)\w*\s+(?:(?:from|off) (?:the )?\p{Lu}[\p{L}\p{N}+-]*(?: plan)?\s+)?to (?:the )?(\p{Lu}[\p{L}\p{N}+-]*)(?: plan)?/u;
const FOR_NAMED =
  /^\s+(?:for|voor|para|pour|per|fur|für)\s+(?:the\s+|my\s+|our\s+|a\s+|het\s+|de\s+|el\s+|la\s+|le\s+|il\s+|o\s+|den\s+|das\s+)?(\p{Lu}[\p{L}\p{N}-]*(?:\s+[\p{Lu}\d][\p{L}\p{N}-]*){0,3})/u;
const SEATS_FOR =
  /\b(?:seats|places|spots)\s+(?:for|to|at)\s+(?:[Tt]he\s+)?(\p{Lu}[\p{L}\p{N}'-]*(?:\s+(?:of\s+|the\s+)?[\p{Lu}\d][\p{L}\p{N}'-]*){0,4})/u;
const CALENDAR =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter|Mother'?s|Father'?s|Valentine'?s|Black|Today|Tomorrow|Tonight|Me|Us|You|Him|Her|Them)\b/;
const CONTAINER =
  /^(?:bag|bags|box|boxes|pack|packs|packet|packets|carton|cartons|jar|jars|tub|tubs|tin|tins|sack|sacks|crate|crates|case|cases|bottle|bottles|roll|rolls)$/;
const HELD =
  /^\s+of\s+(?:the\s+|my\s+|your\s+)?((?:[\p{L}\p{N}'-]+\s+){0,4}?[\p{L}\p{N}'-]+?)(?=\s+(?:arrived|came|was|were|is|are|has|have|had|that|which|from|in|with|i|we|and|but)\b|\s*[,.!?;:)]|\s*$)/u;
const FAILING = new Set(['crash', 'error', 'not_working', 'sync']);
const PLAN_QUESTION = /\b(?:plan|tier|subscription|tarif|tarifa|plano|abonnement|package)\b/;
const NOT_MINE =
  /\border(?:s|ed)?\b[^.!?]{0,50}\b(?:i|we) (?:didn'?t|did not|never) (?:make|made|place|placed)\b|\b(?:orders?|purchases?) (?:i|we) (?:don'?t|do not) recogni[sz]e\b/;
const REPLACEMENT = /\b(?:instead|replacement|send you|we'?ll send|i'?ll send|as a substitute|loaner)\b/;
const SAME_REPLACED =
  /\b(?:replacement (?:of|for) (?:your|the|this|that)|replace (?:your|the|this|that))\b(?![^.!?]*\binstead\b)/;
const NON_SPECIFIC = /\b(?:some|any|another|other|a few)\s+$/;

// One cheap test before tokenising: most chat lines name no product at all.
const ANY_HEAD = new RegExp(
  `(?:${[
    ...GROUP_OF.keys(),
    ...Object.keys(FOREIGN),
    ...FOREIGN_KEEP,
    ...Object.keys(FOREIGN_NAMED_PARTS),
    ...Object.keys(FOREIGN_PHRASES).map((p) => p.split(' ')[0]!),
  ]
    .map((w) => w.replace(/[-]/g, '\\-'))
    .join('|')})|seater`,
);

// "Lesebrille Modell Havel", "la cafetera modelo Céfiro 3": the word for a model stands before its name.
const CONNECTOR =
  /^(?:de|da|do|del|di|du|des|ouvido|lit|cafe|mesa|comedor|jantar|salon|salle|manger|esszimmer|modell|modelo|modele|modello|model)$/;
const EVENT_WORD =
  /^(?:para|pour|fur|voor|per|for|op|auf|el|la|le|les|los|das|den|die|dem|het|o|a|il|lo|al|au|zum|zur|van|concierto|concert|konzert|concerto|show|spiel|partido|match|jogo|partita|wedstrijd|festival|espectaculo|spectacle|musical|obra|piece|theater|teatro|theatre|tour|gira|evento|event)$/;

/** The word before a material in the other languages: "de plumas", "di lana", "du cuir". */
const MADE_OF = /^(?:de|da|do|di|du)$/;

/** Endings of Romance and German adjectives: "elétrica", "polarizadas", "rechargeable", "elektrisch". */
const ADJECTIVE =
  /^(?:midi|maxi|mini|slim|oversize[d]?|larg[oa]|cort[oa]|curt[oa]|comprid[oa]|lung[oa]|kurz\w{0,2}|lang\w{0,2}|court\w{0,2}|long\w{0,2}|kort\w{0,2})$|^[a-z]{3,}(?:ic[oa]s?|iques?|isch\w{0,2}|[ai]d[oa]s?|iv[oa]s?|ables?|ibles?|[ae]ntes?|os[oa]s?|eux|euse|ales?|ais|eis|ari[oa]s?|ine|inas?|ella)$/;

const NAME_FIRST = new Set(['de', 'nl']);

/** The brand or model right after token i: capitalised words, then models ("Korsa 14", "Brisel 500"). */
function nameAfter(tokens: Token[], i: number, sentence: string): Token[] {
  const name: Token[] = [];
  for (let j = i + 1; j < tokens.length && name.length < 3; j++) {
    const w = tokens[j]!;
    const prev = tokens[j - 1]!;
    if (!/^\s+$/.test(sentence.slice(prev.start + prev.text.length, w.start))) break;
    if (!(isCapitalised(w) || (name.length > 0 && isModel(w))) || STOP.has(w.folded) || headOf(w)) break;
    // "the laptop ORD-55120": an order's reference, not the model.
    if (/^[A-Z]{1,5}-?\d{3,}$|^\d{4,}$/.test(w.text)) break;
    name.push(w);
  }
  return name;
}

/** The brand or model right before token i, past up to two adjectives. */
function nameBefore(tokens: Token[], i: number, language: string): string[] {
  let j = i - 1;
  while (j >= i - 2 && j >= 0 && ADJECTIVE.test(tokens[j]!.folded) && !isCapitalised(tokens[j]!)) j--;
  const name: Token[] = [];
  for (; j >= 0 && name.length < 3; j--) {
    const w = tokens[j]!;
    if (!(isCapitalised(w) || isModel(w)) || STOP.has(w.folded) || foreignNoun(w.folded) || headOf(w)) break;
    name.unshift(w);
  }
  // A sentence's first word is capitalised whatever it is.
  if (name[0] && tokens.indexOf(name[0]) === 0 && !isModel(name[0]) && name.length === 1) return [];
  const words = name.map((w) => w.text);
  return namesABrand(words, language) ? words : [];
}

/** German capitalises every noun: one capitalised word there is no brand ("eine Antwort"). */
const namesABrand = (named: string[], language: string) =>
  language === 'de' ? named.length > 1 || named.some((w) => /\d|.\p{Lu}/u.test(w)) : named.length > 0;

/** A foreign noun, or its plural: "sillas", "cafeteras", "lampes". */
function foreignNoun(folded: string): string | undefined {
  return (
    FOREIGN[folded] ??
    (folded.length > 4 && folded.endsWith('es') ? FOREIGN[folded.slice(0, -2)] : undefined) ??
    (folded.length > 3 && folded.endsWith('s') ? FOREIGN[folded.slice(0, -1)] : undefined)
  );
}

/**
 * Dutch and German join a noun to what qualifies it in one word: "Lesebrille" is glasses, "Esstisch" a table,
 * "kinderfiets" a bike. The longest known noun the word ends in, of five letters or more so that a short word inside a
 * longer one ("Handbuch" is a manual) is not read as the item.
 */
function compoundNoun(folded: string): string | undefined {
  for (let at = 3; at <= folded.length - 5; at++) {
    const english = FOREIGN[folded.slice(at)];
    if (english) return english;
  }
  return undefined;
}

/** A foreign noun of several words starting at token i ("gafas de sol"), with the index of its last token. */
function phraseAt(tokens: Token[], i: number): { english: string; end: number } | null {
  for (let k = Math.min(4, tokens.length - i); k >= 2; k--) {
    const english =
      FOREIGN_PHRASES[
        tokens
          .slice(i, i + k)
          .map((x) => x.folded)
          .join(' ')
      ];
    if (english) return { english, end: i + k - 1 };
  }
  return null;
}

function phrasesIn(sentence: string, turn: Turn, t: Transcript, order: () => number): Candidate[] {
  if (!ANY_HEAD.test(fold(sentence))) return [];
  const tokens = tokenise(sentence);
  const out: Candidate[] = [];
  const folded = fold(sentence);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const phrase = t.language !== 'en' ? phraseAt(tokens, i) : null;
    const foreign =
      phrase?.english ??
      (t.language !== 'en' ? foreignNoun(tok.folded) : undefined) ??
      (NAME_FIRST.has(t.language) ? compoundNoun(tok.folded) : undefined);
    const part = foreign === undefined ? FOREIGN_NAMED_PARTS[tok.folded] : undefined;
    // "Élodie de Croquettes & Cie": a noun in the shop's own name is not what was bought.
    const inOrganisation = t.organisation?.split(/\s+/).includes(tok.text) ?? false;
    if ((foreign || part || FOREIGN_KEEP.has(tok.folded)) && t.language !== 'en' && !inOrganisation) {
      // "una batidora AeroBlend 600" -> "AeroBlend 600 blender"; "la parure Lin Lavé" -> "parure Lin Lavé".
      const brand: string[] = [];
      let skipped = 0;
      let adjectives = 0;
      const english = foreign ?? part;
      // "entradas para el concierto de Bruma Azul", "abonnement op de Weekbode": tickets and subscriptions are named
      // after what they are for.
      const namedFor = english === 'tickets' || english === 'subscription';
      for (let j = (phrase?.end ?? i) + 1; j < tokens.length && brand.length < 3; j++) {
        const next = tokens[j]!;
        // "fone de ouvido SoundMax X", "parure de lit Lin Lavé": connectors and the rest of the noun come first.
        if (
          brand.length === 0 &&
          (CONNECTOR.test(next.folded) ? skipped < 2 || namedFor : namedFor && EVENT_WORD.test(next.folded)) &&
          skipped < (namedFor ? 5 : 2)
        ) {
          skipped++;
          continue;
        }
        // "chaqueta de plumas Cumbre Light", "giacca di lana Arno": what the item is made of sits between its noun and
        // its brand.
        const following = tokens[j + 1];
        if (
          brand.length === 0 &&
          MADE_OF.test(tokens[j - 1]!.folded) &&
          !isCapitalised(next) &&
          following &&
          isCapitalised(following) &&
          !STOP.has(following.folded)
        ) {
          skipped++;
          continue;
        }
        if (isCapitalised(next) || (brand.length > 0 && isModel(next))) brand.push(next.text);
        // "escova elétrica SonicPro 5": an adjective may stand between the noun and its brand.
        else if (brand.length === 0 && adjectives < 2 && ADJECTIVE.test(next.folded)) adjectives++;
        else break;
      }
      // "de Vrachtmeester 3 elektrische bakfiets", "die Körnwerk K4 Kaffeemühle": Dutch and German put the name before the
      // noun, an adjective or two between.
      if (brand.length === 0 && english && NAME_FIRST.has(t.language)) brand.push(...nameBefore(tokens, i, t.language));
      if (phrase) i = phrase.end;
      const head = english ?? tok.text;
      const group =
        GROUP_OF.get((english ?? '').split(' ').pop() ?? '') ?? (FOREIGN_KEEP.has(tok.folded) ? 'plan' : 'other');
      // "den Akku PowerPack 500" names a product; "der Akku" alone names what broke.
      if (part && brand.length === 0) continue;
      if (brand.length || english !== undefined) {
        const value = english ? [...brand, head].join(' ') : [head, ...brand].join(' ');
        out.push({
          value,
          group,
          specificity: brand.length * 2 + 1,
          turn,
          order: order(),
          customer: turn.role === 'customer',
        });
      }
      continue;
    }
    const head = headOf(tok);
    if (!head) continue;
    // "Of course, what's your full name?": a set phrase, not an online course.
    if (head === 'course' && /\bof\s+$/i.test(sentence.slice(0, tok.start))) continue;
    // Compound nouns: take the last head of a run ("charging pad", "hose reel", "espresso machine").
    const nextTok = tokens[i + 1];
    if (nextTok && headOf(nextTok) && nextTok.start - (tok.start + tok.text.length) <= 1) continue;
    const words: Token[] = [tok];
    for (let j = i - 1; j >= 0 && words.length < 5; j--) {
      const prev = tokens[j]!;
      const gap = sentence.slice(prev.start + prev.text.length, words[0]!.start);
      if (!/^\s+$/.test(gap) && gap !== '-') break;
      // "£6.00 router rental": the pence of a price are no model number.
      if (/\d[.,]$/.test(sentence.slice(0, prev.start))) break;
      // "i cant unlock bikes", "we can't charge the …": a modal starts a verb phrase; the verb after it is no name.
      if (MODAL.test(prev.folded) && !isCapitalised(prev)) {
        if (words.length > 1 && !isCapitalised(words[0]!)) words.shift();
        break;
      }
      if (STOP.has(prev.folded) && !isCapitalised(prev)) break;
      // Verbs end a noun phrase: "battery caught fire while charging" is not a product name.
      if (!isCapitalised(prev) && (VERBS.has(prev.folded) || BUTTON_PRESS.test(prev.folded)) && !headOf(prev)) break;
      // "plugs nearly set my kitchen on fire": an adverb sits between a verb and its subject, not inside a name.
      if (ADVERB.test(prev.folded)) break;
      if (isCapitalised(prev) && j === 0 && STOP.has(prev.folded)) break;
      if (/^(?:i|im|i'm|i've|ive|i'd|i'll|we|we've|we'll|you|you've|they|they've|it)$/.test(prev.folded)) break;
      // "so people click book", "please set up access": who acts and the "please" of a request start no name.
      if (PEOPLE_OR_PLEASE.test(prev.folded)) break;
      words.unshift(prev);
    }
    while (words.length > 1 && SIZE.test(words[0]!.folded)) words.shift();
    // "1 x Quillmont Aria hammock", "2x Elodie dress": a quantity is not part of the name.
    if (words.length > 2 && /^\d+$/.test(words[0]!.text) && /^x$/i.test(words[1]!.text)) words.splice(0, 2);
    else if (words.length > 1 && /^\d+x$/i.test(words[0]!.text)) words.shift();
    const before = folded.slice(0, Math.max(0, fold(sentence.slice(0, words[0]!.start)).length));
    if (NON_SPECIFIC.test(before)) continue;
    // "to book a slot", "I'll set it up", "won't let me book": the noun is a verb here.
    if (
      words.length === 1 &&
      /\b(?:to|will|'ll|can|could|please|pls|i|we|you|they|let me|let us|can'?t|cannot|couldn'?t|won'?t)\s+$/.test(
        before,
      )
    )
      continue;
    // "it's on a shelf in the hallway", "the kids are in bed": where something is, not what was bought.
    if (words.length === 1 && (PLACE_BEFORE.test(before) || (tok.folded === 'bed' && BED_IDIOM.test(before)))) continue;
    // "people click Book on a class", "tap Save", "tap My Tickets": a button's or a tab's label, not a thing bought.
    if (AFTER_BUTTON_PRESS.test(before)) continue;
    // "I'll try from my laptop", "I'm on my phone": a device in use, not the item the issue is about.
    if (/\b(?:from|using|via|through)\s+my\s+$|\b(?:i'?m|im|i am|we'?re)\s+on\s+my\s+$/.test(before)) continue;
    const group = GROUP_OF.get(head) ?? 'other';
    const modifiers = words.length - 1;
    if (NEEDS_MODIFIER.has(head) && modifiers === 0) {
      const failing = MALFUNCTION.test(folded) || findConcepts(folded).some((h) => FAILING.has(h.id));
      if ((head === 'app' || head === 'website') && failing && t.organisation) {
        out.push({
          value: `${t.organisation} ${tok.text}`,
          group,
          specificity: 1.5,
          turn,
          order: order(),
          customer: turn.role === 'customer',
        });
      }
      const owner = PARTS.has(head) ? ownerAfter(tokens, i, sentence) : null;
      if (owner) {
        out.push({
          value: `${owner.map((w) => w.text).join(' ')} ${tok.text}`,
          group,
          specificity: owner.length + 1 + owner.filter((w) => isCapitalised(w) || isModel(w)).length * 1.5,
          turn,
          order: order(),
          customer: turn.role === 'customer',
        });
      }
      continue;
    }
    // "the Family Box": a box is a product only by its name; "the box was crushed" is packaging.
    if ((head === 'plan' || head === 'box') && !words.slice(0, -1).some(isCapitalised)) continue;
    // "the 7kg bag of Ocean Feast cat food": a container is packaging; the item is what it holds.
    const held = CONTAINER.test(tok.folded) ? HELD.exec(sentence.slice(tok.start + tok.text.length)) : null;
    // "the bag of screws and bolts wasn't in the box": what a bag holds is a part, unless it is a product or a name.
    const heldItem =
      held?.[1] && (/[\p{Lu}\d]/u.test(held[1]) || held[1].split(/\s+/).some((w) => headOfWord(w) !== undefined));
    if (held?.[1] && !heldItem) continue;
    if (held?.[1] && !STOP.has(fold(held[1].split(/\s+/)[0]!))) {
      const amount = words.find((w) => /^\d+(?:[.,]\d+)?\s?(?:kg|g|lb|lbs|oz|l|ml|cl)$/i.test(w.text));
      const heldWords = held[1].split(/\s+/);
      out.push({
        value: [held[1], amount?.text].filter(Boolean).join(' '),
        group,
        specificity: heldWords.length + heldWords.filter((w) => /^[\p{Lu}\d]/u.test(w)).length * 1.5 + 1,
        turn,
        order: order(),
        customer: turn.role === 'customer',
      });
      continue;
    }
    // "2 tickets for Neon Harbor", "a case for my Pixel 8": the named thing it is for makes it specific.
    // "Ik zie 2 tickets voor …": what stands before the count is the sentence, not the name.
    // "I see 2 standing tickets for …": a plain count after a lowercase word starts the phrase; the words before it are
    // the sentence ("see"), and the lowercase words after it the kind of ticket.
    const count = words.findLastIndex((w, k) => k > 0 && COUNT.test(w.text) && !isCapitalised(words[k - 1]!));
    if (count > 0) words.splice(0, count);
    const beforeHead = words.slice(0, -1);
    const kind = COUNT.test(beforeHead[0]?.text ?? '') ? beforeHead.slice(1) : beforeHead;
    const onlyCounts =
      beforeHead.length === 0 ||
      COUNT.test(beforeHead[beforeHead.length - 1]!.text) ||
      (kind.length < beforeHead.length && kind.length <= 2 && !kind.some((w) => isCapitalised(w) || isModel(w)));
    // "2x Standing tickets for The Lanterns": tickets are named by what they are for, whatever kind they are.
    const tickets = group === 'event' && beforeHead.every((w) => !isModel(w) || COUNT.test(w.text));
    const forNamed = onlyCounts || tickets ? FOR_NAMED.exec(sentence.slice(tok.start + tok.text.length)) : null;
    if (forNamed?.[1] && !CALENDAR.test(forNamed[1]) && !STOP.has(fold(forNamed[1].split(/\s+/)[0]!))) {
      const kindWords =
        kind.length < beforeHead.length || (tickets && !onlyCounts) ? kind.map((w) => w.text.toLowerCase()) : [];
      out.push({
        value: [forNamed[1], ...kindWords, tok.text].join(' '),
        group,
        specificity: 2 + forNamed[1].split(/\s+/).length * 2.5,
        turn,
        order: order(),
        customer: turn.role === 'customer',
      });
      continue;
    }
    // "the HL Smart Plug Mini": a capitalised name runs on past its noun ("Mini", "Pro 2").
    if (isCapitalised(tok) && words.length > 1) {
      for (let j = i + 1; j < tokens.length && j <= i + 2; j++) {
        const next = tokens[j]!;
        const gap = sentence.slice(tokens[j - 1]!.start + tokens[j - 1]!.text.length, next.start);
        if (!/^\s+$/.test(gap) || !(isCapitalised(next) || isModel(next)) || STOP.has(next.folded)) break;
        if (BUSINESS.test(next.folded)) {
          words.length = 0;
          break;
        }
        words.push(next);
      }
    }
    // "czy laptop Korsa 14 jest dostępny", "el e-bike Brisel 500": another language writes the name after a noun it
    // borrowed from English, and the words before it are that language's, no part of the name.
    // A chat read as English may be in a language the reader does not know: there only a name with a model number.
    const after = !words.slice(0, -1).some((w) => isCapitalised(w) || isModel(w));
    const named = after ? nameAfter(tokens, i, sentence) : [];
    if (named.length && (t.language !== 'en' || named.some(isModel))) words.splice(0, words.length, ...named, tok);
    if (words.length === 0) continue;
    // "do you repair tablets?": one generic noun names the kind of item, singular as a case would record it.
    if (words.length === 1 && head !== tok.folded && !/^(?:tickets|plants|flowers)$/.test(tok.folded)) {
      words[0] = { ...tok, text: tok.text.slice(0, head.length) };
    }
    const value = words.map((w) => w.text).join(' ');
    const caps = words.filter((w) => isCapitalised(w) || isModel(w)).length;
    out.push({
      value,
      group,
      specificity: words.length + caps * 1.5,
      turn,
      order: order(),
      customer: turn.role === 'customer',
    });
  }
  return out;
}

/** Parts that wear out or fail on their own, named after what they belong to: "the battery on my e-bike". */
const PARTS = new Set(['battery', 'cable', 'strap', 'band', 'pad', 'plug']);

/**
 * "the battery on my Ridgeway Tour e-bike has swollen": the product a part belongs to, read after "on/of/from/in my"
 * (a possessive: "the cable on the desk" is where it lies), up to its last lexicon noun. The part that failed is the
 * item, and the product names it ("Ridgeway Tour e-bike battery").
 */
function ownerAfter(tokens: Token[], i: number, sentence: string): Token[] | null {
  const [link, det] = [tokens[i + 1], tokens[i + 2]];
  if (!link || !det || !/^(?:on|of|from|in)$/.test(link.folded) || !/^(?:my|our|his|her|their)$/.test(det.folded))
    return null;
  let end = -1;
  for (let j = i + 3; j < tokens.length && j <= i + 6; j++) {
    const w = tokens[j]!;
    const gap = sentence.slice(tokens[j - 1]!.start + tokens[j - 1]!.text.length, w.start);
    if (j > i + 3 && !/^\s+$/.test(gap) && gap !== '-') break;
    if (STOP.has(w.folded) || VERBS.has(w.folded)) break;
    if (headOf(w)) end = j;
  }
  // "the battery on my Voltway City 500": an owner the lexicon has no noun for is named by its brand and model.
  if (end < 0) {
    let j = i + 3;
    while (
      j < tokens.length &&
      j <= i + 6 &&
      (isCapitalised(tokens[j]!) || (j > i + 3 && isModel(tokens[j]!))) &&
      !STOP.has(tokens[j]!.folded) &&
      (j === i + 3 || /^\s+$/.test(sentence.slice(tokens[j - 1]!.start + tokens[j - 1]!.text.length, tokens[j]!.start)))
    )
      j++;
    end = j - 1;
  }
  return end < i + 3 ? null : tokens.slice(i + 3, end + 1);
}

/** Words after an order reference that describe its state, not what it holds ("ORD-1, placed on Monday"). */
const ORDER_STATE =
  /^(?:placed|marked|delivered|shipped|dispatched|cancell?ed|pending|refunded|processing|scheduled|open|opened|paid|due|created|sent|from|on|in|at|with|which|that|and|is|was|has|had|\d+(?:[.,]\d+)?)$/;
// "the Vauxhall Corsa returned to Manchester Airport": what was done with the item ends its name.
const PHRASE_END =
  /^(?:in|with|and|marked|scheduled|delivered|dispatched|shipped|returned|collected|received|purchased|booked|refunded|cancell?ed|from|for|at|on|to|en|mit|com|avec|und|y|e|et|tomorrow|today|tonight|yesterday|which|that|placed|ordered|bought|paid|charged|renewal|renewed|was|is|has|had|but|so|because|size|colou?r|qty|x|under|account|accounts|na|em|nel|nella|im|dans)$/;
/** An agent or bot reading the order out: "I can see SPK-20931 — a Velora Aero helmet", "HP-33019 open, the Ardent sideboard in light oak", "RX-402193 is your 90-day supply of …". */
const LOOKUP =
  /\b(?:i can see|i see|i'?ve got|i have|i found|found|looking at|pulled up|veo|vejo|ich sehe|je vois|ik zie|vedo|ho trovato|gefunden|trouve)\b[^.!?]{0,30}?#?(?!\d+(?:[.,]\d+)?\s?(?:ml|cl|l|g|kg|mg|oz|lb|lbs|cm|mm|m|in|gb|tb|w|kw|kwh|v|mah)\b)([A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*)\b(?:\s*(?:[:,\u2014\u2013]|\s-)\s*|\s+(?:is|was) (?:your|the|a|an)\s+|\s+for (?:your|the)\s+|\s+open,?\s+|\s+(?:with|mit|con|avec|com|met)\s+)(?:(?:the|a|an|your|one|la|el|o|um|uma|una|der|die|das|ein|eine|le|un|une|een|het|de|il|lo|uno)\s+)?([\p{L}\p{N}][^,.;:!?()]*)/iu;
/** "I can see it: 3 x Elodie chiffon bridesmaid dress", "got it: one 10\" layer cake": the item after "it:". */
const LOOKUP_IT =
  /\b(?:i can see|i see|i'?ve got|found|got|here|veo|vejo|ich sehe|je vois|achei|encontre)\s+(?:it|them|lo|la|es|le|o|a)?\s*[:\u2014\u2013]\s*(?:#?[A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*\s*[,:\u2014\u2013-]\s*)?(?:(?:the|a|an|one|your|un|una|le|la|o|um|uma|der|die|das|ein|eine)\s+)?(?:\d+\s?x\s+)?([\p{L}\p{N}][^,.;:!?()]*)/iu;
/**
 * "I can see the Pixel 7a", "I see the Curvy Balance Board in Rainbow", "veo un Seat Ibiza", "I see 2x Harbour tote": a
 * named item, no ref; "ich sehe die Bestellung …" names the order, not an item.
 */
/** "Got it, 7731920: the Sisal Summit cat tree": the number the customer corrected, then what it holds. */
const LOOKUP_GOT =
  /\b(?:got it|found it|here it is|that'?s the one|gevonden|trovato|gefunden|encontrado|trouve|achei|encontrei),?\s+#?[A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*\s*[:\u2014\u2013-]\s*(?:(?:the|a|an|your|one|la|el|o|um|uma|una|der|die|das|ein|eine|le|un|une|een|het|de|il|lo)\s+)?(?:\d+\s?x\s+)?([\p{L}\p{N}][^,.;:!?]*)/iu;
const LOOKUP_NAMED =
  /\b(?:[Ii] can see|[Ii] see|[Ii]'?ve got|[Ii] found|[Vv]eo|[Vv]ejo|[Ii]ch sehe|[Jj]e vois)\s+(?:the|a|an|your|un|una|le|la|o|um|uma|der|die|das|ein|eine|\d{1,3}\s?[x×])\s+(?!(?:[Oo]rder|[Bb]estellung|[Pp]edido|[Cc]ommande|[Ee]ncomenda|[Oo]rdine|[Bb]estelling|[Bb]ooking|[Bb]uchung|[Rr]eserva|[Rr]eservation|[Aa]ccount|[Kk]onto|[Cc]uenta|[Cc]ompte|[Cc]onta)\b)((?:large|small|medium|new)\s+)?(\p{Lu}[\p{L}\p{N}-]*(?:\s+[\p{L}\p{N}/"%-]+){0,5})/u;
/** "I see Brembo P 85 020 front pads on PH-7731": a named item, no article, placed on the order by its reference. */
const LOOKUP_ON =
  /\b(?:[Ii] can see|[Ii] see|[Ii]'?ve got|[Ii] found)\s+(\p{Lu}[\p{L}\p{N}-]*(?:\s+[\p{L}\p{N}/"%-]+){0,6}?)\s+(?:on|in)\s+(?:(?:your\s+)?order\s+)?#?[A-Z]{1,5}[#-]?\d{3,}/u;
/** "the cat tree I got today", "the dog bed I ordered": what the customer bought, whatever it is called. */
const BOUGHT_THING =
  /\b(?:the|my|this|our)\s+((?:[\p{L}\p{N}-]+\s+){0,3}?[\p{L}-]{3,})\s+(?:i|we)\s+(?:just\s+)?(?:got|ordered|bought|received|purchased)\b/iu;
/** "my automatic feeder stopped dispensing": the customer's own thing that failed. */
const MY_THING_FAILED =
  /\bmy\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]{3,})\s+(?:just\s+)?(?:stopped|broke|won'?t|doesn'?t|isn'?t working|keeps|is broken|is damaged|is faulty|is leaking|leaks|arrived|came)\b/iu;
/** "my wine delivery", "our garden furniture order": an order or delivery named after what it holds. */
const ORDER_OF_KIND =
  /\b(?:[Mm]y|[Oo]ur)\s+((?:[a-z-]+\s+){0,1}?[a-z-]{3,})\s+(?:order|delivery|parcel|shipment)\b(?!\s+(?:number|no|ref|reference|id|confirmation|date|address|status|details|tracking)\b)/u;
/**
 * Words that say which order or how it is sent, not what it holds: "my last order", "my home delivery"; and a whole
 * shop's range, which names the kind of shop, not an item ("my grocery order").
 */
const ORDER_QUALIFIER =
  /^(?:last|latest|recent|previous|first|second|third|next|new|old|current|usual|regular|weekly|monthly|daily|online|express|standard|priority|next-day|same-day|home|repeat|pre|return|replacement|standing|test|trial|sample|original|whole|entire|big|large|small|click|collect|missing|late|delayed|lost|wrong|other|today|todays|tomorrow|tomorrows|bank|card|account|gift|monday|tuesday|wednesday|thursday|friday|saturday|sunday|december|christmas|grocery|groceries|shopping|food|takeaway|supermarket)$/;

/** Things a customer has that are not what a shop sold them. */
const NOT_A_PRODUCT =
  /^(?:account|order|orders|card|email|e-mail|password|login|money|refund|payment|package|parcel|delivery|shipment|box|husband|wife|partner|son|daughter|kids?|children|mum|mom|dad|boss|friend|cat|cats|dog|dogs|flat|house|home|address|name|number|bank|internet|wifi|connection|booking|reservation|flight|subscription|plan|code|coupon|voucher|item|stuff|thing|things|one|purchase|invoice|bill|statement|phone|computer|browser|screen|app|website|site|profile|details|info|information|ticket|tickets|case|request|message|call|question|problem|issue)$/i;

function lookupCandidate(turn: Turn, text: string, language: string, order: () => number): Candidate | null {
  const phrases = [
    LOOKUP.exec(text)?.[2],
    LOOKUP_IT.exec(text)?.[1],
    LOOKUP_GOT.exec(text)?.[1],
    LOOKUP_NAMED.exec(text)?.[2],
    LOOKUP_ON.exec(text)?.[1],
  ];
  for (const phrase of phrases) {
    const found = phrase ? lookedUpItem(phrase, turn, language, order) : null;
    if (found) return found;
  }
  return null;
}

/** "Found it!", "Here it is.": the agent's sentence that says the order is on screen, with nothing after it. */
const FOUND_IT = /^(?:found it|got it|here it is|there it is|ah found it|ok found it)\W*$/;

/**
 * "Found it! Arcus X2 wireless earbuds in graphite, delivered 22 December.": the sentence after the agent finds the
 * order reads out its line. Only a line naming a product noun or a model: "Got it! Let me check" is the next step.
 */
function foundThenRead(
  turn: Turn,
  before: string | undefined,
  text: string,
  language: string,
  order: () => number,
): Candidate | null {
  if (!before || !FOUND_IT.test(before) || !/^\p{Lu}/u.test(text)) return null;
  const found = lookedUpItem(text, turn, language, order);
  const words = found?.value.split(/\s+/) ?? [];
  return words.some((w) => headOfWord(w) || /\d/.test(w)) ? found : null;
}

/** "2", "3x": a count written in front of what is counted. */
const COUNT = /^\d{1,3}x?$/i;

/** A verb after the noun an agent reads out: the sentence goes on to say what happened to it. */
const EVENT_VERB = /^(?:went|was|were|is|are|has|had|failed|got|came|arrived|shipped|left|didn'?t|hasn'?t|wasn'?t)$/;

function lookedUpItem(phrase: string, turn: Turn, language: string, order: () => number): Candidate | null {
  const words: string[] = [];
  for (const w of phrase.trim().split(/\s+/)) {
    const f = fold(w);
    // "Nova X Starter Bundle": a capital X after a name is a model letter, not the "x" of "2 x".
    const modelLetter = w === 'X' && /^\p{Lu}/u.test(words[words.length - 1] ?? '');
    if (words.length > 0 && PHRASE_END.test(f) && !modelLetter) break;
    if (words.length >= 7) break;
    words.push(w);
  }
  while (words.length && (STOP.has(fold(words[words.length - 1]!)) || /^of$/i.test(words[words.length - 1]!)))
    words.pop();
  // "I can see the SIM swap went through": what happened on the account, not an item, when no product noun is named.
  const verb = words.findIndex((w, k) => k > 0 && EVENT_VERB.test(fold(w)));
  if (verb > 0) {
    if (!words.slice(0, verb).some((w) => headOfWord(w))) return null;
    words.splice(verb);
  }
  if (
    !words.length ||
    ORDER_STATE.test(fold(words[0]!)) ||
    // "batch 24B11", "lot 7": which run it was made in, not what it is.
    /^(?:batch|lot|serial|charge|lote|lotto|partij)$/i.test(words[0]!) ||
    /^(?:i|i'?ve|i'?ll|i'?m|we|we'?ve|we'?ll|you|it|that|this|there|he|she|they)$/i.test(words[0]!) ||
    STOP.has(fold(words[0]!)) ||
    !words.some((w) => /\p{L}{3,}/u.test(w)) ||
    // "the Family Box", "the Pro plan": sold by a name, unlike "the box" or "the plan". On an order line a name before
    // "case" is a case of wine or a phone case, never the support case.
    (NOT_A_PRODUCT.test(words[words.length - 1]!) &&
      !(
        words.length > 1 &&
        (SOLD_WITH_A_NAME.test(fold(words[words.length - 1]!)) || words[words.length - 1] === 'case') &&
        /^\p{Lu}/u.test(words[0]!)
      )) ||
    // "pedido CR-7714: mesa de comedor Olmo 160": the foreign-noun rule reads it, in English.
    (language !== 'en' && words.some((w) => FOREIGN[fold(w)] !== undefined))
  )
    return null;
  // "Kairo P8 128 GB azul": a case is written in English, and a colour after the name is no part of it.
  if (language !== 'en')
    for (let k = 1; k < words.length; k++) words[k] = FOREIGN_COLOURS[fold(words[k]!)] ?? words[k]!;
  const heads = words.map(headOfWord).filter(Boolean);
  const group = heads.length ? GROUP_OF.get(heads[heads.length - 1]!)! : 'looked-up';
  const caps = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return { value: words.join(' '), group, specificity: 6 + caps, turn, order: order(), customer: false, lookup: true };
}

/**
 * "I see two purchases: RL-7731902 (a denim jacket, delivered on 8 April) and RL-7731955 (Nintendo Switch OLED,
 * white, …)": an agent listing orders with what each holds.
 */
const LISTED_ORDER = /#?\b([A-Z]{1,5}-?\d{4,}[A-Z0-9-]*|\d{5,})\s*\(([^()]{2,120})\)/g;
/** An order reference however it is written out ("BP-22871, the …"). */
const ORDER_REF = /\b(?:[A-Z]{1,5}-?\d{4,}[A-Z0-9-]*|\d{5,})\b/g;

/**
 * The item of each listed order the case is about, and the sentence without the others. Of several orders, the one
 * whose reference the chat names again (the customer's own "purchase RL-7731955", the agent's "It's VH-231045,
 * right?") is the case's; the rest are set aside. With none named again, every item stays a plain mention.
 */
function listedOrders(
  turn: Turn,
  text: string,
  t: Transcript,
  order: () => number,
): { found: Candidate[]; rest: string } | null {
  const listed = [...text.matchAll(LISTED_ORDER)];
  if (listed.length === 0) return null;
  const namedAgain = (ref: string) => {
    const f = fold(ref);
    let count = 0;
    for (const u of t.usable) count += u.folded.split(f).length - 1;
    return count > 1;
  };
  // "BP-22710 (your May subscription bag, …) and BP-22871, the Kalita hand grinder": another order in the sentence,
  // listed otherwise, is as much the case's as this one.
  const refs = new Set(text.match(ORDER_REF) ?? []);
  const kept = refs.size <= 1 ? listed : listed.filter((m) => namedAgain(m[1]!));
  if (kept.length === 0) return null;
  const found: Candidate[] = [];
  let rest = text;
  for (const m of listed) {
    if (!kept.includes(m)) {
      rest = rest.replace(m[0], m[1]!);
      continue;
    }
    const item = m[2]!.split(/[,;]/)[0]!.replace(/^(?:a|an|the|one|your)\s+/i, '');
    const c = lookedUpItem(item, turn, t.language, order);
    if (c) found.push(c);
  }
  return { found, rest };
}

function boughtCandidate(turn: Turn, text: string, order: () => number): Candidate | null {
  const m = BOUGHT_THING.exec(text) ?? MY_THING_FAILED.exec(text);
  // Lower-case words only: "my Amazon order" names the shop.
  const kind = m ? null : ORDER_OF_KIND.exec(text);
  const found = m?.[1] ?? kind?.[1];
  if (!found) return null;
  const words = found.split(/\s+/);
  // "my last order", "my home delivery": which order or how it is sent, not what it holds.
  if (kind && words.some((w) => ORDER_QUALIFIER.test(w))) return null;
  const last = words[words.length - 1];
  // Only a plain noun phrase: "order still hasnt" or "husband's new" is not a product.
  if (
    !last ||
    NOT_A_PRODUCT.test(last) ||
    words.some((w) => STOP.has(fold(w)) || VERBS.has(fold(w)) || /n'?t$|'s$/i.test(w))
  )
    return null;
  const head = headOfWord(last);
  // A named product noun is read by the noun-phrase rule already; this is for the nouns the lexicon lacks.
  if (head) return null;
  return {
    value: words.join(' '),
    group: `bought:${fold(last)}`,
    specificity: words.length,
    turn,
    order: order(),
    customer: turn.role === 'customer',
  };
}

/** "Which plan are you on?" -> "Business, glaube ich" / "we're on Growth" / "Basic": the named plan. */
/** "Which grinder is it?" -> "the Burr Pro 2": the model named in reply, with the agent's noun for the item. */
function modelAnswer(turn: Turn, prev: Turn | undefined, order: () => number): Candidate | null {
  // Only a question about which item it is ("Which grinder is it?", "What model is the vase?").
  const asked = prev?.sentences.find(
    (s) =>
      s.question &&
      /\b(?:which|what)\b[^?]{0,30}\b(?:is it|model|one|kind|type|version)?/.test(s.folded) &&
      /^(?:\W*\w+\W+){0,2}(?:which|what)\b/.test(s.folded),
  );
  // "Of course, what's your full name?": a question for the customer's details names no item.
  if (!asked || /\b(?:name|e-?mail|address|phone|number|postcode|zip)\b/.test(asked.folded)) return null;
  const head = tokenise(asked.text)
    .map(headOf)
    .find((h) => h !== undefined && !NEEDS_MODIFIER.has(h));
  if (!head) return null;
  const m =
    /^\s*(?:the |it'?s (?:the )?|its (?:the )?|it is (?:the )?)?(\p{Lu}[\p{L}\p{N}-]*(?:\s+[\p{Lu}\d][\p{L}\p{N}-]*){0,3})\s*[.!]?\s*$/u.exec(
      turn.text,
    );
  const name = m?.[1] && !STOP.has(fold(m[1])) ? m[1] : lowerCaseModel(turn.text);
  if (!name) return null;
  return {
    value: holds(name, head) ? name : `${name} ${head}`,
    group: GROUP_OF.get(head) ?? 'other',
    specificity: 6,
    turn,
    order: order(),
    customer: true,
  };
}

/**
 * "zentra book 14 air, the 16gb 512gb one in silver": a chat reply names the model in lower case. Its first clause is
 * the model when it is a few plain words with a model number among them ("the one from 2 weeks ago" has function
 * words, "order 55120" only a reference); written with capitals as a name is.
 */
function lowerCaseModel(text: string): string | null {
  const clause = firstClause(text.trim())
    .trim()
    .replace(/^(?:the|it'?s(?: the)?|its(?: the)?|it is(?: the)?)\s+/i, '');
  const words = clause.split(/\s+/);
  if (
    words.length > 4 ||
    !words.every((w) => /^[a-z0-9][a-z0-9-]*$/.test(w) && !STOP.has(w) && !VERBS.has(w) && !SIZE.test(w)) ||
    words.some((w) => NOT_A_PRODUCT.test(w) || /^\d{4,}$/.test(w)) ||
    !words.some((w) => /\d/.test(w)) ||
    !words.some((w) => /^[a-z]{3,}$/.test(w))
  )
    return null;
  return words.map(capitaliseFirst).join(' ');
}

/**
 * "a charge of £49 for TabGuard 3-Year Protection", "does your Liquid Spill add-on cover a tablet": cover sold on
 * top of a device is bought by its name, like a plan; the device named beside it is what it covers, so as with a plan
 * (onPlan) the named add-on outranks a plain noun for the device.
 */
const NAMED_ADD_ON = /\b((?:\p{Lu}[\p{L}\p{N}+]*\s+|\d+-[Yy]ear\s+){1,4}(?:[Pp]rotection(?:\s+[Pp]lan)?|[Aa]dd-on))\b/u;

/** "Fibre 500" is a plan's whole name; "Growth" is the Growth plan. */
const planName = (name: string) => (/\d/.test(name) ? name : `${name} plan`);

/**
 * "I can see you're on Fibre 500", "you are currently on the Team plan": the plan the agent reads off the account. A
 * service names its tiers after itself ("Pacely Premium"), so a second capitalised word is part of the name.
 */
const AGENT_PLAN =
  /\b(?:[Yy]ou'?re|[Yy]ou are|[Yy]ou'?ve been) (?:currently |still )?on (?:the |our )?(\p{Lu}[\p{L}\p{N}+-]*(?:\s+(?!Plan\b)\p{Lu}[\p{L}\p{N}+-]*)?(?:\s+\d[\p{N}]*[\p{L}]{0,2})?)(?:\s+plan)?\b|\b[Ii] can see (\p{Lu}[\p{L}\p{N}+-]*(?:\s+\d[\p{N}]*)?) on (?:your|the) account\b|\b(?:on|of) your (\p{Lu}[\p{L}\p{N}+-]*(?:\s+[\p{Lu}\d][\p{L}\p{N}+-]*){0,2}) (plan|tariff)\b|\b(?:on|of) (?:your|the) (\p{Lu}[\p{L}\p{N}+-]*(?:\s+[\p{Lu}\d][\p{L}\p{N}+-]*){0,2}) package\b/u;

/** "Sie haben den Tarif Flex M", "o plano Família está ativo": the plan the agent reads off, in the other languages. */
const AGENT_PLAN_ELSEWHERE =
  /\b(?:[Ss]ie haben (?:den |einen )?(?:Tarif|Vertrag)|Ihr(?:en)? (?:Tarif|Vertrag)|(?:[Ss]u|[Tt]u) (?:plan|tarifa)|(?:[Vv]otre|[Tt]on) (?:forfait|abonnement|offre|formule)|[Oo] (?:seu |teu )?plano|(?:[Ii]l suo|[Ii]l tuo|[Ll]a sua|[Ll]a tua) (?:piano|abbonamento|tariffa)|(?:[Uu]w|[Jj]e) (?:abonnement|bundel))\s+(\p{Lu}[\p{L}\p{N}+-]*(?:\s+[\p{Lu}\d][\p{L}\p{N}+-]*)?)/u;

/** "lisinopril 10 mg", "Loratadine 10mg tablets": a medicine named with its dose. */
const DOSE =
  /\b(\p{L}[\p{L}-]{4,})\s+(\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|ml|iu))\b(?:\s+(tablets|capsules|pills|caps|tabs|drops|spray|injections|pens))?/iu;

function doseCandidate(turn: Turn, text: string, order: () => number): Candidate | null {
  const m = DOSE.exec(text);
  if (
    !m?.[1] ||
    STOP.has(fold(m[1])) ||
    VERBS.has(fold(m[1])) ||
    /^(?:about|around|only|least|most|taking|take)$/i.test(m[1])
  )
    return null;
  // "the Dewdrop Vitamin C serum 30ml": the brand and name in front of the noun go with it.
  const before = text.slice(0, m.index).trimEnd().split(/\s+/);
  const name: string[] = [];
  for (let k = before.length - 1; k >= 0 && name.length < 5; k--) {
    const w = before[k]!;
    if (!/^[\p{L}\p{N}-]+$/u.test(w) || STOP.has(fold(w)) || VERBS.has(fold(w))) break;
    name.unshift(w);
  }
  while (name.length && !/^[\p{Lu}\d]/u.test(name[0]!)) name.shift();
  const value = [...name, name.length ? m[1] : capitaliseFirst(m[1]), m[2], m[3]].filter(Boolean).join(' ');
  return { value, group: 'health', specificity: 6, turn, order: order(), customer: turn.role === 'customer' };
}

/** "Wir haben den Profi-Tarif", "el plan Pro", "l'abonnement Premium": a plan named in another language. */
const FOREIGN_PLAN =
  /\b(\p{Lu}[\p{L}\p{N}+]*)-(?:[Tt]arif|[Aa]bo|[Aa]bonnement|[Pp]aket|[Pp]lan)\b|\b(?:tarifa|plan|plano|abonnement|forfait|offre|abbonamento|piano|abonnement) (\p{Lu}[\p{L}\p{N}+]*)\b/u;

function planAnswer(turn: Turn, prev: Turn | undefined, order: () => number): Candidate | null {
  if (!prev || !PLAN_QUESTION.test(prev.folded) || !prev.sentences.some((s) => s.question)) return null;
  const m =
    /^\s*(?:we'?re on |i'?m on |on |it'?s |the )?(?:the )?(\p{Lu}[\p{L}\p{N}+-]*(?:\s+\d[\p{N}]*|\s+(?!Plan\b)\p{Lu}[\p{L}\p{N}+-]*)?)(?:\s+[Pp]lan)?\b/u.exec(
      turn.text,
    ) ?? /\b(?:we'?re|i'?m|we are|i am) on (?:the )?(\p{Lu}[\p{L}\p{N}+-]*(?:\s+\d[\p{N}]*)?)/u.exec(turn.text);
  const name = m?.[1] ?? lowerCasePlan(turn.text);
  if (!name || STOP.has(fold(name)) || /^(?:yes|no|yeah|nope|hmm|ok|okay|sure)$/i.test(name)) return null;
  return { value: planName(name), group: 'plan', specificity: 3, turn, order: order(), customer: true };
}

/** "jotly pro yearly. version 4.1": a short lower-case first clause naming the plan, written with capitals. */
function lowerCasePlan(text: string): string | null {
  const clause = text.split(/[,;:(!?]|\.(?:\s|$)/)[0]!.trim();
  const words = clause.split(/\s+/);
  if (
    words.length > 3 ||
    !words.every((w) => /^[a-z][a-z0-9+-]*$/.test(w) && !STOP.has(w) && !VERBS.has(w)) ||
    /^(?:yes|no|yeah|yep|nope|hmm+|ok|okay|sure|idk|dunno|think|maybe|plan|the|free)$/.test(words[0]!)
  )
    return null;
  return words.map(capitaliseFirst).join(' ');
}

/**
 * The product or plan the issue is about, as specifically as stated: noun phrases around shop nouns (with the brand or
 * model in front), plan names from answers to "which plan…?", "<shop> app" when the app is what fails. The item first
 * brought up is the subject; later, more specific mentions of the same kind of item refine it (the agent's
 * "that's the Alpine Shell jacket?" once the customer says yes); side questions and replacements do not.
 */
export function findProduct(t: Transcript, escalationValue: unknown): ProductFound | null {
  let n = 0;
  const order = () => n++;
  const candidates: Candidate[] = [];
  if (typeof escalationValue === 'string' && escalationValue.trim()) {
    const tokens = tokenise(escalationValue);
    const last = tokens[tokens.length - 1];
    const group = (last && headOf(last) && GROUP_OF.get(headOf(last)!)) || 'escalated';
    candidates.push({
      value: escalationValue.trim(),
      group,
      specificity: tokens.length + 1,
      turn: { id: '' } as Turn,
      order: order(),
      customer: true,
    });
  }
  for (let i = 0; i < t.usable.length; i++) {
    const turn = t.usable[i]!;
    if (turn.offTopic) continue;
    const prev = t.usable
      .slice(0, i)
      .reverse()
      .find((x) => x.role !== 'customer');
    if (turn.role === 'customer') {
      // Only the first customer turn after "which plan…?" answers it.
      const answering = t.usable[i - 1] === prev;
      const plan = answering ? planAnswer(turn, prev, order) : null;
      const named = answering && !plan ? modelAnswer(turn, prev, order) : null;
      if (named) candidates.push(named);
      if (plan) candidates.push(plan);
      const moved = PLAN_MOVE.exec(turn.text);
      if (moved?.[1] && !STOP.has(fold(moved[1]))) {
        candidates.push({
          value: `${moved[1]} plan`,
          group: 'plan',
          specificity: 4,
          turn,
          order: order(),
          customer: true,
        });
      }
      // "we're on Pro not Basic": a correction names the plan outright.
      const onPlan =
        /\b(?:we'?re|i'?m|we are|i am) on (?:the )?(\p{Lu}[\p{L}\p{N}+-]*(?:\s+\d[\p{N}]*|\s+(?!Plan\b)\p{Lu}[\p{L}\p{N}+-]*)?)(?:\s+plan)?\b/u.exec(
          turn.text,
        );
      if (onPlan?.[1] && !plan && !STOP.has(fold(onPlan[1]))) {
        candidates.push({
          value: planName(onPlan[1]),
          group: 'plan',
          specificity: 3,
          turn,
          order: order(),
          customer: true,
        });
      }
      // "I booked 3 seats for The Paper Lanterns": seats are tickets for the show named, as "places pour …" are.
      const seats = SEATS_FOR.exec(turn.text);
      if (seats?.[1] && !CALENDAR.test(seats[1]) && !STOP.has(fold(seats[1].split(/\s+/)[0]!))) {
        const value = `${seats[1]} tickets`;
        candidates.push({ value, group: 'event', specificity: 7, turn, order: order(), customer: true });
      }
      const title = TITLE_BY.exec(turn.text);
      const format = title ? BOOK_FORMAT.exec(title[4] ?? '')?.[1] : undefined;
      if (title?.[3] && (title[1] || title[2] || format) && !CALENDAR.test(title[3])) {
        candidates.push({
          value: [title[3].replace(/['’]+$/, ''), format?.toLowerCase()].filter(Boolean).join(' '),
          group: 'media',
          specificity: 7,
          turn,
          order: order(),
          customer: true,
        });
      }
      const addOn = NAMED_ADD_ON.exec(turn.text);
      // "it's still covered under the Extended Protection": the cover is why the broken device is fixed, not the case.
      const covering =
        addOn && /\b(?:covered|under|by|with)\s+(?:the|my|your|our)?\s*$/i.test(turn.text.slice(0, addOn.index));
      if (addOn?.[1] && !covering && !STOP.has(fold(addOn[1].split(/\s+/)[0]!))) {
        candidates.push({ value: addOn[1], group: 'plan', specificity: 5, turn, order: order(), customer: true });
      }
      const foreignPlan = turn.role === 'customer' && t.language !== 'en' ? FOREIGN_PLAN.exec(turn.text) : null;
      const foreignName = foreignPlan?.[1] ?? foreignPlan?.[2];
      if (foreignName && !STOP.has(fold(foreignName))) {
        candidates.push({
          value: planName(foreignName),
          group: 'plan',
          specificity: 3,
          turn,
          order: order(),
          customer: true,
        });
      }
    }
    for (const [k, s] of turn.sentences.entries()) {
      if (!isFact(turn, s)) continue;
      // What the agent reads off the order is on file, even "the Pixel 7a (battery replacement)".
      const looked =
        turn.role === 'customer'
          ? null
          : (lookupCandidate(turn, s.text, t.language, order) ??
            foundThenRead(turn, turn.sentences[k - 1]?.folded, s.text, t.language, order));
      if (looked) candidates.push(looked);
      const listed = turn.role === 'customer' || looked ? null : listedOrders(turn, s.text, t, order);
      if (listed) candidates.push(...listed.found);
      const agentPlan = turn.role === 'customer' ? null : AGENT_PLAN.exec(s.text);
      // "on your Volt 15GB plan": a name with its plan word is the plan's whole name; "I can see the Roamer Pass on your
      // Volt plan" reads out an item, and the plan it is on is only where it sits.
      const onYour = agentPlan?.[3] && agentPlan[4] && !looked ? `${agentPlan[3]} ${agentPlan[4]}` : undefined;
      // "for 95 guests on the Garden Reception package": a venue or a tour sells packages by name, as a service its plans.
      const packageRead = agentPlan?.[5] && !looked ? `${agentPlan[5]} package` : undefined;
      const planRead =
        agentPlan?.[1] ??
        agentPlan?.[2] ??
        onYour ??
        packageRead ??
        (turn.role === 'customer' || t.language === 'en' ? undefined : AGENT_PLAN_ELSEWHERE.exec(s.text)?.[1]);
      if (planRead && !STOP.has(fold(planRead.split(/\s+/)[0]!))) {
        const value = planRead === packageRead ? planRead : planName(planRead);
        candidates.push({ value, group: 'plan', specificity: 5, turn, order: order(), customer: false, lookup: true });
      }
      // "We'll send you the Luma instead" names another item; "a replacement of your linen throw" the same one.
      if (turn.role !== 'customer' && REPLACEMENT.test(s.folded) && !SAME_REPLACED.test(s.folded)) continue;
      // "I can also see a separate order 7729814 for cat litter": what another order holds is not this case's item.
      if (OTHER_ORDER.test(s.folded)) continue;
      // "yeah the litter came last week, no problems there": an item said to be fine is not what the case is about;
      // "the jacket is fine but the zip broke" still is.
      if (SAID_FINE.test(s.folded)) continue;
      // "there's an order for 2 pairs of headphones I didn't make": what someone else ordered on the account.
      if (NOT_MINE.test(s.folded)) continue;
      const dose = doseCandidate(turn, s.text, order);
      if (dose) candidates.push(dose);
      // "the knife block is lovely but the frying pan is already peeling": praise, then the item that went wrong.
      const praised = turn.role === 'customer' ? PRAISED_THEN_OTHER.exec(s.text) : null;
      const read = praised ? s.text.slice(praised.index + praised[0].length) : (listed?.rest ?? s.text);
      candidates.push(...phrasesIn(read, turn, t, order).map((c) => ({ ...c, sentence: read })));
      const bought = turn.role === 'customer' ? boughtCandidate(turn, s.text, order) : null;
      if (bought) candidates.push(bought);
      const looking = turn.role === 'customer' ? LOOKING_AT.exec(s.text) : null;
      if (looking?.[1] && !STOP.has(fold(looking[1].split(/\s+/)[0]!))) {
        candidates.push({
          value: looking[1],
          group: 'looked-at',
          specificity: 5,
          turn,
          order: order(),
          customer: true,
        });
      }
    }
  }
  // "Sprout Box" where Sprout Box is the shop: its name, not a box it sold.
  if (t.organisation) candidates.splice(0, candidates.length, ...candidates.filter((c) => !isShop(c.value, t)));
  if (candidates.length === 0) return taggedProduct(t) ?? possessedName(t);
  // "il controller DualPad Pro …" then the agent's "dalle impostazioni della console?": a plain noun only the agent used
  // says less than the product the tagger reads in the customer's own words.
  if (candidates.every((c) => !c.customer && !c.lookup && isGeneric(c.value))) {
    const own = taggedProduct(t);
    if (own) return own;
  }
  // The subject: the kind of item the customer (or the bot's summary) brought up first.
  // A thing only known from "the … I bought" / "my … stopped" is the subject when nothing the lexicon knows is.
  const first =
    candidates.find((c) => c.customer && !c.group.startsWith('bought:')) ??
    candidates.find((c) => c.customer) ??
    candidates.find((c) => c.lookup) ??
    candidates[0]!;
  // "the brightnest app won't find my new smart plug": the shop's own app is how its device is used; the device the
  // customer names is what they bought.
  const device =
    first.group === 'app' && isShopsOwnApp(first.value, t)
      ? candidates.find((c) => c.customer && c.group !== 'app' && c.group !== 'plan' && !c.group.startsWith('bought:'))
      : undefined;
  const tagged = device ? null : taggedInstead(first, t);
  if (tagged) candidates.push(tagged);
  const chosen = device ?? tagged ?? first;
  // "it's just the pot": a later narrowing to another item the chat named outranks what was brought up first.
  const narrowed = narrowedTo(t);
  const narrowedItem =
    narrowed && !holds(chosen.value, narrowed)
      ? (candidates.find((c) => c.customer && holds(c.value, narrowed)) ??
        candidates.find((c) => holds(c.value, narrowed)))
      : undefined;
  const subject = narrowedItem ?? onPlan(candidates, chosen) ?? chosen;
  // "I see order #902277, the PowerMix 900": a model named next to the order is the subject's model.
  const subjectHead =
    tokenise(subject.value).map(headOf).filter(Boolean).pop() ?? subject.value.split(/\s+/).pop()?.toLowerCase();
  if (subjectHead && subject.group !== 'plan' && subject.group !== 'app') {
    // "¿Qué modelo es?" -> "el Clásico 40": the model named in reply.
    for (let i = 1; i < t.usable.length; i++) {
      const turn = t.usable[i]!;
      const prev = t.usable[i - 1]!;
      if (turn.role !== 'customer' || prev.role === 'customer' || !MODEL_QUESTION.test(prev.folded)) continue;
      // "Das Pulsar Band 5 in Schwarz. Bestellnummer …", "Nestora Hub 2, firmware 4.8.1": the name is the first clause.
      const reply = readingOffLabel(turn.text);
      const m = MODEL_REPLY.exec(reply) ?? MODEL_REPLY.exec(firstClause(reply));
      if (m?.[1] && !STOP.has(fold(m[1]))) {
        candidates.push({
          value: `${m[1]} ${subjectHead}`,
          group: subject.group,
          specificity: 6,
          turn,
          order: order(),
          customer: true,
        });
      }
    }
    for (const turn of t.usable) {
      if (turn.offTopic) continue;
      for (const s of turn.sentences) {
        if (!isFact(turn, s)) continue;
        const which = turn.role === 'customer' ? WHICH_ONE.exec(s.text) : null;
        const kind = which?.[1]?.trim().split(/\s+/) ?? [];
        // Plain words only: "it's the one from last week" or "it's a different one" says which order, not what it is.
        if (
          kind.length &&
          !kind.some((w) => STOP.has(fold(w)) || VERBS.has(fold(w)) || NOT_ITEM_NOUN.test(fold(w)) || headOfWord(w)) &&
          (kind.length > 1 || /[\p{Lu}\d]/u.test(kind[0]!))
        ) {
          candidates.push({
            value: `${kind.join(' ')} ${subjectHead}`,
            group: subject.group,
            specificity: 6,
            turn,
            order: order(),
            customer: true,
          });
          continue;
        }
        const m =
          APPOSITIVE.exec(s.text) ??
          (turn.role === 'customer' ? (NAMES_MODEL.exec(s.text) ?? SET_OFF_MODEL.exec(s.text)) : null);
        if (!m?.[1] || tokenise(m[1]).some((x) => headOf(x)) || STOP.has(fold(m[1].split(/\s+/)[0]!))) continue;
        // "its the SunArc 6.4kW system": a plain noun after the name is the item's own, whatever the lexicon knows.
        // In English only: "la Lumen A4 paysage" has its adjective after the name.
        const own =
          t.language === 'en' &&
          m[2] &&
          !STOP.has(m[2]) &&
          !VERBS.has(m[2]) &&
          !NOT_ITEM_NOUN.test(m[2]) &&
          !VERB_FORM.test(m[2])
            ? m[2]
            : undefined;
        candidates.push({
          value: `${m[1]} ${own ?? subjectHead}`,
          group: subject.group,
          specificity: 6,
          turn,
          order: order(),
          customer: turn.role === 'customer',
        });
      }
    }
  }
  // What the agent read out of the order is the subject described exactly, when it is the same kind of thing.
  const subjectStems = new Set(wordsOf(fold(subject.value)).map(stem));
  for (const c of candidates) {
    if (!c.lookup || c === subject || c.group === subject.group) continue;
    const shares = wordsOf(fold(c.value)).some((w) => w.length > 2 && subjectStems.has(stem(w)));
    if (shares || subject.specificity <= 2 || namedOnlyByShop(subject.value, t)) c.group = subject.group;
  }
  const sameGroup = candidates.filter((c) => c.group === subject.group);
  // "cancel just the armchair" of a table and an armchair: only mentions of the armchair describe it.
  const sameItem = narrowed && narrowedItem ? sameGroup.filter((c) => holds(c.value, narrowed)) : [];
  // "my repeat prescription hasn't come … it's my inhaler": a prescription is what a medicine is ordered on; the
  // medicine named is the product.
  const medicines = sameGroup.filter((c) => !holds(c.value, 'prescription') && !holds(c.value, 'prescriptions'));
  const same = sameItem.length ? sameItem : medicines.length ? medicines : sameGroup;
  // Within the kind of item, a mention sharing words with the customer's own ("the hose reel") beats its neighbour in
  // the agent's list ("raised bed kit").
  const subjectWords = new Set(fold(subject.value).split(/\s+/));
  const rank = (c: Candidate) =>
    c.specificity +
    (c === subject ||
    fold(c.value)
      .split(/\s+/)
      .some((w) => subjectWords.has(w))
      ? 2
      : 0);
  const best = same.reduce((a, b) => (rank(b) > rank(a) || (rank(b) === rank(a) && b.order > a.order) ? b : a));
  const bestValue = withoutQuantity(best.value);
  const named = isGeneric(bestValue) ? namedByTagger(t, bestValue) : null;
  if (named) return { ...named, confidence: 0.6 };
  const value = capitaliseFirst(bestValue.replace(E_VEHICLE, 'e-$1'));
  return { value, confidence: same.length > 1 ? 0.75 : 0.6, evidence: best.turn.id ? [best.turn.id] : [] };
}

/** "ebike", "escooter": chats run the e- into the noun; a case writes "E-bike" however the customer typed it. */
const E_VEHICLE = /\be(bikes?|scooters?)\b/i;

/**
 * How many were bought and how they come packed are not the product's name: a case records "Brembo-style front brake
 * pads", not "a set of …" or "25 custom tees". Only a plain count goes ("3-person box", "10\" cake" are sizes).
 */
const QUANTITY =
  /^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+)\s+)?(?:(?:set|sets|pair|pairs|pack|packs|box|boxes|bundle|bundles|couple|case|cases|bag|bags|tub|tubs)\s+of\s+(?:the\s+)?)|^(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+)\s+(?=\S+\s*\S)/i;

function withoutQuantity(value: string): string {
  const rest = value.replace(QUANTITY, '');
  return /\p{L}{3,}/u.test(rest) ? rest : value;
}

/**
 * "our Crunchbox subscription" where Crunchbox is the shop: a subscription by the shop's name says no more than
 * "subscription" (what it delivers is named on the account). "the Railbird app" is the product itself.
 */
function namedOnlyByShop(value: string, t: Transcript): boolean {
  if (!t.organisation) return false;
  const shop = new Set(fold(t.organisation).split(/\s+/));
  const words = fold(value).split(/\s+/);
  return (
    words.length > 1 &&
    /^(?:subscription|membership)$/.test(words[words.length - 1]!) &&
    words.slice(0, -1).every((w) => shop.has(w))
  );
}

const isShop = (value: string, t: Transcript) => t.organisation !== null && fold(value) === fold(t.organisation);

/** "the Brightnest app" where Brightnest (Home) is the shop: its companion app, not a product of its own. */
function isShopsOwnApp(value: string, t: Transcript): boolean {
  const name = t.organisation ? fold(t.organisation).split(/\s+/)[0]! : '';
  return name.length > 2 && fold(value).split(/\s+/).includes(name);
}

/**
 * "it's just the pot", "can I cancel just the armchair?": of the items a chat names, the one the customer narrows the
 * case to (the last time they do), as the lexicon head of the words after "just/only the"; "it's actually the doorbell
 * one, not the outdoor cam" corrects the item the same way.
 */
const NARROWING =
  /\b(?:(?:just|only)\s+(?:the|my|our|this|that)\s+((?:[a-z][a-z-]*\s*){1,3})|(?:it'?s|its)\s+actually\s+(?:the|my|our)\s+((?:[a-z][a-z-]*\s*){1,3}?)(?:\s+one)?,?\s+not\b)/;

function narrowedTo(t: Transcript): string | null {
  let head: string | null = null;
  for (const turn of t.usable) {
    if (turn.role !== 'customer' || turn.offTopic) continue;
    const m = NARROWING.exec(turn.folded);
    const found = (m?.[1] ?? m?.[2])?.trim().split(/\s+/).map(headOfWord).find(Boolean);
    if (found) head = found;
  }
  return head;
}

/**
 * "Which plan are you on?" "Team": with a service, the plan the customer is on is the most specific thing known about
 * what they buy, more than the app it runs in ("the Shelfwise app"), the feature that failed or a plain "subscription".
 * Only a plan the customer names or the agent reads off the account, not one an agent offers.
 */
function onPlan(candidates: Candidate[], chosen: Candidate): Candidate | undefined {
  // "Router rental??": a sentence's capital on a lexicon noun makes no name.
  const plain = chosen.value.replace(/^\p{Lu}\S*/u, (w) => (headOfWord(w) ? w.toLowerCase() : w));
  if (chosen.group !== 'app' && chosen.group !== 'plan' && !isGeneric(plain)) return undefined;
  const plans = candidates.filter((c) => c.group === 'plan' && (c.customer || c.lookup) && /[\p{Lu}\d]/u.test(c.value));
  return plans.includes(chosen) ? undefined : plans[plans.length - 1];
}

/** Whether a value names the lexicon head given ("Elsie velvet armchair" holds "armchair"). */
const holds = (value: string, head: string) => value.split(/\s+/).some((w) => headOfWord(w) === head);

/**
 * "our olive tree was delivered and the pot is cracked": the lexicon knows only the pot, so the rules make it the subject;
 * the tagger, reading the whole sentence, is sure of "olive tree" and unsure the pot is a product at all. When the tagger
 * does not back the rules' noun (no span of its own at TAGGER_MIN) but is nearly sure of another span in the same
 * customer sentence, that span is the subject. A rules' noun the tagger also finds keeps its place, so two products
 * named side by side ("a dining table and an armchair") still go by the rules.
 */
function taggedInstead(first: Candidate, t: Transcript): Candidate | null {
  if (!first.customer || !first.sentence) return null;
  const firstStems = new Set(wordsOf(fold(first.value)).map(stem));
  const covers = (value: string) => wordsOf(fold(value)).some((w) => firstStems.has(stem(w)));
  const spans = productTagger().tag(first.sentence);
  if (spans.some((sp) => sp.confidence >= TAGGER_MIN && covers(sp.value))) return null;
  for (const sp of spans) {
    if (sp.confidence < TAGGER_NAMES || covers(sp.value)) continue;
    const value = cleanSpan(sp.value, t);
    if (!value || SERVICE_AFTER(value).test(first.sentence)) continue;
    const words = value.split(/\s+/);
    const head = headOfWord(words[words.length - 1]!);
    const group = head ? GROUP_OF.get(head)! : `tagged:${stem(fold(words[words.length - 1]!))}`;
    return { ...first, value: capitaliseFirst(value), group, specificity: words.length + 1 };
  }
  return null;
}

/** One or two plain words ("e-bike", "starter set"): the rules found the kind of item but no name for it. */
const isGeneric = (value: string) => !/[\p{Lu}\d]/u.test(value) && value.trim().split(/\s+/).length <= 2;

let tagger: ProductTagger | null = null;

/** The learned product-mention tagger, trained from corpus/products/ once per process (a few hundred milliseconds). */
export function productTagger(): ProductTagger {
  tagger ??= trainProductTagger(loadProductCorpus(), { isProductNoun });
  return tagger;
}

/**
 * Below these the tagger's span is too often wrong. In cross-validation on its corpus a span at 0.8 or more was right
 * 99% of the time and named something in 0.8% of sentences naming no product (.scratch/tagger/cv.ts); one plain word
 * ("seat", "gasolinera") is where it errs on real chats, so that needs more.
 */
const TAGGER_MIN = 0.8;
const TAGGER_MIN_ONE_WORD = 0.9;

/**
 * When no rule finds a product: the first product the tagger finds in what the customer said, for the nouns the lexicon
 * lacks ("my Orbix Z10 drone drifted", "the hammock ropes frayed"); failing that, in what an agent reads off the order
 * (other agent statements name fees, discounts and settings too often).
 * Less sure than any rule.
 */
const COMPANY =
  /\b(?:ltd|limited|inc|llc|gmbh|ag|s\.?r\.?o|s\.?a\.?s?|s\.?l|b\.?v|plc|co|corp|ug|kg|lda|ltda|sarl)\b\.?$/i;

/** A brand's goods in general or the files of a case, not one product: "Kestrel gear", "the PDFs". */
const VAGUE =
  /^(?:gear|stuff|things|products|range|brand|collection|line|items|goods|quality|pdfs?|files?|attachments?|documents?|links?|codes?|qr)$/;

/** What a bill charges or takes off, never the thing bought: "the loyalty discount", "the £55 check-in fee". */
const MONEY_TERM =
  /^(?:fees?|discounts?|charges?|surcharges?|credits?|tax|vat|prices?|costs?|deposits?|fines?|penalty|promotions?|promo|offers?|deals?|rates?|points|balance|cashback|rebate|tip|postage|shipping)$/;

/**
 * The customer's people, account and the case's paperwork: "new password set", "my brother Felix set it up", "the chat
 * transcript" name no product.
 */
const ACCOUNT_WORD =
  /^(?:brother|sister|husband|wife|partner|son|daughter|mum|mom|dad|friend|colleague|boss|neighbou?r|account|password|login|log-in|username|e-?mail|address|refund|payment|invoice|order|booking|reference|tracking|parcel|delivery|chat|transcript|receipt|screenshots?|photos?|pictures?|statement|confirmation|letter|form|bill)$/;

/** Money words of the other languages, anywhere in a span: "Kaution 300", "frais de port", "gastos de envío". */
const FOREIGN_MONEY =
  /^(?:kaution|gebuhr\w*|kosten|versandkosten|rabatt|gutschrift|rechnung|fianza|gastos|descuento|factura|caution|frais|remise|facture|cauzione|spese|sconto|fattura|caucao|frete|desconto|fatura|borg|korting|factuur|verzendkosten|importe|betrag|montant|importo|valor)$/;

/**
 * Nouns that are the account's or the parcel's on their own ("my subscription", "the box was crushed") but what is sold
 * with a word in front: "veg box", "lens subscription", "Family plan", "Gatehouse app".
 */
const SOLD_WITH_A_NAME = /^(?:box|subscription|plan|app|tickets?)$/;

/** "logged on Feb 11", "from 12 May": a date the tagger took for a model number (chrono-node reads it). */
function isDate(span: string): boolean {
  return chrono.strict.parse(span).some((r) => r.text.length * 2 >= span.length);
}

/** Words that join clauses, never inside a product's name: "the 20mm separately since". */
const FUNCTION_WORD =
  /^(?:since|because|while|when|whether|not|until|than|then|but|if|though|although|too|separately|anyway|instead|yet|unless|needs|wants|is|are|was|were)$/;

/** What a screen shows when something fails, in the five languages: "Erreur 502", "Fehler E4" name a message. */
const ERROR_WORD =
  /^(?:errors?|erreurs?|fehler(?:code)?|errore|erro|errores|fout(?:melding)?|message|meldung|mensagem|mensaje|messaggio)$/;

/** An agent reading what was bought off the order or account: "I can see…", "Achei:", "Je vois :". */
const READS_ORDER =
  /\b(?:i can see|i see|i'?ve found|found it|i found|looking at|pulled up|veo|vejo|achei|encontre|ich sehe|je vois)\b/;

/** What the tagger reads in the customer's facts first, then in what agents read off the order; never in questions. */
function* taggedSpans(t: Transcript) {
  for (const customer of [true, false]) {
    for (const turn of t.usable) {
      if ((turn.role === 'customer') !== customer || turn.offTopic) continue;
      for (const s of turn.sentences) {
        if (!isFact(turn, s) || (!customer && (s.question || !READS_ORDER.test(s.folded)))) continue;
        // "FN-40021 (the bare-root roses) arrived fine": set aside as the rules set it aside.
        if (SAID_FINE.test(s.folded) || OTHER_ORDER.test(s.folded) || NOT_MINE.test(s.folded)) continue;
        for (const span of productTagger().tag(s.text)) yield { turn, span, text: s.text };
      }
    }
  }
}

const SERVICE_AFTER = (value: string) =>
  new RegExp(
    `${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(?:account|login|log-in|password|profile|app|website|site|dashboard|portal|support|team|konto|cuenta|compte|conta|profil)\\b`,
    'iu',
  );

/**
 * "the front wheel came off our nuvio glide pushchair", "the handle on my Brava pan": a part said to belong to or to
 * have come off the customer's thing. The thing is what was bought; the part is what failed.
 */
const PART_OF_WHOLE =
  /^\s+(?:(?:has |have |just )?(?:came|come|fell|fallen|broke|broken|snapped|popped|cracked) off(?: of)?|on|of) (?:my|our) ((?:[\p{L}\p{N}-]+ ){0,3}?[\p{L}\p{N}-]+)(?=\s+(?:while|when|after|and|but|so|today|yesterday|this|last|is|was|has|keeps|came|broke|fell|won'?t|doesn'?t)\b|\s*[.,!?;]|\s*$)/iu;

function wholeOf(span: { end: number }, text: string, t: Transcript): string | null {
  const m = PART_OF_WHOLE.exec(text.slice(span.end));
  // "the cat tree … of my order 7731902": the order is where an item is, not what it is part of.
  const words = m?.[1]?.split(/\s+/) ?? [];
  if (!words.length || words.some((w) => STOP.has(fold(w)) || VERBS.has(fold(w)) || /^\d+$/.test(w))) return null;
  return cleanSpan(words.join(' '), t);
}

/** Words of chat that end a span the tagger ran on: "ok", "pls", "lol". */
const CHAT_WORD = /^(?:ok|okay|pls|plz|please|thanks|thx|lol|btw|tho|though|yet|again|now|asap)$/;

/**
 * "a card payment at Greenleaf Grocers", "the upper circle at the Royal Crescent Theatre", "£62.40 to Harbour Cafe":
 * a name after "at" is where something happened, and one a payment went to is the merchant paid; neither is the
 * product (the shop selling it is the organisation, named otherwise). "looking at the …" is a product looked at.
 */
const STAY =
  /^(?:\S+\s+){0,4}?(?:hotel|resort|inn|lodge|hostel|motel|apartments?|villa|suites?|guesthouse|campsite|cottage|chalet)\b/i;

function placeOrPayee(text: string, span: { value: string; start: number }): boolean {
  // "to Thistle Foods": the tagger's span may begin with the preposition itself.
  const lead = /^(?:(?:to|at|the)\s+)+/i.exec(span.value)?.[0].length ?? 0;
  const start = span.start + lead;
  const before = text.slice(0, start);
  if (/\b(?:look|looking|looked|glance|glanced)\s+at\s+(?:the\s+)?$/i.test(before)) return false;
  // "a room at the Harbour View Hotel": where one stays is what was booked.
  if (/\bat\s+(?:the\s+)?$/i.test(before)) return !STAY.test(text.slice(start));
  return (
    /\bto\s+(?:the\s+)?$/i.test(before) &&
    /\b(?:payments?|paid|charges?|charged|transactions?|transfers?|sent)\b|[£$€]\s?\d/i.test(before)
  );
}

function taggedProduct(t: Transcript): ProductFound | null {
  for (const { turn, span, text } of taggedSpans(t)) {
    if (placeOrPayee(text, span)) continue;
    const tagged = span.confidence >= TAGGER_MIN ? cleanSpan(span.value, t) : null;
    const value = tagged && (wholeOf(span, text, t) ?? tagged);
    // "locked out of my Cloudvault account": the service the account is with, not a thing bought.
    if (value && SERVICE_AFTER(value).test(text)) continue;
    const plain = value !== null && !/\s/.test(value) && !/[\p{Lu}\d]/u.test(value);
    if (value && (!plain || span.confidence >= TAGGER_MIN_ONE_WORD))
      return { value: capitaliseFirst(value), confidence: 0.5, evidence: turn.id ? [turn.id] : [] };
  }
  return null;
}

/** "my" in the other languages; German is left out, where every noun after "mein" is capitalised. */
const POSSESSIVE =
  /^(?:min|mitt|mina|mijn|onze|mon|ma|mes|notre|nos|mi|mis|nuestro|nuestra|meu|minha|nosso|nossa|mio|mia|nostro|nostra)$/;

/** Words that name the order or its number, not the thing: "mijn Bestelling 4471", "mi Pedido KS-2231". */
const ORDER_NAME =
  /^(?:pedidos?|commandes?|bestellings?|bestelnummer|bestallning|encomendas?|ordini|ordine|ordre|order|numero|nummer|referen\w*)$/;

/**
 * "min Laddbox Pro 22 kW startar aldrig", "mon Carnelle B5 est arrivé abîmé": in another language the tagger, trained
 * mostly on English, runs a name on into the verb after it and is unsure of the whole; the rules know no noun there.
 * When nothing else names a product, a run of capitalised words or models right after the customer's "my" is the
 * thing they own: two words or more, or one with a digit or an inner capital (a lone capital can be a place or a
 * person). Least sure of all.
 */
function possessedName(t: Transcript): ProductFound | null {
  // Not only where another language was detected: Swedish or Polish chats read as English.
  if (t.language === 'de') return null;
  for (const turn of t.usable) {
    if (turn.role !== 'customer' || turn.offTopic) continue;
    for (const s of turn.sentences) {
      if (!isFact(turn, s)) continue;
      const tokens = tokenise(s.text);
      for (let i = 0; i < tokens.length - 1; i++) {
        if (!POSSESSIVE.test(tokens[i]!.folded)) continue;
        const name: Token[] = [];
        for (let j = i + 1; j < tokens.length && name.length < 4; j++) {
          const w = tokens[j]!;
          if (!(isCapitalised(w) || (name.length > 0 && isModel(w))) || STOP.has(w.folded)) break;
          name.push(w);
        }
        const value = name.map((w) => w.text).join(' ');
        const named = name.length > 1 || name.some((w) => /\d|.\p{Lu}/u.test(w.text));
        if (
          !named ||
          name.some((w) => ORDER_NAME.test(w.folded) || /\d{4,}/.test(w.text)) ||
          isShop(value, t) ||
          !cleanSpan(value, t)
        )
          continue;
        return { value, confidence: 0.5, evidence: turn.id ? [turn.id] : [] };
      }
    }
  }
  return null;
}

/** A named model the tagger is nearly sure of: enough to name the generic item the rules found. */
const TAGGER_NAMES = 0.95;

/**
 * "my e-bike will not charge … got the Voltera 700 in May": the rules know the item only as "e-bike"; the tagger is sure
 * the customer named it. The name goes with the rules' noun unless it carries a noun of its own: the same one ("the
 * Voltera 700 e-bike") or none ("Voltera 700"); a name with another product noun is about something else.
 */
function namedByTagger(t: Transcript, generic: string): ProductFound | null {
  const head = stem(fold(generic.trim().split(/\s+/).pop() ?? generic));
  for (const { turn, span, text } of taggedSpans(t)) {
    if (span.confidence < TAGGER_NAMES || placeOrPayee(text, span)) continue;
    const value = cleanSpan(span.value, t);
    const words = value?.split(/\s+/) ?? [];
    // A name: a word with a capital or a digit that is not just the sentence's first word.
    const name = words.some((w, i) => /\d/.test(w) || (/^\p{Lu}/u.test(w) && (i > 0 || span.start > 0)));
    // "covered under the Extended Protection": cover bought for the device, not its model's name.
    if (!value || !name || NAMED_ADD_ON.test(value)) continue;
    const nouns = words.filter((w) => isProductNoun(fold(w)) || FOREIGN[fold(w)] !== undefined);
    const same = words.some((w) => stem(fold(w)) === head);
    if (nouns.length > 0 && !same) continue;
    return {
      value: capitaliseFirst(same ? value : `${value} ${generic}`),
      confidence: 0.6,
      evidence: [turn.id].filter(Boolean),
    };
  }
  return null;
}

/**
 * A tagged span without the determiners and state words at its edges; null when what is left names no product. In
 * another language the value is recorded in English, as the rules do ("cafetera Lumora" -> "Lumora coffee machine"): a
 * noun the lexicon cannot put into English is kept only with a brand or model beside it.
 */
function cleanSpan(span: string, t: Transcript): string | null {
  const language = t.language;
  // A name does not run across a comma or a colon, and a company ("Novak Design s.r.o.") is not what it sold.
  if (/[,;:()]/.test(span) || COMPANY.test(span)) return null;
  let words = span.split(/\s+/);
  while (words.length && STOP.has(fold(words[0]!))) words.shift();
  // "the Royal Crescent Theatre ok for …": a chat word the tagger ran on into ends no name.
  while (words.length && (STOP.has(fold(words[words.length - 1]!)) || CHAT_WORD.test(fold(words[words.length - 1]!))))
    words.pop();
  const last = words[words.length - 1];
  if (
    !last ||
    isDate(words.join(' ')) ||
    // "my Sprout Box delivery" where Sprout Box is the shop: its name, not a box it sold.
    (NOT_A_PRODUCT.test(fold(last)) &&
      !(words.length > 1 && SOLD_WITH_A_NAME.test(fold(last)) && !isShop(words.join(' '), t))) ||
    MONEY_TERM.test(fold(last)) ||
    VAGUE.test(fold(last)) ||
    words.some(
      (w) =>
        ACCOUNT_WORD.test(fold(w)) ||
        PEOPLE_OR_PLEASE.test(fold(w)) ||
        BUTTON_PRESS.test(fold(w)) ||
        FUNCTION_WORD.test(w) ||
        ERROR_WORD.test(fold(w)) ||
        ADVERB.test(w) ||
        FOREIGN_MONEY.test(fold(w)),
    ) ||
    !words.some((w) => /\p{L}{3,}/u.test(w))
  )
    return null;
  if (language !== 'en') {
    // "laut Ihrer Webseite": a capitalised article or possessive is no brand.
    const named = words.filter((w) => /^[\p{Lu}\d]/u.test(w) && !FOREIGN[fold(w)] && !STOP.has(fold(w)));
    const english = words.map((w) => FOREIGN[fold(w)]).find(Boolean);
    if (english) words = [...named, english];
    else if (!namesABrand(named, language)) return null;
    else words = named;
  }
  return withoutQuantity(words.join(' '));
}
