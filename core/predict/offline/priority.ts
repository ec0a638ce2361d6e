import type { FieldDefinition } from '../../types.js';
import { CANT_FIND_PAPER, type ConceptEvidence, type OptionProfile } from './choice.js';
import type { Deadline } from './dates.js';
import { type CueReading, corroborated, readPriorityCue } from './priority-cues.js';
import { escapeRegExp, fold } from './text.js';
import { evidenceOf, isFact, type Transcript, type Turn } from './transcript.js';

/** How severe an option is, from its value ("Low", "P1", "Critical") or, failing that, its place in the list. */
function severityOf(value: string, index: number, count: number): number {
  const v = fold(value);
  if (/\b(?:low|minor|trivial|p4|p5|lowest)\b/.test(v)) return 0;
  if (/\b(?:normal|medium|moderate|standard|p3)\b/.test(v)) return 1;
  if (/\b(?:high|major|important|p2)\b/.test(v)) return 2;
  if (/\b(?:urgent|critical|highest|blocker|emergency|p1|p0|sev ?1)\b/.test(v)) return 3;
  return count <= 1 ? 1 : Math.round((3 * index) / (count - 1));
}

/** The severity whose hint names the category ("security incidents" for Security incident), if one does. */
function namedCategoryLevel(levels: Array<{ level: number; hint: string }>, category: OptionProfile): number | null {
  const value = fold(category.option.value).trim();
  if (value.length < 4) return null;
  const named = new RegExp(`\\b${escapeRegExp(value)}(?:s|es)?\\b`);
  const hits = levels.filter((l) => named.test(l.hint));
  return hits.length === 1 ? hits[0]!.level : null;
}

export function isPriorityField(field: FieldDefinition): boolean {
  if (field.type !== 'choice' || !field.options?.length) return false;
  const name = fold(`${field.key} ${field.label}`);
  return (
    /\b(?:priority|urgency|severity|impact)\b/.test(name) || /priority|urgency|severity/.test(field.key.toLowerCase())
  );
}

// "nobody has read my meter since spring", "no one has called me back": what the shop's people have not done is a
// complaint about them, not people who cannot work.
const OUTAGE =
  /\boutage\b|\b(?:is|it'?s|everything|site|system|service|server) (?:\w+ )?down\b|\bdown for (?:every|all|the whole|the entire)|\b(?:whole|entire) (?:team|floor|office|company|department|building|org)\b|\b(?:nobody|no one|noone|none of us)\b(?! else (?:is|was|'s) (?:using|watching|on|logged|streaming|playing|online|here))[^.!?,;]{0,30}\b(?:can|is able|could|works?|are|is|gets?|getting|receiv\w*|has|have)\b(?! (?:go|come|make it|attend|be there|join|travel|visit)\b)(?! (?:ever )?(?:read|called|rung|phoned|replied|responded|answered|contacted|came|come|visited|checked|looked|bothered|told|sent|emailed|written|fixed|helped|got back|gotten back|turned up|shown up|showed up|arrived|delivered|collected|picked (?:it )?up|been (?:out|round|around|over|in touch))\b)|\beveryone (?:is|can'?t|cannot)\b/;
// "niemand kann arbeiten", "toda la oficina", "het hele kantoor heeft geen internet": the same outage, elsewhere.
const OUTAGE_ELSEWHERE =
  /\b(?:nadie|niemand|personne|ninguem|nessuno)\b[^.!?]{0,25}\b(?:puede|podemos|kann|konnen|peut|pouvons|arrive|consegue|conseguimos|pode|riesce|puo|kan|kunnen)\b|\b(?:toda la oficina|todo el equipo|das ganze (?:buro|team)|die ganze (?:firma|abteilung)|tout le (?:bureau|service)|tout le monde (?:est|a|n'a|ne peut)|todo o (?:escritorio|time)|tutto l'ufficio|tutti (?:quanti )?(?:non|senza)|het hele (?:kantoor|team)|iedereen (?:heeft|kan niet|is))\b|\b(?:esta caido|estan caidos|ist ausgefallen|sind ausgefallen|est en panne|sont en panne|esta fora do ar|e down|ligt eruit|is plat)\b/;
// "we had an outage last week, all fine now": an outage the customer says is over is history, not an emergency.
const OVER =
  /\b(?:fine|ok|okay|good|normal|working|back|fixed|resolved|sorted|up)(?: again| now)\b|\bback (?:to normal|up)\b|\b(?:ya (?:funciona|va bien|esta bien|se arreglo)|funciona (?:de nuevo|otra vez)|(?:funktioniert|lauft|geht) (?:\w+ )?wieder|(?:remarche|refonctionne|fonctionne a nouveau|c'est revenu)|(?:voltou a funcionar|funciona de novo|ja (?:funciona|voltou))|(?:funziona di nuovo|e tornato)|werkt (?:weer|nu)(?: weer)?)\b/;
const LEGAL =
  /\blawyer\b|\bsolicitors?\b|\battorney\b|\blegal action\b|\bsue\b|\bsuing\b|\bcourt\b|\bsmall claims\b|\babogado\b|\banwalt\b|\bavocat\b|\badvogado\b|\bavvocat[oi]\b|\badvocaat\b|\bdemanda(?:r|re)?\b|\bklage\b|\bverklagen\b|\bporter plainte\b|\bprocesso judicial\b|\brechtszaak\b|\btrading standards\b|\bombudsman\b|\bconsumer (?:protection|rights) (?:agency|authority|office|council|association)\b|\bverbraucherzentrale\b|\bprocon\b|\bconsumentenbond\b/;
const BLOCKED =
  /\b(?:can'?t|cant|cannot|can not|unable to|not able to|couldn'?t) (?:\w+ )?(?:work|pay|use|access|do (?:any|my) work|do anything|get (?:any )?work done|get anything done|check ?out|stay connected|connect|reach|place (?:an|my) order|buy|take (?:any )?(?:cards|card payments|payments|orders|bookings))\b|\b(?:can'?t|cant|cannot|can not|unable to|not able to|couldn'?t|won'?t let me) (?:\w+ )?submit\b|\b(?:form|claim|application|submission)\b[^.!?]{0,25}\b(?:keeps?|is|still) (?:failing|crashing|erroring|timing out)\b|\bcompletely blocked\b|\bi'?m blocked\b|\bwe'?re blocked\b|\bblocked from\b|\bstuck and can'?t\b|\bwon'?t let me (?:add|buy|order|pay|check ?out|log ?in|sign in|finish|complete)\b|\b(?:crash\w*|plante|errors?|fails?|failing|erreur|erro|se cierra|se bloquea|trava|fecha|sturzt)\b[^.!?]{0,40}\b(?:pay|payer|paie|paye|pagar|bezahlen|check ?out|place (?:an |my )?order)\b|\b(?:ne )?peux pas payer\b|\bno puedo pagar\b|\bkann nicht (?:bezahlen|zahlen)\b|\bnao consigo pagar\b|\bstuck at the login\b|\b(?:no|without|lost (?:all )?) ?(?:phone |mobile |cell )?(?:service|signal|calls? (?:or|and|nor) data)\b|\b(?:no tengo|sin|sem|kein|keinen|pas de|plus de) (?:servicio|servico|netz|empfang|reseau|sinal|senal)\b|\b(?:no tengo|nao tenho|sin|sem|keine|keinen|pas de|plus de|no|without) (?:mobile )?(?:datos|dados|daten|donnees|data|linea|cobertura)\b|\b(?:can'?t|cannot|can not|unable to) (?:make|receive) (?:any )?calls\b|\b(?:no|ni) (?:puedo|podemos) (?:llamar|hacer llamadas)\b|\bpayments? (?:keeps? )?(?:fail(?:s|ing|ed)?|(?:being |getting )?declined|won'?t go through)\b|\b(?:try|trying|tried|attempt\w*) to (?:pay|check ?out|place (?:an |my )?order|buy|book)\b[^.!?]{0,60}\b(?:error|went wrong|fails?|failed|declined|sends? me back|won'?t|doesn'?t|keeps?)\b/;
// "nothing happens when I click pay", "je ne peux rien faire": a pay button that does nothing, or nothing left to do.
const NOTHING_WORKS =
  /\b(?:pay|payer|pagar|bezahlen|zahlen|check ?out|checkout|kasse|buy|kaufen|comprar|acheter|place (?:an |my )?order)\b[^.!?]{0,40}\b(?:nothing happens|passiert (?:einfach )?(?:gar )?nichts|no pasa nada|il ne se passe rien|rien ne se passe|nada acontece|nao acontece nada)\b|\bnothing happens when (?:i|we) (?:click|press|tap|hit) (?:on )?(?:the )?(?:pay|checkout|buy|order|place order|confirm)\b|\b(?:je |on )?ne (?:peux|peut|pouvons) rien faire\b|\bno (?:puedo|podemos) hacer nada\b|\bkann (?:gar )?nichts (?:machen|tun)\b|\bnao (?:consigo|posso) fazer nada\b|\bje suis (?:completement )?bloque(?:e)?\b|\bestoy bloquead[oa]\b|\bestou bloquead[oa]\b/;
// "checkout keeps failing", "payment could not be processed": the customer cannot pay, in the other word order.
const CANNOT_PAY =
  /\b(?:website|site|app|checkout|page|it)\b[^.!?]{0,20}\b(?:says|saying|tells me|shows)\b[^.!?]{0,15}\bcard (?:is |was )?(?:invalid|declined|rejected|refused|not accepted)\b|\b(?:check ?out|checkout page|payment|payments|card payment)\b[^.!?]{0,15}\b(?:keeps? |still |always )?(?:fail(?:s|ing|ed)?|(?:is |was |keeps? )?(?:being )?declined|errors? out|(?:could|can|did|does|will|would)(?: not|n'?t) (?:be )?(?:processed|go through|complete|verified|validated|authori[sz]ed|accepted|saved|added)d?)\b/;
// Printing is left out, as in English: one person who cannot print can usually still work.
// "kann keine Rechnung buchen", "no puedo trabajar", "je ne peux plus travailler", "não consigo acessar": blocked, said
// in the other languages the predictor reads.
const BLOCKED_ELSEWHERE =
  /\bkann (?:\w+ ){0,2}(?:nicht|keine?n?|kein)\b(?: \w+){0,3} (?:arbeiten|buchen|bezahlen|zahlen|zugreifen|einloggen|anmelden|senden|verschicken|offnen|nutzen|benutzen|verwenden|erreichen)\b|\bno (?:puedo|podemos|consigo) (?:\w+ ){0,2}(?:trabajar|entrar|acceder|pagar|usar|utilizar|enviar|conectar\w*|iniciar sesion)\b|\b(?:je |on |nous )?ne (?:peux|peut|pouvons|parviens|arrive) (?:plus|pas) (?:\w+ ){0,2}(?:travailler|payer|acceder|me connecter|utiliser|envoyer|entrer)\b|\bn'(?:arrive|arrivons|parviens) (?:plus|pas) a (?:\w+ ){0,2}(?:travailler|payer|acceder|me connecter|utiliser|envoyer|entrer)\b|\bnao (?:consigo|conseguimos|posso|podemos) (?:\w+ ){0,2}(?:trabalhar|entrar|acessar|pagar|usar|enviar|conectar|logar)\b|\bnon (?:riesco|riusciamo|posso|possiamo) (?:\w+ ){0,2}(?:a |ad )?(?:lavorare|pagare|accedere|usare|inviare|collegarmi|connettermi)\b|\b(?:ik |we )?(?:kan|kunnen) (?:\w+ ){0,5}niet (?:\w+ ){0,1}(?:werken|betalen|inloggen|verzenden|verbinden|openen)\b/;
// "tô parado aqui sem conseguir entrar", "stuck outside without being able to get in": blocked, said as what the writer
// is left without.
const WITHOUT_BEING_ABLE =
  /\bwithout being able to (?:\w+ ){0,2}(?:work|get in|enter|pay|use|access|log ?in|sign in|connect)\b|\b(?:sem (?:conseguir|poder)|sin (?:poder|conseguir)|sans (?:pouvoir|parvenir a)|senza (?:poter|riuscire a)) (?:\w+ ){0,2}(?:trabalhar|trabajar|travailler|lavorare|entrar|entrer|entrare|acessar|acceder|accedere|pagar|payer|pagare|usar|utiliser|usare|logar)\b|\bohne (?:\w+ ){0,3}(?:arbeiten|zugreifen|bezahlen|reinzukommen|hineinzukommen|einzuloggen) zu konnen\b|\bzonder (?:\w+ ){0,2}te kunnen (?:werken|betalen|inloggen|binnenkomen|binnen te komen)\b/;
// "my laptop won't start": on a desk whose High hint is "cannot work", the machine one works on being dead is that.
const WORK_MACHINE_NOUN = '\\b(?:laptop|computer|pc|desktop|macbook|workstation|notebook)\\b';
const WONT_START =
  "\\b(?:won'?t|doesn'?t|does not|will not|can'?t|cannot|isn'?t|is not)\\s+(?:even\\s+)?(?:start(?:ing)?|boot(?:ing)?|turn(?:ing)? on|power(?:ing)? on|switch(?:ing)? on)\\b";
// "my machine won't boot": "machine" counts only beside the failure; a sentence before may mean the coffee machine.
const WORK_MACHINE_DEAD = new RegExp(`(?:${WORK_MACHINE_NOUN}|\\bmachine\\b)[^.!?]{0,15}${WONT_START}`);
const WORK_MACHINE_DEAD_ELSEWHERE =
  /\b(?:laptop|rechner|computer|pc|notebook|portatil|ordenador|ordinateur|portable|computador|computer portatile)\b[^.!?]{0,20}\b(?:startet nicht|fahrt nicht (?:mehr )?hoch|geht nicht (?:mehr )?an|no arranca|no enciende|no prende|ne demarre (?:plus|pas)|ne s'allume (?:plus|pas)|nao liga|nao inicia|non si accende|non parte|start niet|gaat niet aan)\b|\b(?:startet|fahrt)\b[^.!?]{0,10}\bnicht mehr\b/;
// "I knocked my coffee over the laptop … now it won't turn on at all": the machine named in an earlier sentence.
const WORK_MACHINE = new RegExp(WORK_MACHINE_NOUN);
const IT_IS_DEAD = new RegExp(`\\bit\\b[^.!?]{0,15}${WONT_START}`);
// "I forgot to cancel before it renewed and just got charged": a renewal the customer let happen is charged rightly.
const LET_IT_RENEW =
  /\b(?:i|we) (?:totally |completely |just |must have )?(?:forgot|forgotten|didn'?t remember|failed) to (?:cancel|turn off|switch off|stop|unsubscribe|end)\b|\b(?:i|we) (?:didn'?t|did not|never) cancel (?:it )?in time\b|\bmissed the (?:cancell?ation|cut-?off) (?:deadline|date|window)\b|\b(?:me )?olvide (?:de )?(?:cancelar|dar de baja)\b|\bse me olvido (?:cancelar|dar de baja)\b|\bvergessen\b[^.!?]{0,20}\b(?:zu )?(?:kundigen|stornieren|abzubestellen|kuendigen)\b|\b(?:kundigen|kuendigen|stornieren) vergessen\b|\boublie d'(?:annuler|resilier)\b|\besqueci(?:-me)? de cancelar\b|\bdimenticato di (?:disdire|annullare|cancellare)\b|\bvergeten (?:op te zeggen|te annuleren)\b/;
const AGENT_FINDS_WRONG_CHARGE =
  /\b(?:charge|fee|debit|cobranca|cobro|cargo|abbuchung|belastung|prelevement)\b[^.!?]{0,25}\b(?:was|is|foi|fue|es|war|ist|etait|est) (?:an? |um |una? |ein |une )?(?:mistake|error|erro|engano|fehler|erreur|incorrect\w*|wrong)\b|\bcharged (?:you )?(?:by mistake|in error|wrongly|incorrectly)\b|\bfalsch\b[^.!?]{0,20}\b(?:abgerechnet|belastet|berechnet)\b/;
const GROUP =
  /^(?:same(?: here| for me| issue| problem)?|me too|\+1|yes!*|same!*)\b|\bthought it was just me\b|\banyone else\b/;
const NO_RUSH =
  /\bno rush\b|\bno hurry\b|\bnot urgent\b|\bwhenever (?:you|is)\b|\bno time pressure\b|\bcosmetic\b|\b(?:not a|no) big deal\b|\bjust (?:letting you know|fyi|a heads up)\b|\bsometime (?:this|next) week\b|\bwhen you (?:get|have) (?:a )?(?:chance|time)\b|\bsin prisas?\b|\bno (?:corre|hay|tengo) prisa\b|\bnao (?:ha|tem|tenho) pressa\b|\brien ne presse\b|\bnada (?:muy )?urgente\b|\bnichts dringendes\b|\bkein stress\b|\brien d'urgent\b|\bnao e nada urgente\b|\bniente di urgente\b|\b(?:es )?eilt nicht\b|\bhat (?:keine eile|zeit)\b|\bkeine eile\b|\bpas presse\b|\bsem pressa\b|\bnessuna fretta\b|\bcon calma\b|\bgeen haast\b|\bgeen spoed\b|\bno es urgente\b|\bnicht (?:so )?dringend\b|\bpas urgent\b|\bnao e urgente\b|\bnon e urgente\b|\bniet dringend\b|\b(?:solo|nur|juste|so|solo|alleen) (?:es |ist |c'est |e )?(?:un |una |ein |eine |um |uma |een )?(?:detalle|schonheitsfehler|detail|detalhe|dettaglio|cosmetic\w*|estetic\w*|kosmetisch\w*)\b/;
const CAN_WORK =
  /\b(?:can|could) still (?:work|use|access|do|open|get)\b|\b(?:i|we) (?:can|could) (?:just )?use (?:my|our|the|a|another|a spare) (?:[\w-]+ ){0,2}(?:for now|in the meantime|meanwhile|instead|until)\b|\bstill able to\b|\bworkaround\b|\bnot blocking\b|\b(?:and|but|can|still|we|i) (?:just )?(?:carry|carrying) on\b(?![- ](?:bag|luggage|case|suitcase|item))|\b(?:and|but|can|still) (?:keep|kept) (?:going|working)\b|\bnot the end of the world\b|\b(?:todavia|aun) puedo (?:trabajar|usar)\b|\bkann (?:noch|trotzdem) (?:arbeiten|weiterarbeiten)\b|\bje peux (?:encore|quand meme) (?:travailler|utiliser)\b|\bainda (?:consigo|posso) (?:trabalhar|usar)\b|\bposso (?:comunque|ancora) lavorare\b|\bkan (?:nog|wel) (?:werken|doorwerken)\b|\bin the meantime\b[^.!?]{0,20}\b(?:using|use|work)\b/;
// "for the whole sales team", "all 12 of us", the team's shared mailbox: a problem that a group has, not one person.
const GROUP_WIDE =
  /\b(?:whole|entire) (?:\w+ )?(?:team|office|department|floor|branch|store|shop)\b|\ball (?:\d+|of us|of the team)\b|\b(?:shared|team|group) (?:mailbox|inbox)\b|\bgemeinsamen? (?:postfach|posteingang)\b|\bbuzon compartido\b|\bboite (?:aux lettres |mail )?partagee\b|\bcaixa (?:de (?:correio|entrada) )?compartilhada\b|\b(?:todo el|tout le|das ganze|todo o) (?:equipo|service|team|time)\b|\bfor (?:everyone|everybody|all of us)\b|\b(?:para todos|fur alle|bei allen|pour tout le monde|para todo mundo|per tutti)\b/;
const ASKS_ACCESS = /\b(?:access|zugriff|acceso|acces|acesso|add me|permission)\b/;
const STATUS = /\bstatus of\b|\bcheck(?:ing)? on\b|\bany update on\b|\bwhere (?:are we|is it) with\b/;
/**
 * How sure the learned cue reading must be before it counts where no pattern spoke, with its own words agreeing
 * (priority-cues.ts `corroborated`). Measured by 5-fold cross-validation of the cue corpus with the plain concept
 * sentences as background (.scratch/priority/cv.ts), precision / recall with agreement: blocked at 0.7 96% / 61%,
 * urgent at 0.5 99% / 34%, no rush at 0.6 97% / 27%, charged wrongly at 0.6 87% / 32% (and only where the category is
 * the one about charges).
 */
const LEARNED_BLOCKED = 0.7;
const LEARNED_URGENT = 0.5;
const LEARNED_NO_RUSH = 0.6;
const LEARNED_CHARGE = 0.6;
/**
 * A customer's sentence the concept classifier reads this much as a wrong or double charge. (A discount reading is left
 * out: "the coupon took off 20% as promised, thanks!" reads 0.54 as a coupon that failed.)
 */
const CHARGE_READING = 0.35;
const WRONG_AMOUNT = ['wrong_charge', 'double_charge'];
/** Concepts of the category about charges: where a learned "charged wrongly" reading is believed. */
const CHARGE_CONCEPTS = ['wrong_charge', 'double_charge', 'coupon_failed', 'charge'];
/** A blocked reading of the first message, when no category is picked: 98% right at 0.9 in the same test. */
const LEARNED_BLOCKED_ALONE = 0.9;
/** Concepts of categories where being blocked is the usual complaint: sign-in, paying, apps, networks, machines. */
const BLOCKABLE = [
  'login',
  'password',
  'two_factor',
  'locked',
  'account',
  'checkout',
  'payment_method',
  'subscription',
  'app',
  'error',
  'crash',
  'not_working',
  'software_fault',
  'access_request',
  'wifi',
  'vpn',
  'network',
  'hardware',
  'mail',
];
// "rdp not working from home": the way in from outside (VPN, remote desktop) failing leaves the requester unable to work.
const REMOTE_ACCESS = /\b(?:vpn|globalprotect|anyconnect|forticlient|rdp|remote desktop|citrix)\b/;
// No hurry makes a case Low only when it is a question, a request or cosmetic (the Low hint); a stated fault without
// hurry is still the Normal hint's "clearly stated problem".
const COSMETIC =
  /\b(?:cosmetic\w*|visual\w*|aesthetic\w*|looks?|minor|tiny|small|slight\w*|typo|scratch\w*|scuff\w*|blemish\w*|rayure|aranazo|kratzer|arranhao|graffio|kras|nitpick|niggle|ugly|estetic[oa]|detalle|feo|optisch\w*|schonheits\w*|kosmetisch\w*|kleinigkeit|hasslich|esthetique|visuel\w*|detail|moche|detalhe|feio|dettaglio|cosmetisch|lelijk)\b/;
// "I can open the workbooks but can't refresh the figures": part of it still works.
const PARTLY =
  /\b(?:i|we) (?:can|could) (?!not\b|n'?t\b)\w+\b[^.!?]{0,40}\bbut\b|\b(?:puedo|kann|peux|consigo|posso|kan) (?!no\b|nicht\b|pas\b)\w+\b[^.!?]{0,40}\b(?:pero|aber|mais|mas|ma|maar)\b/;
// "also, is the dishwasher still under warranty? … not a big deal": once the customer turns to a side matter, how little
// that one hurries says nothing about the case.
const ASIDE =
  /^(?:oh )?(?:also|and also|btw|by the way|another (?:thing|question)|one more (?:thing|question)|unrelated|while i have you|totally different question)\b/;
const ACTION = ['order_change', 'cancel', 'exchange', 'return', 'access_request', 'refund'];
// "i want to cancel my membership, … do i have to pay the last month?": something to be done, not only a question.
const WANTS_ENDED =
  /\b(?:want|need|would like|'d like|have) to (?:cancel|end|terminate|quit|close)\b|\b(?:quiero|necesito) (?:cancelar|dar de baja)\b|\b(?:ich mochte|ich will) (?:\w+ )*kundigen\b|\bje (?:veux|voudrais) (?:resilier|annuler)\b/;

export interface PriorityInput {
  field: FieldDefinition;
  t: Transcript;
  ev: ConceptEvidence;
  deadlines: Deadline[];
  /** Largest number of affected people stated, if any. */
  affected: number | null;
  /** The winning case category is a "question without a problem" option. */
  noProblemCategory: boolean;
  /** The case category picked, when there is one: it corroborates what only the learned classifier read. */
  category?: OptionProfile;
}

export interface PriorityResult {
  value: string;
  confidence: number;
  evidence: string[];
}

/**
 * Priority only from evidence: outages, safety, legal threats, many people or a deadline today make it the most severe
 * option; being blocked or charged wrongly the next; plain questions the least; otherwise the option the hints call
 * the default. Callers only ask once the problem itself is known.
 */
export function predictPriority(input: PriorityInput): PriorityResult | null {
  const { field, t, ev, deadlines } = input;
  const options = field.options ?? [];
  const levels = options.map((o, i) => ({
    value: o.value,
    level: severityOf(o.value, i, options.length),
    hint: fold(o.hint ?? ''),
  }));
  const pick = (level: number) => levels.find((l) => l.level === level)?.value;
  const defaultOption =
    levels.find((l) => /\bdefault\b/.test(l.hint))?.value ?? pick(1) ?? levels[Math.floor(levels.length / 2)]?.value;
  const urgentHint = levels.find((l) => l.level === 3)?.hint ?? '';
  const securityIsUrgent = /\bsecurity\b/.test(urgentHint);

  const urgent: Turn[] = [];
  const high: Turn[] = [];
  const low: Turn[] = [];
  // A concept only the classifier read counts once the category chosen is the one that concept is about: two readings
  // agree ("the money went out again this month" read as a wrong charge, and Billing picked).
  const conceptTurns = (id: string) =>
    ev.learnedOnly.has(id) && !input.category?.positive.has(id) ? [] : (ev.turns.get(id) ?? []);
  for (const id of ['unsafe']) urgent.push(...conceptTurns(id));
  if (securityIsUrgent)
    for (const id of ['phishing', 'compromised', 'malware', 'lost_device']) urgent.push(...conceptTurns(id));
  for (const d of deadlines) if (d.today) urgent.push(d.turn);
  // "Urgent: use for security incidents …": a priority hint that names the case's category settles it.
  const named = input.category ? namedCategoryLevel(levels, input.category) : null;
  // "Urgent … many users blocked": ten or more people count once we know they are blocked, not merely slowed down.
  const many = input.affected !== null && input.affected >= 10;
  // "High … or a group is degraded": a handful of people affected, where the hint says a group counts.
  const highHint = levels.find((l) => l.level === 2)?.hint ?? '';
  // Held back until we know whether they can still work: three people on a slower workaround are the Normal hint's case.
  const groupHint = /\b(?:group|team|several|multiple)\b/.test(highHint);
  const group: Turn[] = [];
  // Only for a problem: "could me and two colleagues get access to the folder?" is a request for three, nothing degraded.
  if (
    input.affected !== null &&
    input.affected >= 3 &&
    /\b(?:group|team|several|multiple)\b/.test(highHint) &&
    !(ev.problem === 0 && !ev.plainProblem && ev.strength.has('access_request'))
  )
    group.push(...t.usable.filter((x) => x.role === 'customer').slice(0, 1));
  // An agent's reading the customer confirmed ("charged twice, is that right?" - "yes") counts as theirs.
  for (const id of ['hacked', 'double_charge', 'wrong_charge', 'coupon_failed'])
    high.push(...conceptTurns(id).filter((x) => x.role === 'customer' || x.index < 0 || x.confirmed));
  // A sign-in that fails is being blocked, held back like the rest until we know they cannot work through it: "I have
  // to log in again with MFA every time … I can still work" is the Normal hint's case.
  const signIn = ['login', 'locked', 'two_factor'].flatMap((id) =>
    conceptTurns(id).filter((x) => x.role === 'customer' || x.index < 0 || x.confirmed),
  );
  // The agent finding the charge wrong ("the charge was our mistake") settles that money was taken wrongly; an agent's
  // "no surprise fees" does not.
  high.push(
    ...conceptTurns('wrong_charge').filter((x) => x.role === 'agent' && AGENT_FINDS_WRONG_CHARGE.test(x.folded)),
  );
  if (!securityIsUrgent) for (const id of ['compromised', 'phishing']) high.push(...conceptTurns(id));
  const blocked: Turn[] = [];
  const workDesk = /\b(?:can'?t|cannot|can not|unable to) work\b/.test(highHint);
  let canWork = false;
  const customers = new Set<string>();
  let noRush = false;
  let status = false;
  // What the learned cue reading found in sentences no pattern spoke for: used only when the patterns find nothing.
  const learnedUrgent: Turn[] = [];
  const learnedBlocked: Turn[] = [];
  const learnedLow: Turn[] = [];
  const learnedCharge: Turn[] = [];
  // Money taken wrongly is High where the High hint says so, and counts when the category is the one about charges.
  const chargeIsHigh = /\b(?:charg\w*|money|billing|billed)\b/.test(highHint);
  const aboutCharges =
    CHARGE_CONCEPTS.some((id) => input.category?.positive.has(id)) &&
    !t.usable.some((x) => x.role === 'customer' && LET_IT_RENEW.test(x.folded));
  // A blocked reading needs a second one: a category where being blocked is the usual complaint or, with no category
  // picked, the customer's own first statement of the problem read with near certainty. A category of faulty goods,
  // deliveries or orders says it is not: a dead laptop from a shop is a defect, where on an IT desk it stops the work.
  const blockable = input.category ? BLOCKABLE.some((id) => input.category!.positive.has(id)) : null;
  const firstOwn = t.usable.find((x) => x.role === 'customer' && x.folded.split(/\s+/).length >= 4);
  // A stated head count settles how many are affected: "we're 6 people, all affected" is a group, not an outage.
  const fewAffected = input.affected !== null && input.affected < 10;
  const laterDeadline = (turn: Turn) => deadlines.some((d) => d.turn === turn && !d.today);
  const learnedCue = (cue: CueReading, s: { folded: string; question: boolean }, turn: Turn) => {
    if (!corroborated(cue, s.folded)) return;
    // "need this working before friday, that's my oral exam": a sentence whose deadline is a later day says how urgent
    // it is; the learned reading of its words does not overrule that.
    if (cue.cue === 'urgent' && cue.probability >= LEARNED_URGENT && !s.question && !laterDeadline(turn)) {
      if (cue.kind !== 'outage' || !fewAffected) learnedUrgent.push(turn);
    } else if (
      cue.cue === 'blocked' &&
      cue.probability >= LEARNED_BLOCKED &&
      !PARTLY.test(s.folded) &&
      (blockable ?? (turn === firstOwn && cue.probability >= LEARNED_BLOCKED_ALONE))
    )
      learnedBlocked.push(turn);
    else if (cue.cue === 'overcharged' && cue.probability >= LEARNED_CHARGE && chargeIsHigh && aboutCharges)
      learnedCharge.push(turn);
    else if (
      cue.cue === 'no_rush' &&
      cue.probability >= LEARNED_NO_RUSH &&
      ((ev.problem === 0 && !ev.plainProblem) || COSMETIC.test(s.folded))
    )
      learnedLow.push(turn);
  };
  let aside = false;
  for (const turn of t.usable) {
    if (turn.offTopic) continue;
    if (turn.role === 'customer' && ASIDE.test(turn.folded)) aside = true;
    for (const s of turn.sentences) {
      if (!isFact(turn, s)) continue;
      if (turn.role !== 'customer') continue;
      let spoke = false;
      // The customer's own report: an agent's "we had an outage this morning, fixed now" is history.
      if (
        ((OUTAGE.test(s.folded) || OUTAGE_ELSEWHERE.test(s.folded)) && !OVER.test(turn.folded)) ||
        LEGAL.test(s.folded)
      ) {
        urgent.push(turn);
        spoke = true;
      }
      if (
        (BLOCKED.test(s.folded) ||
          CANNOT_PAY.test(s.folded) ||
          BLOCKED_ELSEWHERE.test(s.folded) ||
          WITHOUT_BEING_ABLE.test(s.folded) ||
          NOTHING_WORKS.test(s.folded)) &&
        !CAN_WORK.test(s.folded)
      ) {
        blocked.push(turn);
        spoke = true;
      }
      if (
        workDesk &&
        (WORK_MACHINE_DEAD.test(s.folded) ||
          WORK_MACHINE_DEAD_ELSEWHERE.test(s.folded) ||
          (IT_IS_DEAD.test(s.folded) &&
            t.usable.some((x) => x.role === 'customer' && x.index <= turn.index && WORK_MACHINE.test(x.folded))))
      )
        blocked.push(turn);
      // "any workaround in the meantime?" asks for one; only a statement says they can carry on.
      if (CAN_WORK.test(s.folded) && !s.question) {
        canWork = true;
        spoke = true;
      }
      // "je ne trouve pas le mail" beside a request to resend it is its reason, not being blocked.
      if (!spoke && !NO_RUSH.test(s.folded) && !CANT_FIND_PAPER.test(s.folded)) {
        const cue = readPriorityCue(s.text);
        if (cue && cue.known >= 2) learnedCue(cue, s, turn);
      }
      // "the support@ shared mailbox has vanished … it's just me": a head count under three is no group.
      if (
        groupHint &&
        !s.question &&
        (input.affected === null || input.affected >= 3) &&
        (ev.problem > 0 || ev.plainProblem) &&
        GROUP_WIDE.test(s.folded) &&
        !ASKS_ACCESS.test(s.folded)
      )
        group.push(turn);
      if (NO_RUSH.test(s.folded) && !aside) {
        noRush = true;
        low.push(turn);
      }
      if (STATUS.test(s.folded)) status = true;
    }
    if (turn.role === 'customer') {
      customers.add(turn.author);
      // Several people reporting the same thing: a group is degraded.
      if (customers.size > 1 && GROUP.test(turn.folded.trim())) group.push(turn);
      if (
        REMOTE_ACCESS.test(turn.folded) &&
        /\b(?:won'?t|can'?t|cannot|can not|not|doesn'?t|unable to) (?:stay )?connect\w*\b|\bnot working from (?:home|here)\b|\bcould ?(?:n'?t|not) be (?:found|reached)\b|\bunreachable\b|\bkeeps? (?:disconnecting|dropping)\b|\bnon si (?:connette|collega)\b|\bno (?:se )?conecta\b|\bverbindet (?:sich )?nicht\b|\bne se connecte (?:pas|plus)\b|\bnao (?:se )?conecta\b|\b(?:maakt geen verbinding|verbindt niet)\b/.test(
          turn.folded,
        )
      )
        blocked.push(turn);
    }
  }
  const firstCustomer = t.usable.filter((x) => x.role === 'customer').slice(0, 1);
  // Learned readings count only where the patterns found nothing of the same kind.
  if (!urgent.length && !canWork) urgent.push(...learnedUrgent);
  if (!blocked.length && !canWork) blocked.push(...learnedBlocked);
  if (!canWork) high.push(...signIn);
  if (!high.length) high.push(...learnedCharge);
  // "the amount is just higher than last month": the classifier's reading of a wrong charge in the customer's words
  // states the problem as well, where the category already agrees it is about charges.
  const chargeRead = () =>
    ev.readings.some(
      (r) =>
        r.turn.role === 'customer' &&
        !r.asking &&
        r.concepts.reduce((sum, [id, p]) => (WRONG_AMOUNT.includes(id) ? sum + p : sum), 0) >= CHARGE_READING,
    );
  // A problem stated on the category about charges, where the High hint is money charged wrongly: what goes wrong with a
  // bill is that ("my invoice shows the old price", "the annual fee came out again"), even in words no pattern knows.
  // Billing requests and questions stay with the Low hint below, also with the reason they give ("could you resend the
  // invoice? I can't find the email").
  if (
    !high.length &&
    chargeIsHigh &&
    aboutCharges &&
    (ev.problem > 0 || (ev.plainProblem && !ev.plainQuestion) || chargeRead()) &&
    !canWork &&
    !noRush
  ) {
    const behind = CHARGE_CONCEPTS.flatMap((id) => conceptTurns(id)).filter((x) => x.role === 'customer');
    high.push(...(behind.length ? behind : firstCustomer));
  }
  if (many && !canWork && (blocked.length || high.length)) urgent.push(...firstCustomer);
  // Many people slowed down but working: a degraded group, where the High hint counts one.
  // Ten or more is a group whichever way they get by, unlike three people on a workaround.
  else if (many && /\b(?:group|team|several|multiple)\b/.test(highHint)) high.push(...firstCustomer);
  if (named === 3) {
    const behind = [...input.category!.positive].flatMap((id) => ev.turns.get(id) ?? []);
    urgent.push(...(behind.length ? behind : firstCustomer));
  }
  if (urgent.length && pick(3)) return { value: pick(3)!, confidence: 0.8, evidence: evidenceOf(urgent) };
  // "…but I can still work": the Normal hint's case, whatever made it look blocking.
  if (blocked.length && !canWork) high.push(...blocked);
  if (group.length && !canWork) high.push(...group);
  if (high.length && pick(2)) return { value: pick(2)!, confidence: 0.75, evidence: evidenceOf(high) };
  const action =
    ACTION.some((id) => ev.strength.has(id)) ||
    t.usable.some((x) => x.role === 'customer' && !x.offTopic && WANTS_ENDED.test(x.folded));
  // An invoice is an information request only when something is asked about it: "€186 of roaming fees on my invoice,
  // but I booked the travel package" asks nothing and is no Low question.
  const info = ev.strength.has('info_question') || (ev.strength.has('invoice') && ev.plainQuestion) || status;
  // An invoice or status mention is a question only when nothing is said to be wrong ("the mailbox disappeared").
  const question = ev.problem === 0 && !ev.plainProblem && info && (status || !action);
  if (pick(0) && (input.noProblemCategory || noRush || question)) {
    return { value: pick(0)!, confidence: 0.65, evidence: evidenceOf(low) };
  }
  if (pick(0) && learnedLow.length) {
    return { value: pick(0)!, confidence: 0.6, evidence: evidenceOf(learnedLow) };
  }
  return defaultOption ? { value: defaultOption, confidence: 0.6, evidence: [] } : null;
}
