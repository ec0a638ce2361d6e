import nlp from 'compromise';
import { caselessView, type GuardedPattern, guarded, mayMatch } from './required-literals.js';
import { fold } from './text.js';
import type { Transcript, Turn } from './transcript.js';

export interface NameFound {
  value: string;
  confidence: number;
  evidence: string[];
}

// Display names anonymous web chats hand out, and words that are capitalised without being names.
const PLACEHOLDER =
  /^(?:visitor|guest|customer|user|client|anonymous|anon|unknown|caller|contact|member|web ?user|chat ?user|support|admin|bot)\b/i;
const NOT_NAMES = new Set(
  (
    'i im hi hey hello hiya thanks thank ty thx cheers regards best yes yep yeah no nope ok okay sorry please order ' +
    'the a an my your our this that it its is was are we you he she they his her them there here what when where why ' +
    'how which who and or but so also just still actually really sure great perfect fine good bad new old wait oops ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december today tomorrow yesterday morning afternoon evening tonight support team ' +
    'customer visitor guest admin business basic pro premium plus standard free trial plan account email phone ' +
    'number order invoice return refund help issue problem question quick one two three done sent got ' +
    'hola buenas gracias guten tag morgen danke bonjour merci oi obrigado obrigada bom dia tarde noite boa ' +
    'in on at from to for with of not never and or mr mrs ms dr herr frau monsieur madame senor senora ' +
    'buongiorno buonasera ciao grazie salve signor signora goedemorgen goedemiddag goedenavond bedankt dank hoi meneer mevrouw ' +
    // "booking WT-58812, Hotel Miramar Porto": a place to stay, eat or travel from is capitalised, not a person.
    'hotel hostel hostal motel inn resort apartments aparthotel pension pousada albergo gasthof gasthaus airport ' +
    'aeropuerto aeroport flughafen aeroporto luchthaven station restaurant cafe bar street road avenue'
  ).split(/\s+/),
);

const NAME_TOKEN = "[A-ZÀ-ÖØ-Þ][\\p{L}'’-]*";
// Lower-case surname particles ("Ruben de Graaf", "Jan van der Berg") sit inside a name without breaking it.
const PARTICLES = new Set(
  'van von de der den del della di da das do dos du la le ten ter bin ibn al el zu op y'.split(' '),
);
const PARTICLE = `(?:${[...PARTICLES].join('|')})`;
const NAME = `(${NAME_TOKEN}(?:\\s+(?:${PARTICLE}\\s+){0,2}${NAME_TOKEN}){0,2})`;
const NAME_ANY_CASE = "([\\p{L}][\\p{L}'’-]*(?:\\s+[\\p{L}][\\p{L}'’-]*){0,2})";
const WHOLE_NAME = new RegExp(`^${NAME}$`, 'u');
const WHOLE_NAME_ANY_CASE = new RegExp(`^${NAME_ANY_CASE}$`, 'u');

const INTRO = [
  new RegExp(`\\b(?:my name is|my name's|name is|name's|call me|this is|i am|i'm)\\s+${NAME}`, 'iu'),
  new RegExp(
    `\\b(?:me llamo|mi nombre es|soy|ich hei(?:ß|ss)e|mein name ist|ich bin|je m'appelle|je suis|mon nom est|meu nome (?:é|e)|me chamo|sou (?:o|a)|mi chiamo|il mio nome è|ik heet|mijn naam is|ik ben)\\s+${NAME}`,
    'iu',
  ),
  // "Rhys Pryce, that's me", "Giulia Ferraro, sono io": a name given, then owned.
  new RegExp(
    `^\\W*${NAME}\\s*[,-]?\\s*(?:that'?s me|thats me|that is me|c'est moi|soy yo|sou eu|das bin ich|sono io|dat ben ik)\\b`,
    'iu',
  ),
  new RegExp(
    `\\bname (?:on|for|of) (?:the|my|this) (?:order|account|booking|reservation|parcel|package|label)\\s+(?:should be|is|=|:|must be)\\s+${NAME}`,
    'iu',
  ),
];
// "oups, Renaut, avec un t à la fin", "perdón, Gutiérrez con zeta": one word set right after an apology, in any of
// the languages read; it only counts when it resembles a word of the name already known (see respelt below).
const ONE_WORD_CORRECTION =
  /^\s*(?:oops|oups|sorry|perd[oó]n|disculpa|desculp[ae]|entschuldigung|pardon|scusa|scusi|wait|no wait|actually|eigentlich|en fait|in realt[aà]|na verdade|en realidad|correction|typo)[\s,!.:-]+(?:(?:it'?s|c'est|es|ist|[eé]|è|is)\s+)?(\p{Lu}[\p{L}'’-]*)(?=\s*(?:[,!]|\.(?!\S)|$|with\b|avec\b|con\b|com\b|mit\b|met\b))/iu;
// "im" for "I'm" only in English: in German it is "in the" ("im Keller riecht es verbrannt").
const ENGLISH_IM = new RegExp(`\\bim\\s+${NAME}`, 'iu');
const CORRECTION = [
  new RegExp(`\\b(?:it'?s|its|it is|name is|i'?m)\\s+${NAME}\\s*,?\\s+(?:actually|not\\b|with an? )`, 'iu'),
  new RegExp(`\\bactually,?\\s+(?:it'?s|its|my name is)\\s+${NAME}`, 'iu'),
  // "Tiago, not Thiago", "it's spelt Morrisson": the spelling set right.
  new RegExp(`^\\s*(?:sorry,?\\s+)?${NAME}\\s*,?\\s+(?:with an? \\S+\\s*,?\\s+)?not\\s+${NAME_TOKEN}`, 'u'),
  // "I'm not Gareth - it's Megan", "it's Megan, Gareth is my partner's login": someone else's display name.
  new RegExp(
    `\\b(?:i'?m|i am|this is|it'?s) not ${NAME_TOKEN}\\W+(?:(?:it'?s|i'?m|i am|my name is|this is)\\s+)?${NAME}`,
    'u',
  ),
  new RegExp(`\\b(?:it'?s|i'?m)\\s+${NAME}\\s*,\\s*${NAME_TOKEN} is (?:my|our)\\b`, 'u'),
  new RegExp(`\\b(?:typo|correction|i meant|should be|should read)\\s*[:,-]?\\s+${NAME}\\s*[.!]*\\s*$`, 'iu'),
  new RegExp(`\\b(?:spelt|spelled|spelling is|written)\\s+${NAME}`, 'iu'),
  // "sorry autocorrect, it's Siobhan": blaming the keyboard is setting the spelling right (not "typo, it's x@y.net").
  new RegExp(
    `\\b(?:auto-?correct\\w*|typo|misspel\\w*|mistyped|spell-?check\\w*)\\b[^.!?]{0,20}?\\b(?:it'?s|its|it is|i'?m|should be|meant)\\s+${NAME}(?=[.!,;]?(?:\\s|$))`,
    'iu',
  ),
  ONE_WORD_CORRECTION,
];
// "it's Ewan btw", "im jake btw", "… thanks. Dana by the way": a name said in passing, at a sentence start or after
// "it's / I'm", and owned by "by the way". Typed in lower case it must read as a first name to the dictionary.
const BY_THE_WAY =
  /(?:^|[.!?,;:)]\s*|\b(?=(?:it'?s|its|i'?m|im|i am|this is|name'?s|my name is)\s))(?:(it'?s|its|i'?m|im|i am|this is|name'?s|my name is)\s+)?(\p{L}[\p{L}'-]*(?:\s+\p{L}[\p{L}'-]*){0,2}?)\s*,?\s*(?:btw|by the way|fyi)\b/giu;
const ADDRESS_WORDS = /^(?:buddy|sir|madam|mate|pal|dude|love|hun|babe|boss|chief|all|everyone|guys|folks|team)$/i;
const THANKS_BEFORE_DASH =
  /\b(?:thanks|thank you|thx|ty|cheers|merci|gracias|danke|obrigad[oa]|grazie|bedankt)\b[^.!?]{0,25}\s(?:-{1,2}|—|–|~)\s*\S+\s*[.!]*\s*$/;
const ALONE_NAME = /^\s*\p{Lu}\p{Ll}+\s*[.!]*\s*$/u;
const THANKS_AT_END = /\b(?:thanks|thank you|thx|ty|cheers)\b\W*$/;
const SIGN_OFF = [
  new RegExp(
    `\\b(?:thanks|thank you|thx|ty|cheers|regards|best|merci|gracias|danke|obrigad[oa]|grazie)\\b[\\s!,.]+(?:again[\\s!,.]+)?${NAME}\\s*[.!]*\\s*$`,
    'iu',
  ),
  new RegExp(`(?:^|[\\s!.,)])(?:-{1,2}|—|–|~)\\s*${NAME}\\s*[.!]*\\s*$`, 'u'),
  new RegExp(`^\\s*(?:(?:[Hh]i|[Hh]ello|[Hh]ey|[Hh]iya)[\\s,!]+)?${NAME}\\s+here\\b`, 'u'),
];
// Most turns introduce no one: a pattern whose words are not in the turn is not run.
const GUARDS = new Map<RegExp, GuardedPattern>(
  [...CORRECTION, ...INTRO, ENGLISH_IM, ...SIGN_OFF].map((re) => [re, guarded(re)]),
);
export const NAME_PATTERN_GUARDS = GUARDS;
const mayHold = (re: RegExp, text: string, caseless: string | null) => mayMatch(GUARDS.get(re)!, text, caseless);
// "what name should I put on the quote?", "¿a qué nombre lo pongo?", "quel nom je mets ?": which name to use is a
// request for it, whatever it goes on.
const STATES_NAME =
  /\b(?:my name is|my name's|me llamo|mi nombre es|ich hei(?:ß|ss)e|mein name ist|je m'appelle|mon nom est|meu nome (?:é|e)|me chamo|mi chiamo|il mio nome è|ik heet|mijn naam is)\s+$/iu;
const ASKS_NAME =
  /\b(?:what|which) name (?:should|shall|do|can|would|will|to)\b|\b(?:a )?(?:que|qual|cual) nombre\b|\b(?:a )?(?:que|qual) nome\b|\bche nome\b|\ba nome di chi\b|\bquel nom\b|\bwelche[nr]? namen?\b|\bwelke naam\b|\band (?:your |the )?(?:full )?name\b|\bname\s*\?|\b(?:name|nombre|nome|nom),? (?:please|pls|por favor|bitte|svp|s'il vous plait)\b|\bname bitte\b|\bname (?:for|on) (?:the |your )?(?:label|order|booking|parcel|account|ticket|reservation|shipment|delivery|package|claim|replacement)\b|\b(?:your|the) (?:full |first |last )?name\b|\bwhose name\b|\b(?:take|have|get|grab|leave) (?:a|your) name\b|\b(?:passenger|guest|account holder|cardholder|card holder|lead passenger|traveller|traveler|booker)'?s (?:full |first |last )?name\b|\bwho should i (?:put|address|make)\b|\bunder (?:what|which|whose|another|a different|an? other|your (?:maiden|old|previous|married)) name\b|\bwho am i (?:speaking|talking) (?:to|with)\b|\bwho (?:do i have|have i got) the pleasure\b|\bcon chi (?:ho il piacere di )?(?:parlo|parlare|sto parlando)\b|\bcon quien (?:hablo|tengo el gusto|estoy hablando)\b|\bcom quem (?:falo|estou falando|tenho o prazer)\b|\ba qui ai-je l'honneur\b|\bavec qui (?:je parle|ai-je)\b|\bmit wem (?:spreche ich|habe ich)\b|\bmet wie (?:spreek ik|heb ik)\b|\bcomo te llamas\b|\bsu nombre\b|\btu nombre\b|\bihr(?:en)? name\b|\bwie hei(?:ss|ß)en\b|\bvotre nom\b|\bseu nome\b|\bil suo nome\b|\bcome si chiama\b|\buw naam\b|\bje naam\b/;

function tokens(name: string): string[] {
  return name.trim().split(/\s+/);
}

function cleanName(raw: string): string {
  return raw
    .replace(/[’]/g, "'")
    .replace(/[.,!?;:]+$/, '')
    .trim();
}

const RELATIVE =
  '(?:partner|husband|wife|hubby|mum|mom|mother|dad|father|son|daughter|brother|sister|friend|boss|colleague|flatmate|roommate|girlfriend|boyfriend|fiance|fiancee|grandma|grandmother|grandad|grandfather)';
/** Words that put a name on someone other than the writer: "under my partner's name", "a nombre de mi marido". */
const SOMEONE_ELSE = new RegExp(
  `\\b(?:under|in) (?:my|our) ${RELATIVE}'?s name\\b|\\bunder (?:his|her|their) name\\b|\\ba nombre de (?:mi|su) (?:pareja|marido|mujer|esposa|esposo|madre|padre|hij[oa]|herman[oa]|novi[oa])\\b|\\bauf (?:den namen )?(?:meines|meiner) (?:mannes|frau|partners|partnerin|mutter|vaters|sohnes|tochter)\\b|\\bau nom de (?:mon|ma) (?:mari|femme|conjoint|conjointe|compagnon|compagne|mere|pere|fils|fille)\\b|\\bem nome d[oa] (?:meu|minha) (?:marido|mulher|esposa|parceir[oa]|mae|pai|filh[oa])\\b|\\ba nome di (?:mio|mia) (?:marito|moglie|compagn[oa]|madre|padre|figli[oa])\\b|\\bop naam van (?:mijn) (?:man|vrouw|partner|moeder|vader|zoon|dochter)\\b`,
);
const OTHERS_NAME = new RegExp(`\\b(?:my|our) ${RELATIVE}'?s (?:full )?name\\b`);

/** A person's name, not a greeting, product or placeholder: 1–3 name-shaped words; one word must read as a first name. */
const nameCache = new Map<string, boolean>();

export function looksLikeName(raw: string, opts: { strict?: boolean; stated?: boolean } = {}): boolean {
  const key = `${opts.strict ? 1 : 0}${opts.stated ? 1 : 0}${raw}`;
  const cached = nameCache.get(key);
  if (cached !== undefined) return cached;
  const result = judgeName(raw, opts);
  // compromise is the slow part of name checks; the same few strings come back on every update of a conversation.
  if (nameCache.size > 5000) nameCache.clear();
  nameCache.set(key, result);
  return result;
}

function judgeName(raw: string, opts: { strict?: boolean; stated?: boolean }): boolean {
  const name = cleanName(raw);
  const all = tokens(name);
  // Particles between the first and the last word are part of the surname, not extra words.
  const parts = all.filter((p, i) => !(i > 0 && i < all.length - 1 && PARTICLES.has(p)));
  if (parts.length === 0 || parts.length > 3 || all.length > 5) return false;
  if (PLACEHOLDER.test(name) || /\d/.test(name)) return false;
  for (const p of parts) {
    if (!/^[\p{Lu}][\p{L}'-]*$/u.test(p)) return false;
    if (NOT_NAMES.has(fold(p).replace(/'/g, ''))) return false;
  }
  if ((parts.length >= 2 && !opts.strict) || opts.stated) return true;
  const doc = nlp(name);
  return doc.has('#Person') || doc.has('#FirstName');
}

/** A chat display name that is a real name ("Maria Lopez"), not "Visitor 1234" or "Guest 7712". */
export function isRealDisplayName(author: string): boolean {
  const name = author.replace(/\([^)]*\)/g, '').trim();
  if (!name || PLACEHOLDER.test(name)) return false;
  // "Dr Leonie Fraser": a title before the name is shown with it, and is no word of the name to judge.
  return looksLikeName(name.replace(TITLE_BEFORE, '') || name);
}
const TITLE_BEFORE = /^(?:dr|prof|mr|mrs|ms|mx|dame|sir)\.?\s+(?=\S+\s+\S)/i;

interface Candidate {
  value: string;
  turn: Turn | null;
  /** A first-name-only correction ("it's Kathryn actually") keeps the surname already known. */
  firstNameOnly: boolean;
  strength: number;
}

function titleCase(name: string): string {
  // Surname particles stay as the person writes them: "Lotte de Vries", not "Lotte De Vries".
  return name
    .split(' ')
    .map((w, i, all) =>
      i > 0 && i < all.length - 1 && PARTICLES.has(w)
        ? w
        : w.replace(/(^|['-])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase()),
    )
    .join(' ');
}

/**
 * The customer's (or requester's) name: stated introductions, corrections and sign-offs in their own words, replies to
 * the agent asking for it, a bot's escalation value, else the thread starter's display name when it is a real name.
 */
export function findPersonName(t: Transcript, escalationValue: unknown): NameFound | null {
  const starter = t.starter;
  const candidates: Candidate[] = [];
  if (typeof escalationValue === 'string' && escalationValue.trim()) {
    candidates.push({ value: escalationValue.trim(), turn: null, firstNameOnly: false, strength: 0.9 });
  }
  for (let i = 0; i < t.usable.length; i++) {
    const turn = t.usable[i]!;
    if (turn.role !== 'customer' || (starter !== null && turn.author !== starter)) continue;
    const text = turn.text.replace(/[’]/g, "'");
    const caseless = caselessView(text);
    let found = false;
    for (const re of CORRECTION) {
      if (!mayHold(re, text, caseless)) continue;
      const m = re.exec(text);
      const name = m?.[1] ? trimTrailingWords(cleanName(m[1])) : '';
      // A respelling of a name already known needs no dictionary to be a name ("Tiago, not Thiago").
      const respelt =
        tokens(name).length === 1 &&
        !NOT_NAMES.has(fold(name)) &&
        [starter ?? '', ...candidates.map((c) => c.value)].some((known) =>
          tokens(known).some((w) => resembles(fold(w), fold(name))),
        );
      const judged =
        re === ONE_WORD_CORRECTION
          ? respelt && /^\p{Lu}/u.test(name)
          : respelt || looksLikeName(name, { strict: tokens(name).length === 1 });
      if (name && judged) {
        candidates.push({ value: name, turn, firstNameOnly: tokens(name).length === 1, strength: 0.9 });
        found = true;
        break;
      }
    }
    if (found) continue;
    for (const re of t.language === 'en' ? [...INTRO, ENGLISH_IM] : INTRO) {
      if (!mayHold(re, text, caseless)) continue;
      const m = re.exec(text);
      // "my husband's name is Tom": an introduction of someone else.
      if (m && OTHERS_NAME.test(fold(text.slice(Math.max(0, m.index - 25), m.index + 12)))) continue;
      let name = m?.[1] ? trimTrailingWords(cleanName(m[1])) : '';
      // "my name's Oona by the way": said as a name outright, a first name need not be one compromise knows.
      const stated = m !== null && STATES_NAME.test(text.slice(0, m.index + m[0].length - m[1]!.length));
      if (name && looksLikeName(name, { strict: tokens(name).length === 1, stated })) {
        name = fullerRestatement(text, name) ?? name;
        candidates.push({ value: name, turn, firstNameOnly: false, strength: 0.85 });
        found = true;
        break;
      }
    }
    if (found) continue;
    const passing = nameInPassing(text);
    if (passing) {
      candidates.push({ value: passing, turn, firstNameOnly: false, strength: 0.8 });
      continue;
    }
    const prev = previousOtherTurn(t.usable, i);
    // Only a request for the name is answered by one: "Done! The name now reads …" asks nothing.
    if (
      prev &&
      ASKS_NAME.test(prev.folded) &&
      prev.sentences.some(
        (x) =>
          ASKS_NAME.test(x.folded) &&
          (x.question ||
            /\?\s*$/.test(x.folded) ||
            /\b(?:please|pls|can i|could i|may i|tell me|need|let me know|and|your|would you|could you|can you|give me|send me|provide|confirm)\b/.test(
              x.folded,
            )),
      )
    ) {
      // "the order's under my partner's name tho, chris": a name given for someone else is not the writer's.
      const reply = SOMEONE_ELSE.test(fold(text)) ? null : nameInReply(text);
      if (reply) {
        candidates.push({ value: reply, turn, firstNameOnly: false, strength: 0.8 });
        continue;
      }
    }
    // "carla.m@example.com, Carla Mendes": a full name handed over with contact details.
    const anonymous = !starter || !isRealDisplayName(starter);
    if (anonymous && text.length <= 90 && (/@/.test(text) || (text.match(/\d/g)?.length ?? 0) >= 7)) {
      const full = text
        .split(/[,;\n]|\s+-\s+/)
        .map((p) => cleanName(p.trim()))
        .find((p) => /^\p{Lu}\S*\s+\p{Lu}/u.test(p) && !/[@\d]/.test(p) && tokens(p).length <= 3 && looksLikeName(p));
      if (full) {
        candidates.push({ value: full, turn, firstNameOnly: false, strength: 0.7 });
        continue;
      }
    }
    // "…reordered the salbutamol. thanks!" - "Pat": a thank-you and then the name alone, in a message of its own.
    const prevOwn = t.usable[i - 1];
    const alone =
      ALONE_NAME.test(text) &&
      prevOwn?.role === 'customer' &&
      prevOwn.author === turn.author &&
      THANKS_AT_END.test(prevOwn.folded);
    for (const re of SIGN_OFF) {
      const signing = alone && re === SIGN_OFF[0] ? `thanks ${text.trim()}` : text;
      if (!mayHold(re, signing, caselessView(signing))) continue;
      const m = re.exec(signing.trim());
      let name = m?.[1] ? cleanName(m[1]) : '';
      if (!name || t.agentNames.has(fold(tokens(name)[0] ?? ''))) continue;
      // "thanks! gwen": a sign-off typed in lower case is one first name the dictionary knows, not a term of address.
      if (!/^\p{Lu}/u.test(name)) {
        if (tokens(name).length > 1 || ADDRESS_WORDS.test(name)) continue;
        name = titleCase(name);
      }
      // "thanks Dan - Farrukh": the writer's name after a dash that closes a thank-you needs no dictionary.
      const stated = re === SIGN_OFF[1] && tokens(name).length === 1 && THANKS_BEFORE_DASH.test(fold(text));
      if (looksLikeName(name, { strict: true, stated })) {
        candidates.push({ value: name, turn, firstNameOnly: false, strength: 0.75 });
        break;
      }
    }
  }
  // A one-word correction sets right the word it resembles ("Morrisson" the surname, "Tiago" the first name) or,
  // resembling none, the first name ("actually it's Megan"); the display name is what it corrects when nothing was said.
  let current: Candidate | null =
    starter && isRealDisplayName(starter) && candidates.some((c) => c.firstNameOnly)
      ? { value: starter.replace(/\([^)]*\)/g, '').trim(), turn: null, firstNameOnly: false, strength: 0.85 }
      : null;
  for (const c of candidates) {
    if (c.firstNameOnly && current) {
      const words = tokens(current.value);
      const similar = words.findIndex((w) => resembles(fold(w), fold(c.value)));
      const at = Math.max(similar, 0);
      words[at] = c.value;
      current = { ...c, value: words.join(' '), firstNameOnly: false };
    } else {
      current = c;
    }
  }
  if (current) {
    return {
      value: titleCase(current.value),
      confidence: current.strength,
      evidence: current.turn?.id ? [current.turn.id] : [],
    };
  }
  if (starter && isRealDisplayName(starter)) {
    const first = t.usable.find((x) => x.role === 'customer' && x.author === starter);
    return {
      value: starter.replace(/\([^)]*\)/g, '').trim(),
      confidence: 0.85,
      evidence: first?.id ? [first.id] : [],
    };
  }
  return null;
}

/** Spelling variants of one name: a small edit distance relative to the length. */
function resembles(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 2) return false;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]! <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 4));
}

function previousOtherTurn(turns: Turn[], i: number): Turn | null {
  for (let j = i - 1; j >= 0; j--) {
    const turn = turns[j]!;
    if (turn.role !== 'customer') return turn;
  }
  return null;
}

/** "it's Ewan btw, Ewan MacLeod", "im jake btw", "Dana by the way": a name the writer gives in passing. */
function nameInPassing(text: string): string | null {
  if (!/\b(?:btw|by the way|fyi)\b/i.test(text)) return null;
  for (const m of text.matchAll(BY_THE_WAY)) {
    const raw = cleanName(m[2] ?? '');
    if (!raw) continue;
    const written = /^\p{Lu}/u.test(raw);
    const name = titleCase(raw);
    // Only "I'm X" / "my name's X" says the word is a person outright; "it's X" could be a shop, a colour, a place.
    const self = m[1] !== undefined && !/^(?:it'?s|its|this is)$/i.test(m[1]);
    const fuller = written ? fullerRestatement(text, name) : null;
    if (fuller) return fuller;
    if (looksLikeName(name, { strict: true, stated: self && written })) return name;
  }
  return null;
}

/** "Aisha Rahman", "PP-40912, Katherine Moss", "sure, it's Ren Tanaka": the name-shaped part of a short reply. */
function nameInReply(text: string): string | null {
  // "Tessa Hyland. got the link, I'm in …": in a longer reply, only a full name written as one at its start.
  if (text.length > 80) {
    const lead = /^\s*([^.,;!?\n]+?)\s*[.,;!\n]/u.exec(text)?.[1]?.trim() ?? '';
    const m = WHOLE_NAME.exec(lead);
    return m?.[1] && tokens(m[1]).length >= 2 && looksLikeName(m[1]) ? cleanName(m[1]) : null;
  }
  const parts = text.split(/[,;\n]|[.!?]\s+|\s+-\s+|\band\b/).map((p) =>
    p
      .trim()
      // "oh, probably Ezinne Hartley-Obi": hedges before the name are not part of it.
      .replace(
        /^(?:(?:it'?s|its|i'?m|this is|name'?s|my name is|sure|yes|yeah|oh|ah|hmm|probably|maybe|perhaps|possibly|try)\s+)+/i,
        '',
      )
      .replace(/[.!]+$/, ''),
  );
  for (const p of parts) {
    if (!p) continue;
    const written = WHOLE_NAME.exec(p);
    const m = written ?? WHOLE_NAME_ANY_CASE.exec(p);
    const name = m?.[1] ? titleCase(cleanName(m[1])) : '';
    // Typed in lower case, the words must read as a name to the dictionary: "avec deux l" is no "Avec Deux L".
    // "Priyanka" as the whole reply to "the name of the lead guest?" is the name, whatever the dictionary knows.
    const whole = written !== null && parts.length === 1 && p === written[1] && tokens(name).length === 1;
    if (whole && /^\p{Lu}\p{Ll}{2,}$/u.test(name) && !NOT_NAMES.has(fold(name))) return name;
    if (name && looksLikeName(name, { strict: !written || tokens(name).length === 1 })) return name;
  }
  return null;
}

/** "I'm Peter by the way, Peter Van Dyke": the same first name said again with the surname is the fuller name. */
function fullerRestatement(text: string, first: string): string | null {
  if (tokens(first).length !== 1) return null;
  const escaped = first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\b(${escaped}(?:\\s+(?:${PARTICLE}\\s+){0,2}${NAME_TOKEN}){1,2})`, 'u').exec(text);
  const full = m?.[1] ? trimTrailingWords(cleanName(m[1])) : '';
  return tokens(full).length > 1 && looksLikeName(full) ? full : null;
}

/** "I'm Dana Whitfield and" -> drop words after the name that the greedy pattern took ("Dana Whitfield And"). */
function trimTrailingWords(name: string): string {
  const parts = tokens(name);
  while (
    parts.length > 1 &&
    (NOT_NAMES.has(fold(parts[parts.length - 1]!)) || !/^\p{Lu}/u.test(parts[parts.length - 1]!))
  )
    parts.pop();
  return parts.join(' ');
}
