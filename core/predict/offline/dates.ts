import * as chrono from 'chrono-node';
import type { Language } from './language.js';
import { fold } from './text.js';
import { isFact, type Transcript, type Turn } from './transcript.js';

export interface Deadline {
  /** YYYY-MM-DD */
  date: string;
  turn: Turn;
  /** The deadline falls on the day the message was sent. */
  today: boolean;
}

const PARSERS: Record<Language, chrono.Chrono> = {
  en: chrono.casual,
  es: chrono.es.casual,
  de: chrono.de.casual,
  fr: chrono.fr.casual,
  pt: chrono.pt.casual,
  it: chrono.it.casual,
  nl: chrono.nl.casual,
};

/**
 * "Wir haben am Samstag Gäste, es wäre toll, wenn er bis dahin da ist", "¿puede llegar para entonces?": the date named
 * first, then wished for or asked about "by then". Not when a delivery or the past came before it ("die Lieferung kommt
 * am Freitag, bis dahin kann ich nicht arbeiten", "ich war am Montag dort, bis dahin lief alles").
 */
const BY_THEN =
  /\b(?:by then|bis dahin|bis dann|hasta entonces|para entonces|antes de eso|d'ici la|avant ca|ate la|ate entao|antes disso|per allora|entro allora|prima di allora|voor die tijd|tegen die tijd|tegen dan)\b/;
const WISH =
  /\?|\b(?:would|could|can (?:it|you)|hope|hoping|please|ware|waren|konnte|konnten|hoffe|bitte|kann (?:er|sie|es|das)|puede|podria|podrian|seria|espero|por favor|ojala|pourrait|pourriez|serait|j'espere|svp|s'il vous plait|possible|possibile|sarebbe|potrebbe|potete|spero|per favore|daria|pode|podem|kan (?:het|hij|ze|dat)|zou|hoop|alsjeblieft|graag)\b/;
const ETA_OR_PAST =
  /\b(?:deliver\w*|arriv\w*|ship\w*|was|were|lieferung|zustellung|kommt|kam|war|waren|ankunft|entrega|llega|llego|fue|estuve|livraison|etait|j'etais|chega|chegou|fui|estive|consegna|ero|era|levering|bezorging|komt|kwam|geleverd)\b/;
function byThen(f: string): boolean {
  const m = BY_THEN.exec(f);
  return !!m && WISH.test(f) && !ETA_OR_PAST.test(f.slice(0, m.index));
}
// Saying when the customer needs it, as opposed to when a parcel is expected or was bought. "Spätestens", "at the
// latest" and "they won't take her without it" say it as plainly as "need".
const NEED =
  /\b(?:need|needs|needed|must|have to|has to|got to|gotta|due(?! to (?:go|ship|arrive|be|renew|leave|come|dispatch|deliver|get|start))|deadline|(?:(?:i'?m|we'?re|i am|we are) (?:leaving|going away|flying out|flying|off)|je pars|nous partons|me voy|nos vamos|ich fahre|wir fahren|ich fliege|wir fliegen|parto|partiamo|viajo|viajamos|ik vertrek|we vertrekken) (?:on |le |el |il |am |op |dia |no )?(?:the )?(?:\d{1,2}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|asap|no later than|by then|before then|sorted|fixed|ready|gone|in time|demo|presentation|meeting|exam|interview|flight|train|bus|ferry|boarding|(?:a|the|my|our|his|her|their|this|that|\w+'s) show|concert|gig|match|wedding|funeral|party|birthday|anniversary|graduation|holiday|vacation|event|trip|expo|exhibition|exhibiting|trade ?show|trade fair|conference|festival|close|closes|closing|payroll|launch|webinar|deploy|release|go-live|go live|goes live|going live|board meeting|run out|runs out|running out|se me acaba|se me acaban|geht mir aus|ausgeht|je n'en ai plus|fico sem|presenting|pitching|presentando|prasentiere|presente|apresentando|apresentar)\b|\b(?:concierto|konzert|spectacle|espectaculo|espetaculo|partido|spiel|jogo|boda|hochzeit|mariage|casamento|vuelo|flug|voo|tren|zug|comboio|trem|examen|prufung|exame|entrevista|vorstellungsgesprach|entretien|reunion|reuniao|besprechung|fiesta|festa|fete|cumpleanos|geburtstag|anniversaire|aniversario|viaje|reise|voyage|viagem|evento|veranstaltung|evenement|beerdigung|funerailles)\b|\b(?:client|customer|sales|board|team|investor|job) (?:call|pitch|demo)\b|\bnecesit\w*|\bbrauch(?:e|t|en|st)\w*|\bbenotig\w*|\b(?:spatestens|au plus tard|a mas tardar|al piu tardi|no mais tardar|at the latest)\b|\b(?:won'?t|will not|wouldn'?t)\s+(?:\w+\s+){0,3}?without (?:it|them|this|that|one)\b|\b(?:hike|hiking|excursion|excursión|excursao|escursione|gita|wanderung|randonnee|caminhada|trilha|trektocht)\b|\b(?:devo|dobbiamo|mi serve|ci serve|mi servono|ci servono|bisogno|entro|concerto|matrimonio|anniversario|compleanno|volo|treno|trein|esame|festa|viaggio|moet|moeten|nodig|uiterlijk|bruiloft|vlucht|feest|reis|concert)\b|\bmuss\w*|\bbis (?:spatestens|zum)\b|\bbesoin\b|\bfaut\b|\b(?:je|nous|on) (?:dois|devons|doit)\b|\bprecis\w*|\btenho que\b|\btengo que\b/;
/** "voor een workshop op 9 mei", "el 3 de junio", "le 12 juin": a day and the month's name in the other languages. */
const FOREIGN_MONTHS =
  '(?:januari|februari|maart|mei|juni|juli|augustus|oktober|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|januar|februar|marz|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|dezembro)';
const TIME_WORD = new RegExp(
  String.raw`\bin (?:\d+|an?|half an) (?:min|mins|minutes|hours?|hrs?)\b|\b(?:tonight'?s|today'?s|today|tonight|tomorrow|this (?:morning|afternoon|evening)|eod|end of (?:the )?day|close of business|end of business|cob|eob|lunch(?:time)?|noon|midday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}(?:st|nd|rd|th)|\d{1,2}(?::\d{2})? ?(?:am|pm)|\d{1,2}:\d{2}|heute|heute abend|morgen|hoy|esta noche|esta tarde|manana|aujourd'hui|demain|ce soir|ce matin|stamattina|vanochtend|hoje|hoje a noite|esta noite|amanha|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|segunda|terca|quarta|quinta|sexta|uhr|(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.? \d{1,2}|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:january|february|march|april|may|june|july|august|september|october|november|december)|\d{1,2}\.? (?:de )?${FOREIGN_MONTHS}|end of (?:the |this )?week|eow|(?:el|del|le|il|dia|zum|am) \d{1,2}(?:\.|º|°|er|e)?|oggi|stasera|domani|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|vandaag|vanavond|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b`,
);
const NOT_A_DEADLINE =
  /\b(?:deliver(?:y|ed|ing)?|arriv\w*|ship(?:s|ped|ping)?|scheduled|pick-?up|collect(?:ion|ed)?|dispatch\w*|supposed to|expected|eta|placed|bought|(?<!\b(?:get|have|be) (?:it |them |this |that )?)booked|(?<!\b(?:get|have|be) (?:it |them |this |that )?)ordered|since|ago|last(?! until| till)|expires?|expired|started|happened|was|were|stopped|broke|broken|failed|crashed|began|died|working|arrived|came|tried|called|visited|rang|knocked)\b[^,.;!?]{0,18}$/;
/**
 * "I need to change the address, it's being delivered at 3 today": asked to change or cancel an order, the delivery
 * still to come is the time by which the change must be made.
 */
const CHANGES_ORDER =
  /\b(?:need|want|have|has|got) to (?:change|cancel|modify|update|amend|redirect|move|stop)\b|\b(?:change|cancel|modify|update|amend|redirect)\s+(?:the |my |our )?(?:address|order|delivery|where)\b/;
const UPCOMING_DELIVERY =
  /(?<!\b(?:was|were|been|got|already) )\b(?:deliver(?:y|ed|ing)?|arriv(?:es|ing)|ship(?:s|ping)|dispatch(?:es|ing)?|coming|going out|goes out)\b[^,.;!?]{0,18}$/;
const RESOLVED =
  /\b(?:i'?m (?:back )?in\b(?! (?:a|the|an|my)\b)|(?:it|that|this) (?:worked|works now|fixed it|did it)|works now|working (?:again|now)|all (?:good|sorted|fixed) now|(?:problem|issue) (?:solved|fixed|resolved)|fixed now|sorted now)/;
/**
 * "if I order a cake today, can it come on Sunday?", "si lo pido hoy", "wenn ich heute bestelle": the day the customer
 * would buy, asked about before buying, is no date anything must be solved by.
 */
const ORDERING_IF =
  /\b(?:if|when|si|wenn|falls|se|als|cuando|quand|quando)\s+(?:(?:i|we|je|ich|wir|eu|io|ik|yo|nous|lo|la|le|lo|es|het)\s+){0,2}(?:order|buy|book|purchase|pido|compro|encargo|reservo|pedimos|compramos|bestelle|bestellen|kaufe|kaufen|buche|commande|commandons|achete|encomendar|encomendo|comprar|ordino|ordiniamo|prenoto|bestel|koop|boek)\b[^,.;!?]{0,40}$/;
/** "it hasn't arrived and I need it before the 20th": a need said after the delivery word starts a new clause. "it has
 * to arrive by friday" is the need itself, not an arrival expected. */
const ARRIVES_BY =
  /(?<!\b(?:(?:has|have|had|needs?|got|ought) to|must|gotta) )\b(?:arrives?|arriving|(?:will|'ll|should|it'?d|would) (?:arrive|be delivered|get here|be here))\s+(?:by|on)?\s*$/;

function notADeadline(before: string): boolean {
  // "arrives by tuesday 19th": the "by" of an arrival, not of a need, so the cut at "by" below must not hide it.
  if (ORDERING_IF.test(before) || ARRIVES_BY.test(before) || GIVEN_UP_BOOKING.test(before)) return true;
  let from = 0;
  // "my tickets never arrived and the gig is tonight": the event named after the delivery word owns the date.
  for (const m of before.matchAll(
    /\b(?:need|needs|must|have to|has to|got to|by|before|until|gig|show|concert|match|wedding|party|flight|train|exam|interview|event)\b/g,
  ))
    from = m.index ?? 0;
  return NOT_A_DEADLINE.test(before.slice(from));
}
// "by the end of the week": the coming Friday.
const END_OF_WEEK =
  /\b(?:by |before |until )?(?:the )?end of (?:the |this )?week\b|\beow\b|\b(?:bis )?(?:zum )?ende (?:der|dieser) woche\b|\b(?:d'ici|avant) (?:la )?fin de (?:la )?semaine\b|\bate (?:o |ao )?(?:fim|final) da semana\b/;
const BY =
  /\b(?:by|before|until|till|for|pour|para|bis|ate|antes de?|avant|vor|entro|prima di|per|uiterlijk|voor|tegen)\s+(?:the\s+|le\s+|el\s+|o\s+|den\s+|il\s+|de\s+)?$/;
const ORDINAL_DAY = /\b(?:by|before|until|for|on)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b/;
/** "per un'escursione il 20", "para el 15", "bis zum 20.": the day of the month after an article, elsewhere. */
const ARTICLE_DAY =
  /\b(?:el|del|le|il|dia|zum|am)\s+(\d{1,2})(?:\.|º|°|er|e)?(?![\d:%/-]|[.,]\d)(?!\s*(?:%|€|\$|euros?|kg|g|cm|mm|ml|uhr|h|horas?|heures?|ore|min\w*|dias|jours|tage|giorni|dagen|pares|pieces|stuck|pezzi)\b)/;
// "the trip starts on the 24th so I need it by the 23rd": "by" names the deadline, "on" only the occasion.
const ORDINAL_BY = /\b(?:by|before|until)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b/;
// "entro venerdì 24", "vóór vrijdag 24", "até sexta 24": the weekday and the day of the month, in every language read;
// "Saturday 12 September" names its month, which chrono reads.
const WEEKDAY_DAY = new RegExp(
  String.raw`\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|segunda|terca|quarta|quinta|sexta|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(?:-feira)?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th|er|\.)?\b(?!\s*(?:of\s+|de\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|${FOREIGN_MONTHS}))`,
);

const RELATIVE_DAY =
  /\bin (?:\d+|an?|half an) (?:min|mins|minutes|hours?|hrs?)\b|\b(?:today|tonight|this (?:morning|afternoon|evening)|eod|end of (?:the )?day|close of business|end of business|cob|eob|lunch(?:time)?|noon|midday|heute|heute abend|hoy|esta noche|esta tarde|esta manana|aujourd'hui|ce soir|ce matin|hoje|hoje a noite|esta noite|oggi|stasera|stamattina|questa mattina|vandaag|vanavond|vanochtend|domani|tomorrow|morgen|manana|demain|amanha)\b/;
// "the concert starts at 8", "el vuelo sale a las 9", "das Konzert beginnt um 20 Uhr": an event at an hour with no day
// named is on its next occurrence, today while that hour (morning or evening) is still to come.
const EVENT_AT =
  /\b(?:starts?|begins?|opens?|kicks? off|is|leaves?|departs?|boards?|empieza|comienza|sale|abre|beginnt|startet|fangt|commence|debute|part|comeca|abre|inizia|comincia|parte|begint|vertrekt)\s+(?:at|a las|a la|um|a|as|alle|om)\s+(\d{1,2})(?:[:h.](\d{2}))?\s*(am|pm|h|uhr)?\b(?!\s*(?:%|percent|days?|items?|people))/;
const TOMORROW = /^(?:tomorrow|morgen|manana|demain|amanha|domani)$/;
/** "esta mañana" is this morning, not "mañana", tomorrow. */
const THIS_MORNING = /^(?:this morning|esta manana|ce matin|stamattina|questa mattina|vanochtend)$/;
/** "this morning I saw the charge": a time of day the customer reports from, not one they need something by. */
const REPORTED_AT =
  /^\s*,?\s*(?:i|we)\s+(?:saw|see|noticed|found|got|received|checked|realised|realized|tried|called|woke|logged|opened)\b/;
// "when I open my tickets for Harbour Lights tonight": tickets for today are needed today, whatever the event is called.
const TICKET_WORDS = '(?:tickets?|e-?tickets?|entradas|billets|ingressos|karten|biglietti|kaartjes)';
const TICKET_WORD = new RegExp(`\\b${TICKET_WORDS}\\b`);
const TICKETS_TODAY = new RegExp(
  `\\b(?:tickets?|e-?tickets?)\\b[^.!?]{0,40}\\bfor the\\b[^.!?]{0,30}\\b(?:tonight|today)\\b|\\b${TICKET_WORDS}\\b[^.!?]{0,40}\\b(?:tonight|today|this (?:evening|afternoon)|esta noche|hoy|ce soir|aujourd'hui|heute abend|heute|hoje|esta noite|stasera|oggi|vanavond|vandaag)\\b`,
);
// "the promotion ends today at midnight", "a promoção acaba hoje": an offer running out is the time the order must go
// through by.
const OFFER_ENDS =
  /\b(?:promo\w*|offer|sale|deal|discount|oferta|promocion|angebot|aktion|rabatt|offre|soldes?|promocao|offerta|sconto|aanbieding|actie|korting)\b[^.!?]{0,30}\b(?:ends?|expires?|runs out|finishes|termina|acaba|vence|expira|endet|lauft \w* ?ab|se termine|finit|scade|finisce|loopt af|eindigt|verloopt)\b/;
// "lo volevo regalare per l'anniversario il 9 maggio, arriverà in tempo?": asked whether it will make it in time, the
// date is the one it is needed by.
const IN_TIME = /\b(?:in time|a tiempo|rechtzeitig|a temps|em tempo|a tempo|in tempo|op tijd)\b/;
// "my tickets won't load … it's for Lumen Drift TONIGHT": the tickets named before, the evening in a sentence of its own.
const FOR_TONIGHT =
  /^(?:(?:and|but|so|ok|oh) )?(?:it'?s|its|they'?re|theyre|this is|that'?s|the (?:show|concert|gig|game|match|event|performance|play) is)\b[^.!?]{0,50}\b(?:tonight|today|this (?:evening|afternoon))\b/;
const BOUGHT_FOR_EVENT =
  /\b(?:bought|booked|ordered|purchased|reserved|achete\w*|reserve\w*|compre|compramos|comprei|reserv\w*|gekauft|gebucht|bestellt|comprat\w*|prenotat\w*|gekocht|geboekt)\b[^.!?]{0,40}\b(?:tickets?|seats?|places?|billets?|entradas?|boletos?|ingressos?|lugares?|karten|platze|biglietti|posti|kaartjes|plaatsen)\b/;
const CALLED_OFF =
  /\b(?:cancell?ed|postponed|called off|rescheduled|annule\w*|reporte\w*|cancelad\w*|suspendid\w*|aplazad\w*|abgesagt|verschoben|adiad\w*|annullat\w*|rinviat\w*|afgelast|uitgesteld)\b/;
/** Words that say the customer needs it by then, beside an event merely named. */
const EXPLICIT_NEED =
  /\b(?:need|needs|needed|must|have to|has to|in time|by|before|asap|urgent\w*|necesit\w*|brauche\w*|dringend|besoin|faut|preciso|precisamos|devo|mi serve|nodig|moet)\b/;

/** "I'm stuck taking the bus today": the way round the problem, what it costs the customer, not a date to meet. */
const MAKING_DO = /\bstuck (?:taking|using|riding|walking|driving|with|on)\b/;
/** "ill bring it by tomorrow", "I'll drop it off before friday": the customer's own plan, not a need. */
const OWN_PLAN =
  /\b(?:i'?ll|ill|i will|we'?ll|we will|i can|we can|i'?m going to|gonna)\s+(?:\w+\s+)?(?:bring|drop|pop|come|send|post|return|swing|stop|call|pay|ship|mail)\b/;
/** "cancel my coach ticket for saturday and get a refund": the day of what is given up is no date to meet. */
const GIVEN_UP_BOOKING =
  /\b(?:cancel\w*|refund\w*|annul\w*|stornier\w*|anular|cancelar)\b[^.!?]{0,40}\b(?:tickets?|booking|reservation|appointment|seats?|table|class|session|stay|trip|flight|room)\s+(?:for|on)\s+(?:the\s+)?$/;
/** "the app won't let me book tonight's 7pm salsa class": something on today's programme, so it is needed today. */
const TODAYS_EVENT =
  /\b(?:tonight'?s|today'?s|this (?:evening|afternoon)'?s)\b[^.!?]{0,25}\b(?:class|lesson|session|appointment|show|concert|gig|game|match|event|meeting|flight|train|performance|booking|reservation|dinner|party)\b/;

/**
 * "the funeral wreath came wilted … the service is at 2pm TODAY": the occasion the order is for, said to be today. A
 * "service" is an occasion only beside a funeral, wedding or church; "my car service is at 3 today" is no deadline.
 */
const OCCASION_TODAY =
  /\b(?:service|ceremony|funeral|wedding|memorial|christening|reception|celebration|party|recital)\s+(?:is|starts|begins)\s+(?:at\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\s+)?(?:today|tonight|this (?:morning|afternoon|evening))\b/;
const SOLEMN_OCCASION = /\b(?:funeral|wedding|memorial|church|christening|baptism|burial|wake|ceremony)\b/;

/** "i have 8 people coming for dinner at 8 tonight": guests the customer expects today need the order today. */
const HOSTING_TODAY =
  /\b(?:having|hosting|throwing|(?:i|we) (?:have|have got|'ve got|got))\b (?:a |an |my |our |some )?(?:\w+ )?(?:dinner|party|bbq|barbecue|birthday|guests|people|friends|family|visitors)\b[^.!?]{0,30}\b(?:tonight|this evening|this afternoon)\b/;

/** "call me, best before 2pm": when to reach the customer, not when they need it solved. */
const CONTACT_TIME =
  /\b(?:best|call|ring|reach|available|free|contact|text)\b[^.!?]{0,20}\b(?:before|after|between|from)\s+\d/;

function laterToday(ref: Date, m: RegExpExecArray): boolean {
  const hour = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  const now = ref.getUTCHours() * 60 + ref.getUTCMinutes();
  const at = (h: number) => h * 60 + minutes > now;
  if (m[3] === 'am') return at(hour);
  if (m[3] === 'pm') return at(hour + 12);
  return hour > 12 ? at(hour) : at(hour) || at(hour + 12);
}

const PAST_DAY =
  /^(?:last|past|this past|previous|letzte[nmrs]?|vergangene[nmrs]?|vorige[nmrs]?|afgelopen|dernier|derniere)\b|^\S+(?:\s+\S+)?\s+(?:pasado|pasada|passado|passada|dernier|derniere|scors[oa]|passat[oa]|ago)\b/;
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function dayOfMonthOnOrAfter(ref: Date, day: number): string | null {
  if (day < 1 || day > 31) return null;
  let y = ref.getUTCFullYear();
  let m = ref.getUTCMonth();
  if (day < ref.getUTCDate()) m += 1;
  if (m > 11) {
    m = 0;
    y += 1;
  }
  const d = new Date(Date.UTC(y, m, day));
  if (d.getUTCMonth() !== m) return null;
  return iso(y, m + 1, day);
}

/**
 * Dates by which the customer needs a resolution: a need word or "by/before …" next to a date, from the customer's own
 * words, resolved against the message time (chrono-node, in the conversation's language). ETAs, booked pickups and past
 * dates are not deadlines.
 */
export function findDeadlines(t: Transcript): Deadline[] {
  const out: Deadline[] = [];
  // chrono has no parser for a language the predictor does not read: its casual one reads the numbers and names.
  const parser = t.language === 'other' ? chrono.casual : PARSERS[t.language];
  for (const turn of t.usable) {
    if (turn.role !== 'customer' || turn.offTopic) continue;
    // "code arrived, I'm in. I have an order due out Thursday so this was stressing me": said once it is solved, a
    // date is why it mattered, not one it must be solved by.
    if (RESOLVED.test(turn.folded)) continue;
    for (const sentence of turn.sentences) {
      if (!isFact(turn, sentence)) continue;
      const f = sentence.folded;
      if (!TIME_WORD.test(f) && !END_OF_WEEK.test(f) && !EVENT_AT.test(f)) continue;
      const ticketsToday =
        TICKETS_TODAY.test(f) ||
        (FOR_TONIGHT.test(f) &&
          t.usable.some((x) => x.role === 'customer' && x.index <= turn.index && TICKET_WORD.test(x.folded)));
      const occasion = OCCASION_TODAY.exec(f);
      const todaysEvent =
        TODAYS_EVENT.test(f) ||
        HOSTING_TODAY.test(f) ||
        (occasion !== null &&
          (!occasion[0].startsWith('service') ||
            t.usable.some((x) => x.role === 'customer' && x.index <= turn.index && SOLEMN_OCCASION.test(x.folded))));
      const needHere =
        NEED.test(f) || byThen(f) || ticketsToday || todaysEvent || OFFER_ENDS.test(f) || IN_TIME.test(f);
      if (!needHere && !/\b(?:by|before|until|pour|para|bis|ate|entro|uiterlijk)\b/.test(f)) continue;
      if (CONTACT_TIME.test(f) || MAKING_DO.test(f) || (!needHere && OWN_PLAN.test(f))) continue;
      // "I bought 2 seats for the show on 7 March and was charged twice", "the gig on the 22nd got cancelled": the date of
      // an event that was bought or called off, when nothing says it must be sorted by then. One bought for tonight is
      // still tonight: whatever is wrong has to be put right before it.
      const explicit = EXPLICIT_NEED.test(f);
      if (CALLED_OFF.test(f) && !explicit) continue;
      const boughtEvent = BOUGHT_FOR_EVENT.test(f) && !explicit;
      const ref = turn.sentAt;
      const today = iso(ref.getUTCFullYear(), ref.getUTCMonth() + 1, ref.getUTCDate());
      const changing = CHANGES_ORDER.test(turn.folded);
      let found: string | null = null;
      const weekdayDay = WEEKDAY_DAY.exec(f);
      const ordinal = ORDINAL_BY.exec(f) ?? ORDINAL_DAY.exec(f) ?? (t.language !== 'en' ? ARTICLE_DAY.exec(f) : null);
      const relative = RELATIVE_DAY.exec(f);
      // "express, arrives by tuesday 19th": the day a delivery is due to arrive is an ETA, not the customer's deadline.
      if (todaysEvent) found = today;
      else if (weekdayDay && !notADeadline(f.slice(0, weekdayDay.index)))
        found = dayOfMonthOnOrAfter(ref, Number(weekdayDay[1]));
      else if (END_OF_WEEK.test(f) && (needHere || /\b(?:by|before|until|bis|d'ici|avant|ate)\b/.test(f))) {
        const d = new Date(ref.getTime());
        d.setUTCDate(d.getUTCDate() + ((5 - d.getUTCDay() + 7) % 7));
        found = iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      } else if (ordinal && !notADeadline(f.slice(0, ordinal.index))) {
        found = dayOfMonthOnOrAfter(ref, Number(ordinal[1]));
      } else if (
        relative &&
        needHere &&
        (!notADeadline(f.slice(0, relative.index)) ||
          (changing && UPCOMING_DELIVERY.test(f.slice(0, relative.index)))) &&
        !REPORTED_AT.test(f.slice(relative.index + relative[0].length)) &&
        // "this morning", written in the afternoon, is already over.
        !(THIS_MORNING.test(relative[0]) && ref.getUTCHours() >= 12)
      ) {
        // "today", "tonight", "heute", "tomorrow": no need to ask chrono, which is the slow part of a prediction.
        const d = new Date(ref.getTime());
        if (TOMORROW.test(relative[0])) d.setUTCDate(d.getUTCDate() + 1);
        found = iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      }
      const eventAt = !found && needHere ? EVENT_AT.exec(f) : null;
      if (eventAt && !notADeadline(f.slice(0, eventAt.index)) && laterToday(ref, eventAt)) found = today;
      // "my flight is at 6", said in the evening: which day is not said, so no date is guessed.
      else if (!found && !TIME_WORD.test(f) && !END_OF_WEEK.test(f)) continue;
      if (!found) {
        const results = [...parser.parse(sentence.text, { instant: ref, timezone: 'UTC' }, { forwardDate: true })];
        if (t.language !== 'en' && results.length === 0)
          results.push(...chrono.casual.parse(sentence.text, { instant: ref, timezone: 'UTC' }, { forwardDate: true }));
        // "need them by Friday … my allergy is awful right now": the date after "by" is the deadline, else the first.
        let byFound = false;
        for (const r of results) {
          const before = f.slice(0, Math.max(0, r.index));
          if (notADeadline(before)) continue;
          if (REPORTED_AT.test(f.slice(r.index + r.text.length))) continue;
          if (/^this morning$/i.test(r.text) && ref.getUTCHours() >= 12) continue;
          // "my flight last Sunday", "el domingo pasado": a day named as past, which forwardDate would move ahead a week.
          if (
            PAST_DAY.test(
              fold(`${r.text} ${sentence.text.slice(r.index + r.text.length, r.index + r.text.length + 12)}`),
            )
          )
            continue;
          // "the battery is at 10%" is not ten o'clock.
          if (/^\s*(?:%|percent|per cent)/.test(sentence.text.slice(r.index + r.text.length))) continue;
          const by = BY.test(before);
          if (!needHere && !by) continue;
          const y = r.start.get('year');
          const m = r.start.get('month');
          const d = r.start.get('day');
          if (!y || !m || !d || byFound || (found && !by)) continue;
          found = iso(y, m, d);
          byFound = by;
        }
      }
      if (found && found >= today && !(boughtEvent && found !== today))
        out.push({ date: found, turn, today: found === today });
    }
  }
  return out;
}
