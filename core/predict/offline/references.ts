import type { FieldDefinition } from '../../types.js';
import { OTHER_ORDER, SAID_FINE } from './set-aside.js';
import { escapeRegExp, fold } from './text.js';
import { isFact, type Transcript, type Turn } from './transcript.js';

export type ReferenceKind = 'order' | 'asset';

export function referenceKind(field: FieldDefinition): ReferenceKind | null {
  if (field.type !== 'text') return null;
  const about = fold(`${field.key} ${field.label}`);
  if (/\b(?:asset|serial|device tag|laptop tag)\b|asset ?tag|assettag|serial/.test(about)) return 'asset';
  if (/\b(?:order|invoice|booking|reservation|purchase)\b|ordernumber|orderid|invoice/.test(about)) return 'order';
  return null;
}

/** Prefixes the hint's examples use ("e.g. ORD-12345", "like LT-04821"). */
export function examplePrefixes(field: FieldDefinition): string[] {
  const out = new Set<string>();
  for (const m of (field.hint ?? '').matchAll(/\b([A-Z]{1,6})-\d{2,}\b/g)) out.add(m[1]!);
  return [...out];
}

export interface Mention {
  /** As written (a leading # kept). */
  value: string;
  turn: Turn | null;
  /** The sentence sets it aside: "ORD-30117 came last week, all good", "a previous order". */
  dismissed: boolean;
  /** Set aside only as another order ("my second order, 55120"): still the case's order when no other is named. */
  otherOrder?: boolean;
  /** Written as an error code, ticket or tracking number: not an order wherever else it appears. */
  notOrder?: boolean;
  /** A loaner or spare handed out meanwhile. */
  standIn?: boolean;
  /** Said as a correction ("sorry, wrong number, it's ORD-12346"): it replaces what came before. */
  correction?: boolean;
  /** An asset tag of a prefix the field's hint does not give, taken only for the device noun before it. */
  byDevice?: boolean;
}

const ORDER_WORDS =
  "(?:order|order number|order no\\.?|order id|order #|order nr\\.?|order ref(?:erence)?|invoice|bill|booking (?:reference|ref|number|code)|booking|reservation (?:number|code)|reservation|confirmation (?:code|number)|reserva|reservierung|buchung|pedido|numero de pedido|commande|bestellung|bestellnummer|auftrag|encomenda|compra|ordine|numero d'ordine|numero ordine|prenotazione|bestelling|bestelnummer|ordernummer|boeking|reservering|(?:my|your|the|our) reference|(?:my|your|the|our) ref)";
const BRAND_BEFORE = /\p{Lu}\p{Ll}+\s+$/u;
const ORDER_NUMBER = new RegExp(
  `\\b${ORDER_WORDS}\\s*(?:number|no\\.?|nr\\.?|n[°ºo]\\.?|n\\.|#|id|num[eé]ro|n[uú]mero|nummer)?\\s*(?:(?:is|es|ist|est|e|el|le)\\s+|:)?\\s*(?:el\\s+|le\\s+|o\\s+)?[:#]?\\s*([A-Za-z0-9][A-Za-z0-9-]{3,24})`,
  'gi',
);
// "two orders with you, 10293 and 10311", "um pedido ontem (nº 301554)": numbers a few words after the order word.
const ORDER_LIST = new RegExp(
  `\\b${ORDER_WORDS}s?\\b[^.!?\\d]{0,30}?((?:(?:n[°º]|nr\\.?|no\\.)?\\s*#?(?<![\\w-]|\\w#)\\d{5,12}(?![\\w-])(?:\\s*(?:,|and|or|y|o|und|oder|et|ou|e|&)\\s*)?)+)`,
  'gi',
);
// "K-2026-06-88410": a prefix, then year and month groups before the running number.
// "FW-RES-66120", "INV-SV-88213": two letter groups before the number are one reference.
// "GL-7781-QPZ": letters after the number make it a code of its own, never an order cut short.
// "MQ-260410-08": a date-like number with a short suffix is one reference, not a reference and a stray "-08".
const prefixedShape = (numberLead: string) =>
  new RegExp(
    String.raw`\b((?:[A-Z]{1,6}-)?[A-Z]{1,6})-(?:\d{2,4}-){0,2}${numberLead}\d{3,}(?:-\d{2}(?![\d-]))?\b(?!-[A-Za-z])`,
    'g',
  );
const PREFIXED = prefixedShape('');
/** "LT-H1520", "PH-D0452": a device tag's number may start with one letter (a model or site code). */
const ASSET_PREFIXED = prefixedShape('[A-Z]?');
/** "GH/20931", "IPC/26/04417": a shop's prefix and number written with slashes. */
const SLASHED = /(?<![\w/])[A-Z]{2,6}\/(?:\d{2,4}\/)?\d{4,}(?![\w/])/g;
/** What follows "order number is …" is a reference when it carries digits: "4471-2231", "A1234567", "QX7H29". */
function referenceShaped(raw: string): string | null {
  const value = raw.replace(/-+$/, '');
  const digits = value.replace(/\D/g, '').length;
  if (digits >= 5 || (digits >= 2 && /^[A-Z0-9-]{5,}$/.test(value) && /[A-Z]/.test(value))) return value;
  return null;
}
/**
 * Prefixes of references that are not orders: cases, tickets, incidents, requests, cancellations, tracking, errors.
 * Two letters are a shop's initials as often as not ("SR-20331"), and a ticket shop's order may well be "TIX-…", so
 * only abbreviations that name no order are listed.
 */
const NOT_ORDER_PREFIXES = ['AP', 'SKU', 'REF', 'CASE', 'TKT', 'INC', 'REQ', 'CAN', 'CXL', 'CNL', 'TRK', 'ERR'];
const HASHED = /(?:^|[^\w&])(#\s?\d{4,12})\b/g;
/** "TH#60418": a shop's letters joined to the number by '#', kept whole as written. */
const LETTERS_HASHED = /(?<![\w#-])[A-Z]{1,6}#\d{4,12}\b/g;
/**
 * "scooter ZP-2096", "bike number PC-0583", "locker L-1182": what a rental or a locker is called by is no order, here or
 * wherever it comes up again.
 */
const VEHICLE_BEFORE =
  /\b(?:e-?scooters?|scooters?|e-?bikes?|bikes?|bicycles?|mopeds?|vehicles?|cars?|vans?|lockers?|docks?|stations?|trottinettes?|velos?|fahrrad|roller|patinetes?|bicicletas?|bicis?|fiets|deelfiets|kickboards?)\s*(?:id|number|no\.?|nr\.?|#|code|plate)?\s*(?:is\s*)?[:#]?\s*$/;
const ASKS_VEHICLE =
  /\b(?:e-?scooter|scooter|e-?bike|bike|bicycle|moped|vehicle|locker)\s*(?:id|number|no|code|plate)\b/;
// "cancellation confirmed 18 March (ref CX-4410)": the reference a cancellation was given a few words on is not an order.
const NOT_AN_ORDER =
  /\b(?:gift ?card|gutschein\w*|tarjeta (?:de )?regalo|carte[- ]cadeau|cartao[- ](?:oferta|presente)|buono (?:regalo|sconto)|cadeau(?:bon|kaart)|codigo|codice|cancell?ation|resiliation|annulation|cancelacion|cancelamento|stornierung|kundigung|ticket|case|tracking|promo|coupon|voucher|phone|call|text|extension|ext|vat|tax id|account id|username|membership|error|error code|went wrong|fault code|fault|incident|complaint|claim|return authori[sz]ation|service request|stortingsnummer|storing)\b(?:(?!\border\b|\bpedido\b|\bcommande\b|\bbestellung\b)[^.!?]){0,20}$|\b(?:cancell?ation|annulation|cancelacion|cancelamento|stornierung|annullamento|annulering)\b[^.!?]{0,30}\b(?:ref|reference|referencia|referenz|numero|nummer)\W{0,3}$/;
/**
 * An error code ("failed (code PF-409)", "could not be processed (PMT-409)") is one in every later mention too; a ticket
 * number may still be the order.
 */
const ERROR_CODE =
  /\b(?:error|error code|went wrong|fault code|(?<!\b(?:booking|confirmation|reservation|order|discount|promo|gift|voucher|coupon) )code)\b(?:(?!\border\b|\bpedido\b|\bcommande\b|\bbestellung\b)[^.!?]){0,20}$|\b(?:processed|declined|failed|denied|invalid|rejected|refused|not allowed|verified|validated|authori[sz]ed|accepted|completed|unavailable|expired)\W{0,3}\(\s*$/;
/**
 * An order said to be fine or another one, as for products; and wider words ("no problem with", "came last week") that
 * are safe here, read in the number's own clause, but would drop a whole sentence from the product finder.
 */
const DISMISSED = new RegExp(
  `${SAID_FINE.source}|${OTHER_ORDER.source}|\\b(?:no problem with|no issue with|not that one|not the one|delivered in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*|came last week)\\b`,
);
/** "The frame is on a separate order, DO-615377": the number named right after the other order. */
const SET_APART = new RegExp(`${OTHER_ORDER.source}\\s*[,:(]?\\s*(?:#|number|no\\.?)?\\s*$`);
/** "Your new order is BT-61904", "the replacement order: 5520140": what is sent instead, not the order the case is about. */
const REPLACEMENT_ORDER =
  /\b(?:new|replacement|fresh|reshipped|re-?sent) (?:order|shipment)(?: number| no\.?| #)?(?: is| will be)?\s*[,:(]?\s*#?\s*$/;
const ORDER_MENTIONED = new RegExp(`\\b${ORDER_WORDS}s?\\b`, 'i');
const OWN_LINE_REFERENCE =
  /^\s*(?:(?:it'?s|its|it is|the number is|number is|that'?s|order is)[\s,:!-]*)?#?\s?(\d{3,8}-\d{3,8}|\d{5,12})\s*[.!]?\s*$/i;
/** An order, booking or invoice, as the agent names it in any of the languages ("Bestellnummer", "fattura"). */
const ORDER_NOUN =
  '(?:order|ordine|ordinazione|bestel\\w*|pedido|encomenda|commande|booking|buchung\\w*|reserv\\w*|prenotazione|boeking|invoice|rechnung\\w*|factura|facture|fattura|fatura|factuur)';
/** An order, invoice or booking word right before a code ("Buchungsnummer FW-…", "Order ORD-…"): no brand there. */
const ORDER_WORD_BEFORE = new RegExp(
  `\\b(?:${ORDER_NOUN}|bill|confirm\\w*|ref\\w*|receipt|contract|vertrag\\w*|auftrag\\w*|kunden\\w*|compra)\\s*[:#]?\\s*(?:no\\.?|nr\\.?|number|nummer|numero|n°)?\\s*[:#]?\\s*$`,
  'i',
);
/**
 * An agent asking for the order, booking or invoice number: the noun with its number word ("order ID", "número de
 * pedido"), or in a question ("¿Tiene su pedido a mano?"). Read on folded text, by the phone finder too.
 */
export const ASKS_ORDER = new RegExp(
  `\\b(?:${ORDER_NOUN}|confirmation) (?:number|id|no|#|reference|ref|code|nummer|numero)\\b|\\bnumero (?:de |d'|di |do |da |del )?${ORDER_NOUN}\\b|\\b(?:bestell?|buchungs|rechnungs|reservierungs|boekings|factuur|order)nummer\\b|\\b${ORDER_NOUN}\\b[^.!?]*\\?`,
);

function mentionsIn(
  turn: Turn,
  text: string,
  start: number,
  kind: ReferenceKind,
  allowed: RegExp | null,
  known: ReadonlySet<string> = new Set(),
): Mention[] {
  if (!/\d/.test(text)) return [];
  const folded = fold(text);
  // "charged twice for #55120 and #55121 is fine": the setting-aside belongs to its own clause, not the sentence.
  // Read per clause only: over the whole sentence "#55120 is fine but #55121 broke" sets nothing aside ("fine but").
  let cuts: number[] | null = null;
  const clauseDismissed = (at: number): boolean => {
    cuts ??= [...folded.matchAll(/[,;]|\s(?:and|but|while|whereas|y|und|et|e|mais|pero|aber)\s/g)].map(
      (m) => m.index ?? 0,
    );
    const from = Math.max(0, ...cuts.filter((c) => c < at));
    const to = Math.min(folded.length, ...cuts.filter((c) => c > at));
    return DISMISSED.test(folded.slice(from, to));
  };
  const correction =
    /\b(?:wrong (?:number|order|one|reference)|typo|i mean|i meant|meant to say|should (?:be|read|say)|correction|not \S+[,;]? (?:it'?s|but)|sorry,? (?:it'?s|that'?s|i)|misread|read it wrong|mistyped)\b/.test(
      folded,
    );
  const standIn =
    kind === 'asset' &&
    /\b(?:loaner|loan (?:laptop|device|machine|phone)|spare|temporary (?:laptop|device|machine)|stand-?in)\b/.test(
      folded,
    );
  const out: Array<Mention & { at: number }> = [];
  const push = (value: string, at: number, byDevice = false) => {
    const before = fold(text.slice(Math.max(0, at - 40), at));
    const notOrder = kind === 'order' && (ERROR_CODE.test(before) || VEHICLE_BEFORE.test(before));
    if (!notOrder && NOT_AN_ORDER.test(before)) return;
    // "my Hearthline HX-200 heater": a code right after a brand is its model, unless the brand is an order word.
    if (kind === 'order' && !notOrder && BRAND_BEFORE.test(text.slice(0, at)) && !ORDER_WORD_BEFORE.test(before))
      return;
    if (out.some((o) => o.value.replace(/^#\s?/, '') === value.replace(/^#\s?/, ''))) return;
    // "The frame is on a separate order, DO-615377": named right after being set apart.
    const setApart = SET_APART.test(before) || (kind === 'order' && REPLACEMENT_ORDER.test(before));
    const dismissed = setApart || clauseDismissed(at);
    out.push({
      value: value.replace(/^#\s+/, '#'),
      turn,
      dismissed,
      otherOrder: dismissed && OTHER_ORDER.test(folded) && !SAID_FINE.test(folded),
      notOrder,
      standIn: standIn || (kind === 'asset' && REPLACED_BEFORE.test(before)),
      correction,
      byDevice,
      at: start + at,
    });
  };
  for (const m of text.matchAll(kind === 'asset' ? ASSET_PREFIXED : PREFIXED)) {
    if (allowed && !m[1]!.split('-').every((group) => allowed.test(group))) continue;
    // One letter in front ("W-220931") is an order only with a long number: "E-214" is an error code.
    if (m[1]!.length === 1 && m[0].replace(/\D/g, '').length < 5) continue;
    push(m[0], m.index ?? 0);
  }
  if (kind === 'order') {
    for (const m of text.matchAll(LETTERS_HASHED)) push(m[0], m.index ?? 0);
    for (const m of text.matchAll(HASHED)) push(m[1]!, (m.index ?? 0) + m[0].indexOf('#'));
    for (const m of text.matchAll(SLASHED)) push(m[0], m.index ?? 0);
    for (const m of text.matchAll(ORDER_NUMBER)) {
      const value = referenceShaped(m[1]!);
      if (value) push(value, (m.index ?? 0) + m[0].lastIndexOf(m[1]!));
    }
    for (const m of text.matchAll(ORDER_LIST)) {
      const from = (m.index ?? 0) + m[0].lastIndexOf(m[1]!);
      for (const n of m[1]!.matchAll(/(?<![\w-])\d{5,12}(?![\w-])/g)) push(n[0], from + (n.index ?? 0));
    }
    // "10293 was fine, but 10311 is the wrong plant": a number already named as an order, mentioned again bare.
    if (known.size)
      for (const m of text.matchAll(/(?<![\w-]|\w#)\d{5,12}(?![\w-])/g)) if (known.has(m[0])) push(m[0], m.index ?? 0);
  } else {
    // "The laptop will be asset RUSD-LT-3307": named as the tag, it is the tag, whatever device is named before it.
    for (const m of text.matchAll(
      /\b(?:asset[ -]?tag|asset|tag|serial(?: number)?|s\/n|etiqueta|inventarnummer|inventar-nr\.?|assetnummer|etichetta|[ée]tiquette|seriennummer|serienummer)\s*(?:is|number|no\.?|#|:|es|ist|est|[ée]|e|la|de)?\s*[:#]?\s*([A-Z0-9]{2,}-?[A-Z0-9-]{3,})\b/gi,
    )) {
      if (/\d/.test(m[1]!)) push(m[1]!.toUpperCase(), (m.index ?? 0) + m[0].lastIndexOf(m[1]!));
    }
    // "la impresora de la planta 3 (la grande, PR-0312)": a tag of another prefix, written beside the device it marks.
    for (const m of text.matchAll(ASSET_PREFIXED)) {
      if ((allowed && m[1]!.split('-').every((group) => allowed.test(group))) || m[1]!.length === 1) continue;
      const before = text.slice(0, m.index ?? 0);
      if (NOT_ORDER_PREFIXES.includes(m[1]!) || !DEVICE_BEFORE.test(fold(before))) continue;
      // "my laptop (Dell XPS-9530)": a code right after a brand is its model.
      if (/\p{Lu}[\p{L}]+\s+$/u.test(before)) continue;
      push(m[0], m.index ?? 0, true);
    }
    for (const m of text.matchAll(GROUPED_TAG)) {
      if (/^[A-Z]{2,6}-\d+-\d+$/.test(m[0]) || NOT_ORDER_PREFIXES.includes(m[1]!)) continue;
      if (DEVICE_BEFORE.test(fold(text.slice(0, m.index ?? 0)))) push(m[0], m.index ?? 0, true);
    }
    for (const m of turn.role === 'customer' ? text.matchAll(ASSET_PREFIXED) : []) {
      if (NOT_ORDER_PREFIXES.includes(m[1]!) || m[1]!.length === 1) continue;
      if (SITTING_AT.test(text.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0))) push(m[0], m.index ?? 0);
    }
    // "the tag on the side says PRN-0217": the sticker read out a few words later.
    for (const m of text.matchAll(
      /\b(?:asset tag|tag|sticker|label)\b[^.!?]{0,35}?\b(?:says|reads|shows|is)\s*[:#]?\s*([A-Z]{1,6}-?\d[A-Z0-9-]{2,})\b/g,
    ))
      push(m[1]!, (m.index ?? 0) + m[0].lastIndexOf(m[1]!));
  }
  return out;
}

/** "the big printer on the 2nd floor (PRN-2F-01)": a tag with a floor or room group, right beside its device. */
const GROUPED_TAG = /\b([A-Z]{2,6})-(?=[A-Z0-9]*\d)[A-Z0-9]{1,4}-\d{2,4}\b(?!-)/g;
/**
 * "I've also deactivated your old badge BD-18802": the device a new one replaced, named right before its code, is not
 * the case's ("the tag I gave the bot is my old laptop, this one is LT-06917" names the new one's).
 */
const REPLACED_BEFORE =
  /\b(?:old|previous|former|lost)\s+(?:badge|key ?card|access card|laptop|phone|device|machine|tablet)\s*[(:#-]?\s*$/;
/** A device noun a few words before a code, in any of the seven languages (folded). */
const DEVICE_BEFORE =
  /\b(?:laptop|notebook|macbook|pc|computer|desktop|monitor|screen|dock|docking station|printer|scanner|phone|mobile|tablet|ipad|iphone|headset|projector|device|badge|key ?card|access card|impresora|portatil|ordenador|movil|telefono|pantalla|equipo|drucker|rechner|handy|bildschirm|gerat|imprimante|ordinateur|portable|ecran|telephone|impressora|computador|telemovel|celular|ecra|equipamento|stampante|portatile|schermo|cellulare|telefoon|beeldscherm|toestel|apparaat)\b[^.!?]{0,40}$/;
/** The agent asking for a device's tag ("the number on the back of the badge?"): "Sabe a etiqueta do equipamento?", "Wie lautet die Inventarnummer?". */
const ASKS_TAG =
  /\bnumber on the (?:back|side|bottom|underside|front)\b|\b(?:asset(?: tag| number)?|tag|sticker|label|serial|etiqueta|inventarnummer|inventar-nr|aufkleber|assetnummer|etichetta|etiquette|numero de serie|numero di serie|seriennummer|serienummer|patrimonio)\b/;
/** A tag-shaped code in an answer: capitals, a dash, digits ("acho que é PH-2209"), maybe a site before ("BW-LT-0291"). */
// "BR-DUN-PR02": a site, then a device code of letters and two digits.
const TAG_ANSWER = /(?<![\w-])([A-Z]{1,6}-(?:[A-Z]{1,4}-)?(?:[A-Z]?\d{3,}|[A-Z]{1,3}\d{2,})[A-Z0-9]*)(?![\w-])/;
/** "I'm on WS-0213", "working at PC-1187 today": the machine the requester sits at, named by its tag. */
const SITTING_AT =
  /\b(?:i'?m|i am|i'?m working|working|sitting|logged (?:in|on))\s+(?:on|at|from)\s+(?:machine\s+|pc\s+|workstation\s+)?$/i;

/**
 * Order numbers, invoice refs, asset tags: the forms in the field's hint examples plus the common ones (`ORD-12345`,
 * `#483920`, "order 483920", a bare number answering "what's your order number?"). Other reference fields' prefixes
 * (an asset tag `LT-…` in an order field) are left to them. Several candidates: the one mentioned most that the
 * conversation does not set aside; ties go to the latest (corrections).
 */
export function findReference(
  field: FieldDefinition,
  fields: FieldDefinition[],
  t: Transcript,
): { value: string; confidence: number; evidence: string[] } | null {
  const kind = referenceKind(field);
  if (!kind) return null;
  const own = examplePrefixes(field);
  const others = fields.filter((f) => f.key !== field.key && referenceKind(f) !== null).flatMap(examplePrefixes);
  const ownRe = own.length ? new RegExp(`^(?:${own.map(escapeRegExp).join('|')})$`) : null;
  let allowed =
    kind === 'asset'
      ? ownRe
      : new RegExp(`^(?!(?:${[...others, ...NOT_ORDER_PREFIXES].map(escapeRegExp).join('|')})$)[A-Z]{1,6}$`);
  // "PR-0312" read as the printer's tag: later codes with its prefix ("es PR-0321, no 0312") are tags too.
  const assetPrefixes = new Set(own);
  const learnPrefixes = (found: Mention[]) => {
    if (kind !== 'asset') return;
    const before = assetPrefixes.size;
    for (const m of found) {
      const prefix = /^([A-Z]{1,6})-\d/.exec(m.value)?.[1];
      if (prefix && !others.includes(prefix)) assetPrefixes.add(prefix);
    }
    if (assetPrefixes.size > before) allowed = new RegExp(`^(?:${[...assetPrefixes].map(escapeRegExp).join('|')})$`);
  };
  const mentions: Mention[] = [];
  const escalated = t.escalation?.values?.[field.key];
  if (typeof escalated === 'string' || typeof escalated === 'number') {
    mentions.push({ value: String(escalated), turn: null, dismissed: false });
  }
  for (let i = 0; i < t.usable.length; i++) {
    const turn = t.usable[i]!;
    if (turn.offTopic) continue;
    if (turn.role === 'customer') {
      const known = new Set(mentions.map((m) => m.value.replace(/^#\s?/, '')));
      const found = turn.sentences.flatMap((s) => mentionsIn(turn, s.text, s.start, kind, allowed, known));
      // The agent's last few lines before the answer ("…the order ID and email" / "please").
      const asked = kind === 'order' ? lastAgentLines(t.usable, i) : '';
      // "the cancellation confirmation number from that email?" - "CX-88120": a cancellation reference, here and later.
      const cancellationAsked = ASKS_CANCELLATION_REF.test(asked);
      // "Can you tell me the scooter ID?" - "ZP-4471": the vehicle's code, here and when the agent repeats it.
      if (cancellationAsked || (kind === 'order' && ASKS_VEHICLE.test(asked))) for (const m of found) m.notOrder = true;
      if (found.length === 0 && kind === 'order') {
        // A bare number answering "what's your order number?"
        const bare =
          /^\s*(?:(?:it'?s|its|it is|sure|yes|yep|here|here it is|that'?s|the number is|number is)[\s,:!-]*)?#?\s?(\d{5,12})\s*[.!]?\s*$/i.exec(
            turn.text,
          ) ??
          // "K7Q2RT": a booking code, capitals and digits, sent on its own in answer.
          /^\s*(?:(?:it'?s|its|it is|sure|yes|here|that'?s)[\s,:!-]*)?((?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,12})\s*[.!]?\s*$/.exec(
            turn.text,
          );
        // "I placed an order by mistake, can you cancel it? its 7781-2045": the number given after naming the order.
        if (!bare && ORDER_MENTIONED.test(turn.folded)) {
          for (const sentence of turn.sentences) {
            const own = OWN_LINE_REFERENCE.exec(sentence.text);
            if (own && own[1]!.replace(/\D/g, '').length >= 5) {
              found.push({ value: own[1]!, turn, dismissed: false });
              break;
            }
          }
        }
        // "I can't find 7731902, could you double-check?" - "oops, 7731920": the number set right.
        const retyped = NOT_FOUND.test(asked) ? RETYPED.exec(turn.text) : null;
        if (retyped) found.push({ value: retyped[1]!, turn, dismissed: false, correction: true });
        if (bare && ASKS_ORDER.test(asked) && !cancellationAsked && !/\bphone|number to reach|call you\b/.test(asked)) {
          found.push({ value: bare[1]!, turn, dismissed: false });
        }
      }
      if (found.length === 0 && kind === 'asset') {
        // "Sabe a etiqueta do equipamento?" - "acho que é PH-2209": a tag-shaped code answering the agent's question.
        const answer = TAG_ANSWER.exec(turn.text);
        if (
          answer &&
          ASKS_TAG.test(lastAgentLines(t.usable, i)) &&
          !NOT_ORDER_PREFIXES.includes(answer[1]!.split('-')[0]!)
        )
          found.push({ value: answer[1]!, turn, dismissed: false });
      }
      learnPrefixes(found);
      mentions.push(...found);
    } else {
      // "Got it, 7731920: the cat tree": the agent repeating a number the customer gave counts as a mention of it.
      const known = new Set(mentions.map((m) => m.value.replace(/^#\s?/, '')));
      for (const s of turn.sentences) {
        if (!isFact(turn, s)) continue;
        const found = mentionsIn(turn, s.text, s.start, kind, allowed, known);
        // An agent's code beside a device is theirs to name ("access point AP-0317 restarts"), not the case's tag.
        mentions.push(...(kind === 'asset' ? found.filter((m) => !m.byDevice) : found));
      }
    }
  }
  if (mentions.length === 0) return null;
  if (kind === 'asset') {
    // "Loaner LT-09002 is yours until yours is back": a stand-in device is not the one the case is about.
    const own = mentions.filter((m) => !m.standIn);
    const last = (own.length ? own : mentions)[(own.length ? own : mentions).length - 1]!;
    return { value: last.value, confidence: 0.85, evidence: last.turn?.id ? [last.turn.id] : [] };
  }
  const key = (v: string) => v.replace(/^#\s?/, '').toUpperCase();
  // "Payment failed (code PF-409)" … "PF-409 is on our side": once written as a code, no later mention makes it an order.
  const codes = new Set(mentions.filter((m) => m.notOrder).map((m) => key(m.value)));
  if (codes.size) mentions.splice(0, mentions.length, ...mentions.filter((m) => !codes.has(key(m.value))));
  if (mentions.length === 0) return null;
  const stats = new Map<
    string,
    { value: string; count: number; last: number; dismissed: boolean; otherOnly: boolean; turns: Turn[] }
  >();
  mentions.forEach((m, order) => {
    const k = key(m.value);
    const s = stats.get(k) ?? { value: m.value, count: 0, last: 0, dismissed: false, otherOnly: true, turns: [] };
    s.count += 1;
    s.last = order;
    s.dismissed ||= m.dismissed;
    if (m.dismissed && !m.otherOrder) s.otherOnly = false;
    // Keep the customer's own spelling ("#559012") over an agent's restatement.
    if (m.turn?.role === 'customer' && !s.turns.some((x) => x.role === 'customer')) s.value = m.value;
    if (m.turn) s.turns.push(m.turn);
    stats.set(k, s);
  });
  const live = [...stats.values()].filter((s) => !s.dismissed);
  // "my second order, 55120, never arrived": another order is the case's own when it is the only one named.
  const setApart = [...stats.values()].filter((s) => s.dismissed && s.otherOnly);
  const pool = live.length ? live : setApart.length === 1 ? setApart : [];
  if (pool.length === 0) return null;
  pool.sort((a, b) => b.count - a.count || b.last - a.last);
  // The customer's latest correction wins over a number repeated before it was set right.
  const corrected = mentions.filter((m) => m.correction && m.turn?.role === 'customer' && !m.dismissed).at(-1);
  if (corrected) {
    const k = key(corrected.value);
    const i = pool.findIndex((s) => key(s.value) === k);
    if (i > 0) pool.unshift(...pool.splice(i, 1));
  }
  const best = pool[0]!;
  const confidence = pool.length === 1 ? 0.85 : 0.65;
  return { value: best.value, confidence, evidence: [...new Set(best.turns.map((x) => x.id).filter(Boolean))] };
}

/** An agent asking for the reference of a cancellation, not of the order. */
const ASKS_CANCELLATION_REF =
  /\b(?:cancell?ation|cancel|annulation|resiliation|cancelacion|cancelamento|stornierung|kundigung|annullamento|annulering)\b[^.!?]{0,30}\b(?:number|reference|ref|code|confirmation|numero|nummer|referencia|codigo|codice)\b/;

const NOT_FOUND =
  /\b(?:can'?t|cannot|couldn'?t|unable to) (?:find|locate|see)\b|\bdouble-?check\b|\bno (?:order|booking|match)\b|\bno encuentro\b|\bfinde (?:ich )?(?:keine|nicht)\b|\bje ne trouve pas\b|\bnao (?:encontro|acho)\b|\bnon trovo\b|\bkan (?:ik )?(?:\w+ )?niet vinden\b/;
const RETYPED =
  /^\s*(?:(?:oops|sorry|my bad|ah|oh|wait|perdon|pardon|desculpa|entschuldigung|scusa|sorry)\b[\s,!.:-]*)?(?:(?:it'?s|its|it is|should be|i meant|es|c'est|e|ist)\s+)?#?(\d{5,12})\b(?!\s*\d)/i;

function lastAgentLines(turns: Turn[], i: number): string {
  const lines: string[] = [];
  for (let j = i - 1; j >= 0 && lines.length < 3; j--) {
    const turn = turns[j]!;
    if (turn.role === 'customer') {
      if (lines.length) break;
      continue;
    }
    lines.unshift(turn.folded);
  }
  return lines.join(' ');
}

/** Spans an order/asset reference occupies, so a phone finder does not read "Order ID: 3348917502" as a number to call. */
export function looksLikeOrderContext(textBefore: string): boolean {
  return new RegExp(
    `\\b${ORDER_WORDS}\\s*(?:number|no\\.?|nr\\.?|n[°ºo]\\.?|#|id)?\\s*(?:is|:)?\\s*[:#]?\\s*$`,
    'i',
  ).test(textBefore);
}
