import type { FieldDefinition } from '../../types.js';
import { escapeRegExp, fold } from './text.js';
import { isFact, type Transcript, type Turn } from './transcript.js';

export interface StatedFound {
  value: string;
  confidence: number;
  evidence: string[];
}

/** Everyday short forms of department names. */
const ALIASES: Record<string, string[]> = {
  engineering: [
    'eng',
    'engineers',
    'dev team',
    'developers',
    'development',
    'r&d',
    'tech team',
    'entwicklung',
    'ingenieria',
    'desarrollo',
    'ingenierie',
    'engenharia',
    'desenvolvimento',
  ],
  operations: ['ops', 'operations team', 'operaciones', 'betrieb', 'operacoes', 'exploitation'],
  // Bookkeeping is finance in every language: "Ich bin in der Buchhaltung", "trabajo en contabilidad".
  finance: [
    'accounting',
    'accounts',
    'accounts payable',
    'finance team',
    'buchhaltung',
    'finanzen',
    'finanzabteilung',
    'contabilidad',
    'finanzas',
    'comptabilite',
    'contabilidade',
    'financeiro',
    'contabilita',
    'amministrazione',
    'boekhouding',
    'financien',
  ],
  hr: [
    'human resources',
    'people team',
    'people ops',
    'recursos humanos',
    'personalabteilung',
    'ressources humaines',
    'rh',
    'risorse umane',
    'personeelszaken',
    // "I'm in recruiting": hiring is a people team.
    'recruiting',
    'recruitment',
    'talent acquisition',
  ],
  marketing: ['mktg', 'growth team'],
  sales: [
    'sales team',
    'business development',
    'bizdev',
    'ventas',
    'vertrieb',
    'ventes',
    'vendas',
    'vendite',
    'verkoop',
  ],
  legal: ['legal team', 'counsel'],
  support: ['customer support', 'customer service', 'cs team'],
  it: ['it team', 'information technology'],
  design: ['designers', 'design team'],
  product: ['product team', 'pm team'],
};

// "Can you confirm his department?": the team asked for by whose it is.
const ASKS_TEAM =
  /\b(?:which|what) (?:team|department|dept|group|area)\b|\b(?:confirm|what'?s|tell me) (?:your|his|her|their) (?:team|department|dept)\b|\b(?:team|department|dept) (?:are|is) (?:you|she|he|they) (?:in|on|with|joining)\b|\b(?:welche[sr]?|qual|quel(?:le)?|que|cual) (?:team|abteilung|departamento|equipo|equipe|service)\b/;

function namesFor(value: string): string[] {
  const v = fold(value);
  return [v, ...(ALIASES[v] ?? [])];
}

/** Where a department word says who someone is: "I'm in finance", "the whole sales team", "Engineering owes you". */
function membershipPattern(name: string): RegExp {
  const n = escapeRegExp(name);
  return new RegExp(
    [
      // "I'm in recruiting (HR)": the unit in brackets after the team's own name.
      `\\b(?:i'?m|i am|we'?re|we are|she'?s|he'?s|they'?re|you'?re|work|works|working|sit|based)\\s+(?:\\w+\\s+){0,3}?(?:in|on|with|from|for)\\s+(?:the\\s+)?(?:\\w+\\s+)?\\(?${n}\\b`,
      `\\b(?:in|from|on|im|in der|en|dans|na|no|nel|nella|nell'|bij|op)\\s+(?:the\\s+|my\\s+|our\\s+|el\\s+|la\\s+|le\\s+|o\\s+|a\\s+|de\\s+)?${n}\\b(?!\\s+(?:side|app|tool|system|dashboard|report|channel|@|site|folder|drive|sharepoint|mailbox|inbox|wiki|(?:security |ad |distribution )?(?:group|list)|(?:team|dept|department)\\s+(?:site|folder|drive|channel|sharepoint|calendar|mailbox|inbox|page|space|wiki|board|project|group|list|account|budget|report)))`,
      // "soy de contabilidad", "je suis aux RH", "ich bin in der Buchhaltung": the same said in the other languages.
      `\\b(?:soy|somos|estoy|trabajo|trabajamos|sou|estou|trabalho|trabalhamos|je suis|nous sommes|je travaille|ich bin|wir sind|ich arbeite|wir arbeiten)\\s+(?:\\w+\\s+){0,2}?(?:de|del|da|do|en|aux|au|a la|dans|im|in der|bei|na|no)\\s+(?:la\\s+|el\\s+|l'|les\\s+|der\\s+|dem\\s+|o\\s+|a\\s+)?${n}\\b`,
      // "todo el equipo de ventas", "l'équipe des ventes": the team named after its word for team.
      `\\b(?:equipo|equipe|equipa|departamento|departement|abteilung|afdeling|reparto|ufficio) (?:de |des |do |da |del |de la |di |della |dell')?${n}\\b`,
      // "Team Engineering, falls ihr das braucht", "ik zit in team Sales": the team word first, said of oneself.
      `\\b(?:im|in|bei|bij|from|van|del|dal|du|do|da|no|na)\\s+(?:the\\s+|het\\s+)?(?:team|dept|department) ${n}\\b`,
      `^\\W*(?:team|dept|department) ${n}\\b(?=\\s*(?:[,.;:!?()/-]|$|here\\b|hier\\b|aqui\\b|ici\\b|qui\\b))`,
      // "jullie vallen onder Operations, toch?" - "ja", "procurement, which sits under Operations": the unit someone
      // comes under.
      `\\b(?:fall|falls|fallen|vallen|valt|val|come|comes|sit|sits|belong|belongs|gehoren|gehort)\\s+(?:\\w+\\s+)?(?:under|within|unter|zu|onder)\\s+(?:the\\s+|de\\s+|het\\s+)?${n}\\b|\\b(?:we'?re|we are|it'?s|which is|that'?s) (?:\\w+ )?part of (?:the )?${n}\\b|\\b(?:which|that|it) (?:is|'s) (?:\\w+ )?under (?:the )?${n}\\b`,
      // "the rest of engineering is online": the speaker is one of them.
      `\\b(?:rest of|others in|everyone else in|of us in)\\s+(?:the\\s+)?${n}\\b`,
      // "de rest van mijn team (marketing)", "my department, Finance": the speaker's own team, then its name.
      `\\b(?:my|our|mijn|onze?|mein\\w*|unser\\w*|mi|mis|nuestro|mon|ma|notre|meu|minha|nosso|mio|mia|nostro)\\s+(?:own\\s+)?(?:team|department|dept|afdeling|abteilung|equipo|equipe|equipa|reparto|ufficio|service|time)\\s*(?:[(,:-]|is\\b|'s\\b)?\\s*${n}\\b`,
      // "I'm the new Operations manager", "I'm head of Sales": a role in the unit.
      `\\b(?:i'?m|i am)\\s+(?:the\\s+|a\\s+|an\\s+|our\\s+)?(?:new\\s+|interim\\s+|acting\\s+|senior\\s+|junior\\s+)?(?:${n}\\s+(?:manager|lead|director|head|analyst|coordinator|assistant|intern|specialist|associate|officer|rep|representative|executive|partner|admin|supervisor|controller|accountant|planner|clerk|advisor|adviser|generalist)|(?:head|director|vp) of ${n})\\b`,
      // "lol we ARE finance": the speaker's team said as what they are.
      `\\b(?:we'?re|we are|i'?m|i am)\\s+(?:(?:all|also|literally|actually|the)\\s+)?${n}\\s*(?:$|[.!,;)])`,
      // "groetjes van HR", "regards from Finance": a sign-off from the unit.
      `\\b(?:greetings|regards|cheers|groetjes|groeten|gruss|grusse|gruesse|saludos|salutations|cumprimentos|saluti)\\s+(?:from|van|aus|de|da|dalla|dal|dalle)\\s+(?:the\\s+|der\\s+|het\\s+|la\\s+)?${n}\\b`,
      // "sales says theirs is fine" contrasts another team; it is no membership.
      // "4th floor sales pod", "the finance bay": where someone sits is the team they are in.
      `\\b${n}\\s+(?:team|dept|department|here|owes|folks|people|pod|bay|floor|wing|sends|says (?:hi|hello|thanks))\\b(?!\\s+(?:site|folder|drive|channel|sharepoint|calendar|mailbox|inbox|page|space|wiki|board|project|group|list|account|budget|report))`,
      `^\\W*(?:yes|yep|yeah|yup|correct|right)?\\W*${n}\\W*$`,
      // "HR (that's me 🙂) needs his access cut", "Finance, that's us": the speaker saying which team is theirs.
      `\\b${n}\\s*[(,-]?\\s*(?:that'?s|that is|which is|i'?m|we'?re) (?:me|us)\\b`,
    ].join('|'),
  );
}

const yours = new Map<string, RegExp>();
function yourUnit(name: string): RegExp {
  let re = yours.get(name);
  if (!re) {
    const n = escapeRegExp(name);
    re = new RegExp(
      `\\byour (?:line )?(?:manager|team ?lead|lead|boss|supervisor|director|head|colleagues|team|department|dept) (?:in|from|at|on) (?:the )?${n}\\b|\\b(?:registered|assigned|listed|set up) (?:to|for) you (?:in|under) (?:the )?${n}\\b|\\b(?:tu|su) (?:jefe|jefa|responsable|equipo|departamento) (?:de|en) ${n}\\b|\\b(?:votre|ton) (?:responsable|manager|equipe|service) (?:de|du|des|aux|au|chez) ${n}\\b|\\b(?:seu|sua|teu|tua) (?:gestor|gestora|chefe|equipe|equipa|time) (?:de|do|da|em|no|na) ${n}\\b|\\b(?:dein\\w*|ihr\\w*) (?:chef|chefin|vorgesetzte\\w*|team|abteilung) (?:in|im|aus|bei) ${n}\\b|\\b(?:il tuo|la tua|il suo|la sua) (?:responsabile|capo|team|reparto) (?:di|in|del|della) ${n}\\b|\\b(?:je|uw) (?:manager|leidinggevende|team|afdeling) (?:bij|van|in) ${n}\\b`,
    );
    yours.set(name, re);
  }
  return re;
}

const signed = new Map<string, RegExp>();
function signedWith(first: string, name: string): RegExp {
  const key = `${first}\u0000${name}`;
  let re = signed.get(key);
  if (!re) {
    re = new RegExp(
      `(?:^|[\\s(.!,-])${escapeRegExp(first)}\\s*,\\s*(?:from\\s+|in\\s+)?(?:the\\s+)?${escapeRegExp(name)}\\b`,
    );
    signed.set(key, re);
  }
  return re;
}

/**
 * A choice with no hints (department, team, region…) is only known when stated: a membership phrase in a customer's
 * words or an agent's statement the customer confirmed, or the bot's escalation value. Latest wins.
 */
const compiled = new WeakMap<
  FieldDefinition,
  { any: RegExp; compound: RegExp; options: Array<{ value: string; res: RegExp[] }> }
>();

export function findStatedOption(field: FieldDefinition, t: Transcript, escalated: string | null): StatedFound | null {
  let entry = compiled.get(field);
  if (!entry) {
    const options = (field.options ?? []).map((o) => ({
      value: o.value,
      res: namesFor(o.value).map(membershipPattern),
    }));
    // A quick test that some option is named at all, before the membership patterns run.
    const names = (field.options ?? []).flatMap((o) => namesFor(o.value)).map(escapeRegExp);
    const anyName = names.join('|') || '(?!)';
    entry = {
      any: new RegExp(`\\b(?:${anyName})\\b`),
      compound: new RegExp(`\\b(${anyName})\\s+(?:${anyName})\\b`, 'g'),
      options,
    };
    compiled.set(field, entry);
  }
  const patterns = entry.options;
  let best: { value: string; turn: Turn | null } | null = escalated ? { value: escalated, turn: null } : null;
  const starterFirst = fold(t.starter?.split(/\s+/)[0] ?? '');
  let prevOther: Turn | null = null;
  for (const turn of t.usable) {
    if (turn.offTopic || turn.index < 0) continue;
    const asked = prevOther !== null && ASKS_TEAM.test(prevOther.folded);
    if (turn.role !== 'customer') prevOther = turn;
    // "Which team is she joining?" -> "mine, marketing, brand design": a short reply names it.
    // "marketing, I mostly need Figma and the brand drive": a longer reply that opens with it.
    if (turn.role === 'customer' && asked) {
      const short = turn.folded.split(/\s+/).length <= 8;
      const named = patterns.find((p) =>
        namesFor(p.value).some((n) =>
          new RegExp(short ? `\\b${escapeRegExp(n)}\\b` : `^\\W*${escapeRegExp(n)}\\b(?=\\s*[,.;:!-])`).test(
            turn.folded,
          ),
        ),
      );
      if (named) {
        best = { value: named.value, turn };
        continue;
      }
    }
    // "let your manager in Sales know": an agent addressing the requester's own unit says which one it is.
    if (turn.role === 'agent' && entry.any.test(turn.folded)) {
      const said = turn.sentences.filter((x) => !x.question).map((x) => x.folded);
      const named = patterns.find((p) => namesFor(p.value).some((n) => said.some((x) => yourUnit(n).test(x))));
      if (named) best = { value: named.value, turn };
    }
    if (turn.role !== 'customer' && !turn.confirmed) continue;
    // Someone else in the thread speaks for the requester only about them ("she's on my team in marketing").
    const other = turn.role === 'customer' && t.starter !== null && turn.author !== t.starter;
    for (const s of turn.sentences) {
      if (!entry.any.test(s.folded) || !isFact(turn, s)) continue;
      if (other && !new RegExp(`\\b(?:she|he|they|${starterFirst || 'she'})(?:'s| is| are)\\b`).test(s.folded))
        continue;
      // "I just moved over from marketing" names where they were, not where they are.
      const text = s.folded
        .replace(
          /\b(?:moved|transferred|switched|came|coming|used to (?:be|work))\b(?:\s+\w+){0,2}?\s+from\s+(?:the\s+)?\w+/g,
          ' ',
        )
        // "got it on friday from HR": where something came from is not the requester's unit.
        .replace(
          /\b(?:got|get|received|collected|picked (?:it |them )?up|issued|given|sent|bought)\b(?:\s+[\w']+){0,4}?\s+from\s+(?:the\s+)?\w+/g,
          ' ',
        )
        // "the request in the onboarding form from HR": a document coming from a unit says nothing of the requester's.
        .replace(
          /\b(?:form|request|email|e-mail|ticket|approval|letter|message|list|sheet|paperwork|memo)\s+from\s+(?:the\s+)?\w+/g,
          ' ',
        )
        // "all 5 of us in the finance ops team": a unit named right before another is the one it belongs to.
        .replace(entry.compound, '$1');
      for (const p of patterns) if (p.res.some((re) => re.test(text))) best = { value: p.value, turn };
      // "Sofia, Sales" / "(Tobias, Marketing btw)": the requester signing with their team.
      if (!other && starterFirst.length > 1)
        for (const p of entry.options)
          if (namesFor(p.value).some((n) => signedWith(starterFirst, n).test(s.folded)))
            best = { value: p.value, turn };
    }
  }
  if (!best) return null;
  return { value: best.value, confidence: best.turn ? 0.75 : 0.9, evidence: best.turn?.id ? [best.turn.id] : [] };
}
