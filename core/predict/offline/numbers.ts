import { isFact, type Transcript, type Turn } from './transcript.js';

export interface CountFound {
  value: number;
  confidence: number;
  evidence: string[];
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};
const NUM = `(\\d{1,5}|${Object.keys(WORD_NUMBERS).join('|')})`;
// The people a school, a ward or a depot has ("about 280 students", "12 nurses", "6 pickers") count as users there; those who come
// to fix things ("3 technicians") do not.
const PEOPLE =
  '(?:of us|of you|people|persons|users|employees|colleagues|staff|team members|members|folks|agents|seats|students|pupils|learners|teachers|nurses|doctors|clinicians|drivers|volunteers|interns|trainees|workers|cashiers|operators|pickers|packers|dentists|hygienists|pharmacists|analysts|accountants|designers|developers|architects|paralegals|clerks|receptionists|tellers|researchers|scientists|carers|dispatchers|planners|reporters|editors|alumnos|estudiantes|schuler|eleves|alunos|studenti|leerlingen|personas|usuarios|empleados|colegas|leute|personen|mitarbeiter|kollegen|benutzer|personnes|utilisateurs|collegues|pessoas|usuarios|funcionarios|persone|colleghi|utenti|dipendenti|man|mensen|collega.?s|medewerkers|gebruikers)';
const COUNT_PATTERNS: RegExp[] = [
  // "none of us" is no count of one: the number is a whole word.
  // "two new people start Monday": an adjective may sit between the number and the people.
  new RegExp(`(?:^|[^\\w.-])~?${NUM}\\+?\\s+(?:(?:new|more|other|extra|remote|temporary|temp)\\s+)?${PEOPLE}\\b`, 'g'),
  // "two new junior accountants starting Monday", "3 new hires": people joining, whatever their role, are the users set up.
  new RegExp(
    `(?:^|[^\\w.-])${NUM}\\s+new\\s+(?:(?:starters|hires|joiners|recruits)\\b|(?:[a-z-]+\\s+){0,2}?[a-z-]{3,}s\\s+(?:(?:are|is|who are)\\s+)?(?:starting|joining|start|join|arriving|coming on ?board)\\b)`,
    'g',
  ),
  // "all 12 of them can't log in": "of them" counts people only where people are what the sentence is about.
  new RegExp(
    `(?:^|[^\\w.-])${NUM}\\s+of them\\b(?=[^.!?]*\\b(?:can'?t|cannot|unable|locked|log ?in|sign ?in|affected|offline|blocked)\\b)`,
    'g',
  ),
  // "So 12 so far", "that makes 9 in total": a running total someone states.
  new RegExp(
    `\\b(?:so|that'?s|that makes|makes it|makes)\\s+${NUM}\\s+(?:so far|in total|total|altogether|affected)\\b`,
    'g',
  ),
  // "we're 14" counts only when nothing follows that says 14 of what ("there's like 40 transactions" is not people).
  new RegExp(
    `\\b(?:we'?re|we are|team of|a team of|somos|wir sind|nous sommes|on est|siamo(?: in)?|(?:we|wij) zijn(?: met)?)\\s+(?:about |around |roughly |like |only |just |unos |ungefahr |environ |circa |zo'?n )?${NUM}(?=\\s*(?:$|[,.!?;)]|can'?t|cannot|are|all|have|need|who|in (?!(?:a |the )?(?:row|line|queue|total)\\b)|y |und |et |e |en |op |sur |en el |im |nel |bei |no |na ))`,
    'g',
  ),
  // "we've got 12 in today", "there are 30 on site": a head count of the people present.
  new RegExp(
    `\\b(?:we'?ve got|we have|we got|there'?s|there are|there'?re)\\s+(?:about |around |roughly |like |only |just )?${NUM}\\s+(?:of us\\s+)?(?:in(?: the office)? today|in today|on site|here today|in the office)\\b`,
    'g',
  ),
  // "we're the three in Finance who work it", "we are all five on the rota": the speakers counting themselves.
  new RegExp(
    `\\b(?:we'?re|we are|there are|there'?re)\\s+(?:the|all|just the|only the)\\s+${NUM}\\b(?!\\s*(?:%|percent|days?|weeks?|hours?|months?|times|items|orders|of (?:them|these|those)))`,
    'g',
  ),
];
// "that's just me and the FD" names two people, not one.
// "me and two colleagues": the speaker plus the others counted.
// "me and two of the paralegals", "myself and 3 nurses": the others counted by their role, whatever it is.
const ME_AND = new RegExp(
  `\\b(?:me|myself) and ${NUM} (?:of (?:the|my|our) )?(?:other )?(?:colleagues|coworkers|co-workers|teammates|others|people|more|[a-z-]{3,}s)\\b`,
);
// "the other 3 on the support rota say theirs vanished too": the speaker plus the others who have it as well.
const OTHERS_TOO = new RegExp(`\\bthe other ${NUM}\\b[^.!?]{0,60}\\b(?:too|as well|also|either|same)\\b`);
// "for me, Kasia and Tom", "crashing for me and Anna": the speaker and the people named.
const ME_AND_NAMES =
  /\b(?:for|to|with|affects|affecting|hits|hitting) me((?:,\s*\p{Lu}\p{Ll}+)*),?\s+and\s+\p{Lu}\p{Ll}+\b/u;
// "me and Dan from AP both lost it", "Priya and I both get the error": the customer and one named colleague.
const BOTH_OF_US =
  /\b(?:[Mm]e|I) and \p{Lu}\p{Ll}+\b[^.!?]{0,40}\bboth\b|\b\p{Lu}\p{Ll}+ and (?:I|me)\b[^.!?]{0,40}\bboth\b|\bboth of us\b/u;
const JUST_ME =
  /\b(?:just me|only me|only i am|just i am|only my (?:laptop|account|machine)|(?:only|just) (?:for|affecting) me|solo yo|solo (?:a mi|me pasa a mi)|nur (?:ich|bei mir|mich)|juste moi|(?:il )?n'y a que moi|ne (?:concerne|touche) que moi|so (?:eu|comigo)|apenas (?:eu|comigo)|solo io|solo (?:a )?me|soltanto (?:io|a me)|alleen (?:ik|bij mij|mij)|enkel (?:ik|bij mij))\b(?!\s+(?:and|&|\+|plus|y|und|et|e)\b)/;

// "just him for now", "only her so far": one other person, the one the requester is asking for.
const JUST_ONE_OTHER =
  /\b(?:just|only) (?:him|her)\b(?=\s*(?:$|[,.!?;]|for now|at the moment|so far|right now|today|though|affected)\b)/;
// "How many people are on the early shift?" - "28 pickers and 3 supervisors, so 31": the total given in answer.
const ASKS_HOW_MANY =
  /\bhow many (?:people|users|colleagues|staff|members|of you|employees|persons|are affected|users are)\b|\bcuant[ao]s (?:personas|usuarios)\b|\bwie ?viele (?:personen|leute|mitarbeiter|benutzer|kollegen)\b|\bcombien de (?:personnes|utilisateurs|collegues)\b|\bquant[ao]s (?:pessoas|usuarios|utilizadores)\b|\bquant[ie] (?:persone|utenti|colleghi)\b|\bhoeveel (?:mensen|personen|gebruikers|collega'?s)\b/;
const TOTAL_ANSWER = new RegExp(
  `(?:^|[^\\w.-])(?:so|that'?s|makes|total|=|in total|altogether|all in all)\\s*:?\\s*(?:about |around )?${NUM}\\s*(?:total|in total|altogether|people|users|of us)?\\s*[.!]?\\s*$|^\\W*(?:about |around |roughly |like |maybe |probably |prob )?${NUM}\\s*(?:people|users|of us|total|in total|altogether)?\\s*[.!]?\\s*$`,
);
const QUICK = new RegExp(
  `\\d|\\b(?:${Object.keys(WORD_NUMBERS).join('|')}|just me|only me|solo yo|nur ich|juste moi|so eu|solo io|alleen ik|alleen bij mij|only my|both)\\b|\\bme(?:,| and\\b)`,
);

const BOUGHT_BEFORE =
  /\b(?:billed|charged|invoiced|paying|paid|pay|bought|buy|purchased|ordered|cobrad\w*|cobran|factur\w*|berechnet|bezahlt|pague|paguei)\b(?:\s+[\w$€£.,]+){0,3}\s*$|\b(?:invoice|bill|statement|receipt|plan|subscription|licen[cs]e|contract|rechnung|factura|facture|fatura)s?\b(?:\s+\w+){0,2}\s+(?:shows?|says?|lists?|has|have|includes?|covers?|is for|was for|for)\s+(?:\w+\s+)?$/;
const SUMMED_UP = /\b(?:so|that'?s|makes|in total|total)\s+(?:about |around )?$/;
const toNumber = (s: string): number => WORD_NUMBERS[s] ?? Number(s);

/**
 * How many people are affected, only when a number is stated ("we're 14 people", "more like 20 of us, not 5", "just
 * me"); a number right after "not" is the one being corrected away. Latest statement wins.
 */
export function findAffectedCount(t: Transcript): CountFound | null {
  let best: { value: number; turn: Turn } | null = null;
  let asked = false;
  for (const turn of t.usable) {
    if (turn.offTopic) continue;
    const answered = turn.role === 'customer' && asked;
    if (turn.role !== 'customer') asked = ASKS_HOW_MANY.test(turn.folded) && /\?/.test(turn.text);
    else asked = false;
    if (answered) {
      const total = TOTAL_ANSWER.exec(turn.folded.trim());
      const n = total ? toNumber((total[1] ?? total[2])!) : Number.NaN;
      if (Number.isFinite(n) && n > 0 && n < 100000) {
        best = { value: n, turn };
        continue;
      }
    }
    for (const s of turn.sentences) {
      if (!isFact(turn, s)) continue;
      const f = s.folded;
      if (!QUICK.test(f) && !JUST_ME.test(f) && !JUST_ONE_OTHER.test(f)) continue;
      let value: number | null = null;
      const meAnd = ME_AND.exec(f);
      if (meAnd) value = toNumber(meAnd[1]!) + 1;
      const others = turn.role === 'customer' && value === null ? OTHERS_TOO.exec(f) : null;
      if (others) value = toNumber(others[1]!) + 1;
      const named = turn.role === 'customer' ? ME_AND_NAMES.exec(s.text) : null;
      if (value === null && named) value = 2 + (named[1]!.match(/,/g)?.length ?? 0);
      if (value === null && turn.role === 'customer' && BOTH_OF_US.test(s.text)) value = 2;
      for (const re of COUNT_PATTERNS) {
        for (const m of f.matchAll(re)) {
          const at = (m.index ?? 0) + m[0].indexOf(m[1]!);
          if (/\bnot\s+(?:~|about |around )?$/.test(f.slice(Math.max(0, at - 12), at))) continue;
          // "billed for 10 seats", "paying for 25 users": a quantity bought, not people affected.
          if (BOUGHT_BEFORE.test(f.slice(Math.max(0, at - 30), at))) continue;
          const n = toNumber(m[1]!);
          if (!(Number.isFinite(n) && n > 0 && n < 100000)) continue;
          // "3 dentists and 4 hygienists, so 7 of us": the total said after the groups is the count.
          if (value === null || SUMMED_UP.test(f.slice(Math.max(0, at - 16), at))) value = n;
        }
      }
      const me = JUST_ME.exec(f);
      // "thought it was just me" says the opposite.
      if (
        value === null &&
        turn.role === 'customer' &&
        me &&
        !/\b(?:thought|not|isn'?t|wasn'?t|if)\b[^,.!?]{0,15}$/.test(f.slice(0, me.index))
      )
        value = 1;
      if (value === null && turn.role === 'customer' && JUST_ONE_OTHER.test(f)) value = 1;
      if (value !== null) best = { value, turn };
    }
  }
  return best ? { value: best.value, confidence: 0.8, evidence: [best.turn.id].filter(Boolean) } : null;
}
