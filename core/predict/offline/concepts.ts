/**
 * A multilingual lexicon of support concepts. The same patterns read both the conversation and an admin's option hints
 * ("use when … double or unexpected charges …"), so an option is scored by the concepts its hint names, whatever the
 * shop: no option value is hard-wired. Patterns run on folded text (lower-case, accents stripped); English, Spanish,
 * German, French and Portuguese surface forms map to the same concept.
 */

import { LiteralPrefilter, requiredLiterals } from './required-literals.js';

export interface Concept {
  id: string;
  /** How strongly one mention points at an option whose hint names the concept. */
  weight: number;
  /** A problem (something went wrong), as opposed to a topic or a question. */
  problem: boolean;
  /** A preceding "not"/"no" cancels the mention ("not broken", "no refund"). */
  negatable: boolean;
  patterns: RegExp[];
  /** The words an admin writes in a hint for this concept ("late, lost, stuck in transit"): read in hints only. */
  keywords: string[];
}

const c = (
  id: string,
  weight: number,
  problem: boolean,
  negatable: boolean,
  keywords: string[],
  ...patterns: RegExp[]
): Concept => ({ id, weight, problem, negatable, keywords, patterns });

/**
 * "nothing happens when I click pay", "es passiert nichts": read as a fault, and set aside when a parcel is what stands
 * still (parcelStandsStill).
 */
const NOTHING_HAPPENS =
  'nothing happens|passiert (?:einfach )?(?:gar )?nichts|no pasa nada|(?:il ne se passe|ne fait) rien|rien ne se passe|nada acontece|nao acontece nada';

export const CONCEPTS: Concept[] = [
  // --- money ---
  c(
    'double_charge',
    3,
    true,
    true,
    ['double charge', 'double or unexpected charges', 'charged twice', 'double charges'],
    /\b(?:charged|billed|debited|taken)\b[^.!?]{0,25}\b(?:twice|two times|double|\d+ times|three times|multiple times|several times|more than once)\b/,
    /\bdouble(?:[- ]| or unexpected )?(?:charge|charged|charges|billing|billed|payment)/,
    /\b(?:duplicate|second|extra) (?:charge|payment|debit)/,
    /\btwo (?:charges|payments)\b/,
    /\b(?:twice|two times|double|duplicate|zweimal|doppelt|dos veces|deux fois|duas vezes)\b[^.!?]{0,40}\b(?:charg|bill|debit|paid|abgebucht|belastet|berechnet|eingezogen|bezahlt|cobr|factur|prelev|pag)\w*|\b(?:charg|bill|debit|abgebucht|belastet|cobr|factur|prelev)\w*\b[^.!?]{0,40}\b(?:twice|two times|zweimal|doppelt|dos veces|deux fois|duas vezes)\b/,
    /\bcobrad[oa]s? (?:duas|dos) vezes\b|\bduas cobrancas\b|\bcobrado dos veces\b|\bdos cargos\b|\bcobro duplicado\b/,
    /\bdoppelt (?:abgebucht|belastet|berechnet)\b|\bzweimal (?:abgebucht|belastet|berechnet)\b/,
    /\bdebite deux fois\b|\bpreleve deux fois\b|\bdouble prelevement\b/,
  ),
  c(
    'wrong_charge',
    3,
    true,
    true,
    ['unexpected charges', 'wrong charges', 'charged after cancellation', 'charged wrongly'],
    // "ik heb €3,00 bewaarkosten betaald maar ik heb het binnen 2 dagen opgehaald", "I paid a £15 late fee but I returned
    // it on time": a fee paid, then why it should not have been, is a charge disputed.
    /\b(?:paid|been charged|charged|billed|pague|pagado|paguei|paye|pagato|betaald|bezahlt|berechnet)\b[^.!?]{0,40}\b\w*(?:fee|fees|surcharge|kosten|frais|gastos|cargo|taxa|tarifa|gebuhr\w*|spese)\b[^.!?]{0,60}\b(?:but|maar|mais|pero|mas|aber|ma)\b(?! (?:what|how|when|where|why|which|can|could|do|does|is|are|will)\b)|\b\w*(?:kosten|gebuhr\w*)\b[^.!?]{0,25}\b(?:betaald|bezahlt|gerekend|berechnet)\b[^.!?]{0,60}\b(?:maar|aber)\b/,
    /\b(?:promised|supposed to (?:be|get)|should (?:be|have been)|meant to be)\s+(?:\w+\s+)?free\b|\bbut (?:i )?(?:got|was|been|am being) (?:charged|billed)\b|\b(?:charged|billed) (?:in|at|with) (?:the )?(?:wrong|different|another)\b|\b(?:charged|billed) in \w+ instead of\b|\b(?:conversion|hidden|surprise|extra) fees?\b|\bunexpected (?:charge|payment)s?\b|\b(?:wrong|incorrect) (?:charge|amount)s?\b|\bovercharged\b/,
    /\b(?:paid|pague|paguei|bezahlt|paye)\b[^.!?]{0,40}\b(?:but|pero|mas|aber|mais)\b[^.!?]{0,40}\b(?:pending|unpaid|not paid|pendiente|pendente|offen|impaye|no order|cancel\w*)\b|\b(?:el dinero|o dinheiro|das geld|l'argent|the money) (?:ya )?(?:salio|saiu|wurde abgebucht|a ete debite|(?:has )?(?:already )?(?:left|gone|been taken))\b/,
    /\b(?:charged|billed|debited|took (?:my )?money|payment (?:was )?taken)\b[^.!?]{0,30}\bbut\b|\b(?:charged|billed|debited)\b[^.!?]{0,40}\binstead of\b|\b(?:never|didn'?t|did not) (?:agree|agreed|authori[sz]e|sign(?:ed)? up|order(?:ed)?|subscribe)\b|\bwithout (?:my )?(?:consent|permission|authori[sz]ation)\b|\bcharge and no order\b|\bnever went through\b/,
    /\b(?:charg|bill|cobr|abgebucht|belast|debit|factur|prelev)\w*[^.!?]{0,30}\b(?:after|depois|apos|despues|nach|apres|trotz)\b[^.!?]{0,15}\b(?:cancel|kundig|resili|annul)\w*|\b(?:nach|after|despues de|apres|depois de|apos|trotz)\b[^.!?]{0,20}\b(?:cancel|kundig|resili|annul)\w*[^.!?]{0,30}\b(?:charg|bill|cobr|abgebucht|belast|debit|factur|prelev)\w*/,
    /\b(?:charged|billed|debited|took|taken)\b[^.!?]{0,30}\b(?:after|even though|although|despite|since) (?:i |we )?(?:had )?(?:cancel|unsubscrib|ended|closed|stopped|downgrad|upgrad|switch|chang|mov)/,
    /\bstill (?:got |been |being )?(?:charged|billed|debited|took|taken|taking|collected)\b|\b(?:charged|billed) (?:me )?(?:an? )?(?:[$€£]?\d+(?:[.,]\d+)? )?(?:extra|more than (?:usual|agreed|quoted|before))\b|\b(?:invoice|bill|charge|payment)\w*\b[^.!?]{0,40}\b(?:i|we) (?:had )?(?:already )?cancell?ed\b|\b(?:charged|billed) (?:me )?(?:again|anyway|twice as much|the wrong amount|more than)\b|\bcharged after cancell?ation\b|\bcharged wrongly\b|\b(?:charged|billed)\b[^.!?]{0,60}\b(?:i|we) only (?:booked|ordered|bought|asked for|wanted|used|had|signed up for)\b|\b(?:bill|invoice|statement|charge|payment|direct debit|renewal|factura|recibo|cuota|rechnung|abbuchung|beitrag|facture|prelevement|fatura|mensalidade|bolletta|fattura|rekening|factuur)\b[^.!?]{0,30}(?:[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|eur\b|euros?\b))[^.!?]{0,25}\b(?:normally|usually|typically|always|used to be|normalmente|normalerweise|sonst|d'habitude|habituellement|di solito|solitamente|meestal|normaal)\b[^.!?\d]{0,15}[$€£]?\s?\d|\b(?:went|gone|jumped|increased|rose|risen|shot|crept)\b(?=[^.!?]{0,40}(?:[$€£]|\beuros?\b|\beur\b|\bdollars?\b|\bpounds?\b)) (?:up )?from [$€£]?\s?\d[\d.,]*\s?(?:[$€£]|euros?|eur|dollars?|pounds?)? to [$€£]?\s?\d|\b(?:paso|subio|ha subido|ha pasado)(?=[^.!?]{0,40}(?:[$€£]|\beuros?\b|\beur\b|\bdollars?\b|\bpounds?\b)) de [$€£]?\d[\d.,]*\s?(?:€|euros?)? a [$€£]?\d|\bvon(?=[^.!?]{0,40}(?:[$€£]|\beuros?\b|\beur\b|\bdollars?\b|\bpounds?\b)) [$€£]?\d[\d.,]*\s?(?:€|euro)? auf [$€£]?\d|\b(?:passe|augmente)(?=[^.!?]{0,40}(?:[$€£]|\beuros?\b|\beur\b|\bdollars?\b|\bpounds?\b)) de [$€£]?\d[\d.,]*\s?(?:€|euros?)? a [$€£]?\d|\b(?:passou|subiu|aumentou)(?=[^.!?]{0,40}(?:[$€£]|\beuros?\b|\beur\b|\bdollars?\b|\bpounds?\b)) de [$€£]?\d[\d.,]*\s?(?:€|euros?)? para [$€£]?\d|\b(?:charged|billed|taken|took|debited)\b (?:me |out )?(?:another )?[$€£]?\d[\d.,]*(?: ?[$€£]| (?:euros?|dollars?|pounds?))? again\b|\b(?:i|we) (?:had |have )?(?:already )?cancell?ed\b[^.!?]{0,60}\b(?:and|but) (?:you(?:'ve| have)?|they(?:'ve| have)?|it(?:'s| has)?) (?:just |still |now |only )?(?:taken|took|charged|billed|debited|collected|renewed)\b|\bshould(?: not|n'?t) have (?:been )?(?:charged|billed)\b/,
    /\bdidn'?t (?:authori[sz]e|approve) (?:this|that|the)? ?(?:charge|payment)\b|\bunauthori[sz]ed (?:charge|payment)\b/,
    // "renewed yesterday at $189 but I was promised $129", "me cobraron 60 € pero me prometieron 45": a price other than
    // the one promised.
    /\b(?:charged|billed|renewed|debited|took|taken|invoiced)\b[^.!?]{0,40}\bbut (?:i was|we were|i'?d been|we'?d been|i had been|you|your \w+|they)\s+(?:had )?(?:promised|told|quoted|offered|guaranteed)\b|\b(?:cobr|renov|factur)\w*\b[^.!?]{0,40}\b(?:pero|mas) (?:me |nos )?(?:habian |haviam |tinham )?(?:promet|dij|diss|ofrec|ofere|garant)\w*|\b(?:factur|prelev|debit|renouvel)\w*\b[^.!?]{0,40}\b(?:mais|alors qu'?) ?(?:on )?(?:m'|nous )(?:avait|a|aviez|avez) (?:ete )?(?:promis|dit|garanti|annonce)\b|\b(?:abgebucht|berechnet|belastet|verlangert)\b[^.!?]{0,40}\baber\b[^.!?]{0,30}\b(?:versprochen|zugesagt|garantiert)\b|\b(?:addebitat|rinnovat|fatturat)\w*\b[^.!?]{0,40}\bma (?:mi |ci )?(?:avevano|hanno|era stato) (?:promesso|garantito|detto)\b|\b(?:afgeschreven|verlengd|gefactureerd)\b[^.!?]{0,40}\bmaar\b[^.!?]{0,30}\b(?:beloofd|toegezegd|gegarandeerd)\b/,
    // "the charge was a mistake" (an agent's finding too), and damage billed on a hire that "was already there when I
    // picked it up": a charge the customer should not have paid.
    /\b(?:the |this |that )?(?:charge|fee|debit|cobranca|cobro|cargo|abbuchung|belastung|prelevement)\b[^.!?]{0,25}\b(?:was|is|foi|fue|es|war|ist|etait|est) (?:an? |um |una? |ein |une )?(?:mistake|error|erro|engano|error nuestro|fehler|erreur|incorrect\w*|wrong)\b|\b(?:was|were) already (?:there|on it) when (?:i|we) (?:picked|collected|took|rented|got)\b|\b(?:scratch|dent|mark|crack|chip|scuff|damage|stain|ding)(?:es|s)? (?:was|were) (?:already )?there when (?:i|we) (?:picked|collected|took|rented|got)\b|\bja estava (?:la|ali)\b[^.!?]{0,25}\b(?:retirei|peguei|aluguei)\b|\bya estaba\b[^.!?]{0,25}\b(?:recogi|alquile)\b/,
    // "fui cobrada 38 € de minibar, mas não consumi nada", "charged for the extras but I never used them": a charge for
    // what the customer says they did not take.
    /\b(?:charged|billed|invoiced|cobrad[oa]s?|cobraram|cobraron|me cobraron|factur\w+|addebitat\w*|berechnet|belastet|afgeschreven)\b[^.!?]{0,60}\b(?:but|mas|pero|mais|ma|aber|maar) (?:i |we |eu |yo |je |io |ich |wir |ik )?(?:never |didn'?t |did not |nao |no |n'ai (?:rien |jamais |pas )|non (?:ho )?|habe (?:nichts |nie |kein\w* )?|heb (?:niets |nooit )?)(?:\w+ )?(?:use|used|consume|consumed|order|ordered|touch|touched|eat|ate|drink|drank|consumi|usei|pedi|toquei|use|tome|pedi|consomme|utilise|commande|consumato|usato|ordinato|verbraucht|benutzt|bestellt|gebruikt|besteld)\b/,
    // "prélevé alors que j'ai résilié", "cobrado aunque cancelé": charged although they had cancelled.
    /\b(?:charg|bill|cobr|abgebucht|belast|debit|factur|prelev|addebit|afgeschreven)\w*[^.!?]{0,40}\b(?:alors que|bien que|aunque|a pesar de que|obwohl|embora|mesmo (?:tendo|que)|pur avendo|anche se|hoewel|terwijl)\b[^.!?]{0,25}\b(?:cancel|kundig|resili|annul|disdett|opgezegd|gestopt)\w*/,
    // "auto-renewed without any warning and took £89": money taken without notice or consent.
    /\b(?:auto-?renew\w*|renewed|charged|billed|debited|took|taken)\b[^.!?]{0,40}\bwithout (?:any |a )?(?:warning|notice|notification|reminder|asking|telling|my (?:consent|permission|ok))\b/,
    // "falsch belastet", "cobro indebido", "facturé à tort": charged wrongly, in the other languages.
    /\bfalsch (?:belastet|abgerechnet|berechnet|abgebucht)\b|\bzu unrecht (?:belastet|abgebucht|berechnet)\b|\b(?:cobrad[oa]|cobranca|cobro|cargo) indebid\w*|\b(?:cobrad[oa]|cobranca|cobro) indevid\w*|\b(?:facture|preleve|debite)e?s? (?:a tort|par erreur)\b|\b(?:cobrad[oa]|cobrou|cobraron) por (?:error|erro|engano)\b|\baddebit\w* (?:per errore|non dovut\w*)\b/,
    /\b(?:charged|billed|debited|cobrado|cobraron|cobraram|abgebucht|belastet|debite|preleve)\b[^.!?]{0,60}\b(?:(?:i )?(?:don'?t|do not) (?:understand|know) why|no idea why|no entiendo por que|no se por que|nao entendo (?:o )?porque|verstehe nicht warum|weiss nicht warum|(?:je )?ne comprends pas pourquoi)\b/,
    /\b(?:i|we|j'ai|ich habe|he|eu) (?:had |have )?(?:cancell?ed|resilie|annule|gekundigt|storniert|cancelado|cancelei|cancele)\b[^.!?]{0,80}\b(?:charge|charged|billed|debit\w*|prelev\w*|abgebucht|abbuchung|cobr\w*|cargo)\b|\b(?:prelev|debit|factur)\w* encore\b|\bencore (?:preleve|debite|facture)\b|\bsiguen? cobrando\b|\bcontinuam? (?:a )?cobrar\b|\bimmer noch (?:abgebucht|belastet|berechnet)\b/,
    /[$€£]\s?\d[\d.,]*\s+(?:has )?(?:just |already )?(?:gone|taken|come|came|went|been taken) (?:out )?(?:of|from) my (?:account|card|bank)\b|\b(?:told|promised|said)\b[^.!?]{0,40}\bprice (?:was|would be|is) (?:fixed|locked|guaranteed)\b|\b(?:never|didn'?t|did not) (?:ask|asked) for\b|\b(?:charged|billed|debited|took|taken|paid)\b[^.!?]{0,40}\bwhile (?:it was |they were |my \w+ (?:was|were) |(?:i|we) (?:was|were|had) )?(?:paused|on hold|suspended|frozen)\b/,
  ),
  c(
    'coupon_failed',
    3,
    true,
    false,
    ['coupon not applied', 'coupons not applied'],
    /\b(?:discount|coupon|promo|voucher|code|sale price)\b[^.!?]{0,40}\bbut (?:only|just)\b|\b(?:only|just) (?:\d+%|half) (?:was |were )?(?:taken off|applied|deducted|discounted)\b/,
    /\b(?:code|coupon|promo|discount|voucher)\b[^.!?]{0,80}\b(?:charged|paid|billed|charge|total|payment|debit)\b[^.!?]{0,20}\bfull (?:amount|price)\b|\bshould(?:'ve| have) paid less\b/,
    /\b(?:coupon|promo|discount|voucher)s?(?: code)?[^.!?]{0,30}\b(?:not|didn'?t|wasn'?t|isn'?t|never|won'?t)\b[^.!?]{0,10}\b(?:appl|work|accept)|\b(?:coupon|promo|discount|voucher)s?(?: code)?\b[^.!?]{0,30}\b(?:disappeared|dropped|vanished|removed|gone|missing|expired|ignored|lost)\b/,
    // "the SUMMER15 code didn't apply", "le code n'a pas été appliqué", "de code werd niet toegepast": a code is
    // applied only to a price, so any code not applied is a discount that was not given (a login code is entered).
    /\b(?:code|codigo|codice)\b[^.!?]{0,30}\b(?:(?:not|didn'?t|wasn'?t|never|hasn'?t)\b(?: been| get| gets| got| be)? ?appl(?:y|ied)\b|nao (?:foi |ficou |se )?aplicad\w*|non (?:e |mi e |si e |viene )?(?:stato )?applicat\w*|nicht (?:\w+ )?(?:angewendet|angewandt|abgezogen|angerechnet|eingelost)\b|(?:n'a pas ete|pas ete|ne s'est pas|ne s'applique pas|pas) (?:applique|deduit)|niet (?:\w+ )?(?:toegepast|verrekend|afgetrokken)\b)/,
  ),
  c(
    'charge',
    1,
    false,
    false,
    ['charges'],
    /\bcharges?\b|\bcharged\b|\bbilled\b|\bbilling\b|\bpayments?\b|\bpaid\b|\bcobranc|\bcobrad|\bcobro\b|\bcargo\b|\babgebucht|\bzahlung|\bpaiement|\bpagamento|\bpago\b/,
  ),
  c(
    'payment_method',
    1.5,
    false,
    false,
    ['payment methods'],
    /\bpayment methods?\b|\bcredit card\b|\bcard (?:declined|expired)\b|\bpaypal\b/,
  ),
  c(
    'invoice',
    2,
    false,
    false,
    ['invoices'],
    /\binvoices?\b|\breceipts?\b|\bvat\b|\bfactura|\brechnung(?!en an)|\bfacture|\bfatura|\bnota fiscal/,
  ),
  c(
    'subscription',
    2,
    false,
    false,
    ['subscriptions'],
    /\b(?:bill|price|fee|subscription|plan|invoice|payment)s? (?:has |have )?(?:(?:went|gone|go) up|jumped|increased|doubled|is higher|are higher)\b|\b(?:higher|more) than (?:usual|expected|before|last month)\b|\bsubscriptions?\b|\brenewal\b|\brenewed\b|\bplan pricing\b|\bmembership fee\b|\bsuscripcion|\babonnement|\babo\b|\bassinatura/,
  ),
  c(
    'refund',
    2,
    false,
    true,
    ['refund', 'refunds', 'money back'],
    /\brefunds?\b|\brefunded\b|\bmoney back\b|\breembols|\bestorno\b|\bdevuelvan el dinero\b|\bdevolver el dinero\b|\bruckerstattung|\bgeld zuruck\b|\brembourse|\bdinheiro de volta\b|\brimbors\w*/,
  ),
  // --- delivery ---
  c(
    'not_arrived',
    3,
    true,
    false,
    ['late', 'lost', 'not received'],
    /\b(?:hasn'?t|hasnt|has not|haven'?t|havent|didn'?t|didnt|never|still not|not yet|still hasn'?t) (?:arrived|come|shown up|been delivered|turned up)\b/,
    /\bnothing (?:has )?(?:come|came|arrived|turned up|shown up|showed up)\b|\bno sign of (?:it|them|my|the|our)\b|\bout for delivery\W{0,3} since\b|\bwhere(?:'s| is) my (?:order|package|parcel|delivery)\b|\bstill waiting (?:for|on) (?:my|the) (?:order|package|parcel|delivery)\b/,
    /\b(?:never|still hasn'?t|has never) (?:came|come|showed up|got here|reached me)\b|\bstill waiting (?:for|on) (?:(?:the |my )?(?:delivery|shipment|it|them)|(?:my|the) \w+ to (?:arrive|come|ship))\b/,
    /\bno ha llegado\b|\bnicht angekommen\b|\bnoch nicht (?:da|geliefert|angekommen)\b|\bpas (?:encore )?(?:arrive|recu)\b|\bnao chegou\b|\bainda nao (?:chegou|recebi)\b/,
  ),
  c(
    'late',
    2.5,
    true,
    false,
    ['late'],
    /\b(?:is|are|was|running|arrived|delivery|deliveries|order|package|parcel) (?:\w+ )?(?:late|delayed|overdue)\b|\b(?:is|are|was|were|it'?s|running|arrived) (?:over |more than |nearly |almost |about |already |now )?(?:an?|\d+|one|two|three|four|five|six|several|a few|a couple of) (?:minutes?|mins?|hours?|hrs?|days?|weeks?) (?:late|overdue|behind)\b|\bdelay(?:ed)?\b|\blate (?:delivery|order|package)\b/,
    /\btracking\b[^.!?]{0,30}\b(?:has ?n'?t|hasnt|has not|not|hasn't been|still|didn'?t|did not|hasn'?t) (?:been )?(?:updated|moved|changed)\b|\b(?:hasn'?t|has not|not) (?:moved|updated|changed) (?:in|for|since) (?:\d+|a|two|three|several|many) (?:days?|weeks?)\b|\bno (?:tracking )?updates? (?:in|for|since) (?:\d+|a|two|three|several) (?:days?|weeks?)\b/,
    /\b(?:was|were) (?:supposed|meant|due|expected|promised) to (?:arrive|be (?:here|delivered)|come|get here)\b|\b(?:took|taking|takes) (?:\d+|two|three|four|five|six|seven|ten|several|many) (?:days|weeks)\b|\b(?:took|taking) (?:ages|forever|too long)\b|\bwhen (?:will|is|does) my (?:order|package|parcel|delivery|shipment)\b|\b(?:says|shows|showing|stuck on|still|status is)\s+["']?(?:processing|pending|preparing|in progress|awaiting dispatch)["']?\b|\bfor (?:\d+|two|three|four|several) (?:days|weeks) now\b|\b(?:it'?s been|been|over) (?:\d+|a few|several|two|three|four|five) (?:days|weeks) since\b|\b(?:express|next-day|next day|priority|expedited) (?:shipping|delivery)\b[^.!?]{0,30}\bbut\b/,
    /\bretrasad|\bretraso\b|\bverspat|\ben retard\b|\batrasad/,
    /^late\b/,
    /\b(?:hasn'?t|has not|haven'?t|have not|wasn'?t|was not|not yet|never) (?:been )?(?:dispatched|posted)\b|\bstill (?:hasn'?t|has not|haven'?t|have not|not|isn'?t|wasn'?t|hasnt) (?:been )?(?:dispatched|shipped|sent|posted|processed|sent out)\b|\b(?:hasn'?t|has not|not|wasn'?t) (?:been )?(?:dispatched|shipped|sent|posted)\b[^.!?]{0,30}\b(?:\d+|a|two|three|four|five|several|ten) (?:days?|weeks?)\b|\b(?:todavia|aun) no (?:ha sido )?(?:enviad|despachad)\w*|\bimmer noch nicht (?:versandt|verschickt|versendet)\b|\btoujours pas (?:ete )?(?:expedie|envoye)\w*|\bainda nao (?:foi )?(?:enviad|despachad)\w*/,
  ),
  c(
    'lost',
    3,
    true,
    true,
    ['lost'],
    /\blost (?:package|parcel|order|in (?:the )?(?:mail|post|transit))\b|\b(?:package|parcel|order) (?:is |was |got )?lost\b|^lost\b/,
    /\bpaquete perdido\b|\bpaket verloren\b|\bcolis perdu\b|\bpacote perdido\b/,
  ),
  c(
    'stuck_transit',
    3,
    true,
    false,
    ['stuck in transit'],
    /\bstuck (?:in|at) (?:transit|customs|the depot|the hub|the warehouse)\b|\bin transit\b|\bstuck in transit\b|\ben transito\b|\bem transito\b|\bno se mueve\b|\bbewegt sich nicht\b|\bne bouge (?:pas|plus)\b|\bnao se mexe\b/,
    // "meu pedido está parado", "el envío lleva días parado en el centro logístico": held up, said of a parcel or where
    // it sits; "tô parado aqui sem conseguir entrar", "mon compte est bloqué" are a person or an account stuck.
    /\b(?:pedidos?|paquetes?|envios?|encomendas?|pacotes?|colis|commandes?|pakete?|sendung|pacchi|pacco|spedizione|pakket|zending|rastreio|rastreamento|seguimiento|suivi|tracking|orders?|packages?|parcels?|shipments?)\b[^.!?]{0,40}\b(?:retid[oa]s?|retenid[oa]s?|bloquee?s?|parad[oa]s?)\b|\b(?:retid[oa]s?|retenid[oa]s?|bloquee?s?|parad[oa]s?)\b[^.!?]{0,30}\b(?:centro (?:de )?distribu\w*|centro logistico|deposito|entrepot|transito|transit)\b/,
    /\b(?:bloque|bloqueado|retenido|festgehalten|preso|parado) (?:a|en|na|no|im|beim?) (?:la |o |a )?(?:douane|aduana|alfandega|zoll)\b/,
  ),
  c(
    'customs',
    2,
    false,
    false,
    ['customs'],
    /\bcustoms\b|\bdouane\b|\baduana\b|\balfandega\b|\bzoll\b|\bduties\b|\bdroits de douane\b/,
  ),
  c(
    'wrong_place',
    3,
    true,
    false,
    ['wrong place'],
    /\bdelivered to (?:the )?wrong (?:place|address|house|door)\b|\bwrong (?:place|address|house)\b|\bmisdeliver/,
  ),
  c(
    'not_received',
    3.5,
    true,
    false,
    ['marked delivered'],
    /\b(?:package|parcel|delivery|order|box)\b[^.!?]{0,20}\b(?:was |got |has been )?stolen\b|\bstolen from (?:my |the )?(?:porch|doorstep|mailbox|letterbox|lobby|front door)\b|\b(?:marked|says|shows|showing|status) (?:as )?delivered\b|\bdelivered but\b|\bbut (?:there'?s|there is) nothing\b|\bnever (?:received|got) (?:it|them|my|the)\b|\bnot received\b/,
    /\bmarcado como entregado\b|\bals zugestellt\b|\bmarque comme livre\b|\bconsta como entregue\b/,
    // "will be delivered Thursday but…", "wird am Freitag geliefert, aber…": a delivery still to come has not failed.
    /\b(?:delivered|zugestellt|geliefert|entregado|entregue|livre|livree)\b(?<!\b(?:be|being|will|gets?|wird|werden|ser|sera|seran|serao) (?:\w+ ){0,2}\w+)[^.!?]{0,30}\b(?:but|aber|pero|mais|mas)\b|\bnicht (?:da|angekommen|erhalten)\b|\bno (?:lo )?he recibido\b|\bpas recu\b|\bnao recebi\b/,
  ),
  c(
    'tracking',
    1.5,
    false,
    false,
    ['delivered to', 'in transit'],
    /\b(?:courier|parcel|package|shipment|delivery driver)\b[^.!?]{0,40}\b(?:went back|returned to|sent back|lost|missing|never came|didn'?t come|no show|never showed)\b|\btracking\b|\bseguimiento\b|\bsendungsverfolgung\b|\bsuivi\b|\brastreamento\b/,
  ),
  c(
    'delivery_scheduling',
    2.5,
    false,
    false,
    ['delivery scheduling'],
    /\bdelivery scheduling\b|\breschedul\w* (?:the )?delivery\b|\bdelivery (?:slot|window)\b/,
    /\b(?:courier|driver|delivery (?:guy|man|person|driver))\b[^.!?]{0,30}\b(?:rude|aggressive|threw|thrown|left (?:it|the \w+) (?:outside|in the rain|on the street))\b|\breschedul\w*\b|\bredeliver\w*\b|\b(?:missed|failed) (?:the )?delivery\b|\b(?:driver|courier)\b[^.!?]{0,30}\b(?:couldn'?t|could not|can'?t|didn'?t) (?:find|get to|reach|access)\b/,
  ),
  c(
    'pre_purchase',
    3,
    false,
    false,
    ['pre-purchase'],
    /\bpre-?purchase\b|\bthinking (?:of|about) (?:buying|getting|ordering)\b|\bbefore (?:i|we) (?:buy|order|purchase|sign up|subscribe|join|upgrade|commit)\b|\bplanning (?:to|on) (?:buy|order|get)/,
    /\bhow long (?:does|do|will|would) (?:the )?(?:shipping|delivery|it take to (?:ship|deliver)|orders? take)\b|\b(?:shipping|deliver(?:y)?)(?<!\b(?:my|our|change|changing|move|moving|reschedule|rescheduling|push|switch) (?:shipping|deliver|delivery)) to (?!(?:next|this|tomorrow|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the \d|\d|my|our|his|her|their|your|work|home|office|a neighbou?r)\b)(?:[a-z]+)\b[^.!?]*\?/,
    /\bdo (?:you|u|ya|y'?all)(?: guys| folks| all| people)? (?:ship|deliver|sell|offer|have|stock|do|make|carry|fix|repair|service|take)\b|\bcan (?:i|you) (?:ship|deliver) to\b|\b(?:looking|want(?:ing)?|hoping|going|wanting) to (?:buy|order|purchase|get one|get some|gift)\b|\binterested in (?:buying|ordering|getting)\b|\bconsidering (?:buying|ordering|getting)\b|\bbefore (?:buying|ordering|purchasing)\b/,
    /\b(?:are|is) (?:your|the|these|this|those) [\w -]{2,30}\b(?:vegan|waterproof|organic|compatible|safe|available|washable|dishwasher safe|machine washable|made (?:of|in|from)|suitable|gluten[- ]free|recyclable|in stock)\b|\bwhat (?:sizes?|colou?rs?|materials?) (?:do|does|are|is)\b|\bdo (?:they|these|those|it) come in\b/,
    /\b(?:does|will|would) (?:it|the [\w -]{2,30}|this|that) (?:fit|work with|come with|hold|support)\b/,
    /\benvian a\b|\bliefern sie nach\b|\blivrez-vous\b|\bvoces entregam\b/,
  ),
  // --- returns ---
  c(
    'return',
    2.5,
    false,
    true,
    ['send an item back', 'returns', 'return'],
    // Handing back a hire car or its keys ends a rental; "devolver el dinero" is money back; "me renvoyer la facture"
    // resends a paper: none sends an item back.
    /\breturn(?:s|ing|ed)?\b(?! (?:policy|policies|window|date|flight|trip|journey|leg|ticket|train|fare|visit)s?\b)(?! (?:(?:the|my|our|a|your) )?(?:rental|hire|car|van|vehicle|keys|money|deposit)\b)/,
    /\bsend (?:an item|it|them|this|these|the (?![\d$€£]|(?:money|amount|difference|fee|charge|payment|deposit|extra)\b)[\w-]+|my (?![\d$€£]|(?:money|deposit|payment)\b)[\w-]+) back\b|\bsend(?:ing)? back\b|\bbring (?:it|them) back\b|\bgive (?:it|them) back\b/,
    /\b(?:devolver|devolucion|devolucao|zuruck(?:schicken|senden|geben)|zuruckgeschickt|zuruckgesendet|retour(?:ner)?|renvoyer|renvoye|renvoyee|retourne|retournee)\b(?!(?:me|nos|le|les)? (?:(?:el|la|los|las|o|a|os|as|das|den|die|le|la|les|mon|mi|meu|mes|mis|du|del|de|do|da) )?(?:dinero|dinheiro|importe|valor|geld|betrag|argent|montant|coche|carro|auto|vehiculo|veiculo|voiture|wagen|mietwagen|llaves|chaves|cles|schlussel|deposito|caution|kaution|factura|fatura|rechnung|facture|e-?mail|mail|courriel|lien|link|codigo|code|confirmation|recu|recibo|quittung|beleg|mot de passe)\b)/,
  ),
  c(
    'exchange',
    2.5,
    false,
    true,
    ['exchange'],
    /\b(?:trocar|cambiar|echanger|tauschen)\b(?:\s+\S+){0,3}\s+(?:por|contre|pour|gegen)\b|\b(?:tamanho|talla|taille|gro(?:ss|ß)e|nummer) (?:maior|menor|mas grande|mas pequena|plus grande|plus petite|gro(?:ss|ß)er|kleiner)\b|\bexchang(?:e|ed|ing)\b|\bswap (?:it|them|for)\b|\b(?:bigger|smaller|larger|different) size\b|\bcambiar por\b|\bumtausch|\bechanger\b|\btrocar\b/,
  ),
  c(
    'wrong_item',
    3,
    true,
    false,
    ['wrong item'],
    /\bwrong (?:item|product|colou?r|size|model|one|power|strength|prescription|flavou?r|scent|shade|edition|variant)\b|\bsomeone else'?s (?:order|parcel|package|item|box)\b|\b(?:received|got|sent me) (?:the |a )?wrong (?:order|parcel|package|box)\b|\bnot what i ordered\b|\bdifferent (?:item|colou?r) than\b|\b(?:sent|received|got|shipped) (?:me )?(?:two|2|three|an extra|extra|a duplicate|duplicates|double)\b(?! (?:orders?|accounts?|bookings?|subscriptions?|questions?|things|issues|problems|e-?mails?|messages?|kids|children|weeks|days|months|years|pets|cats|dogs)\b)(?! (?:[\w-]+ )?(?:gift ?cards?|vouchers?|e-?gift cards?|tickets|coupons?|codes|presents)\b)|\bonly ordered (?:one|1)\b|\b(?:never|didn'?t) order(?:ed)? (?:this|that|these|it|them)\b|\binstead(?<!\b(?:charg|bill|pa|pai|debit)\w*\b[^.!?]{0,40}instead|[$€£]\s?\d[\d.,]*[^.!?]{0,20}instead|\d(?: ?(?:euros?|dollars?|pounds?|eur|usd|gbp))[^.!?]{0,20}instead) of (?:(?:the|my)\b|\d+\b(?! ?(?:days?|weeks?|months?|hours?|minutes?|years?|working|business)\b)[^.!?]{0,60}\b(?:i|we) (?:got|received|were sent|was sent)\b)|\b(?:came|arrived|got|received|sent)\b[^.!?]{0,25}\bbut (?:i|we) (?:ordered|asked for|wanted|picked|chose|paid for)\b|\b(?:came|arrived|got it|received it|sent it|is) in (?:the )?(?:wrong|another|a different) (?:colou?r|size|style|model)\b|\ben otro color\b|\bde otro color\b|\bem outra cor\b|\bin einer anderen farbe\b|\bdans une autre couleur\b|\b(?:otra|outra|andere|autre) (?:talla|tamanho|grosse|taille)\b/,
  ),
  c(
    'doesnt_fit',
    3,
    false,
    false,
    ["don't fit"],
    /\btoo (?:small|big|large|tight|loose|short|long)\b|\b(?:doesn'?t|don'?t|didn'?t|does not|do not) fit\b|\bway (?:bigger|smaller) than\b|\bbigger than (?:we|i) thought\b/,
    /\bdemasiado (?:pequen|grande)|\bzu (?:klein|gro(?:ss|ß)|eng)(?![a-z])|\btrop (?:petit|grand)|\bmuito (?:pequen|grande)/,
  ),
  c(
    'not_liked',
    3,
    false,
    false,
    ["aren't liked", "don't want"],
    /\b(?:don'?t|do not|didn'?t) (?:like|want|love) (?:it|them|the)\b(?! (?:other|rest|replacement|same|hassle|risk)\b)|\bnot what (?:i|we) expected\b|\bnothing like (?:the )?(?:website|picture|photo|listing)s?\b|\b(?:aren'?t|isn'?t|not) liked\b|\bcan'?t stand it\b|\bcolou?r (?:is|looks) (?:really )?(?:different|off)\b|\bdon'?t want\b(?= for an item| it)/,
    /\b(?:does ?n'?t|does not|don'?t|do not|didn'?t) (?:really )?(?:match|suit|go with|look like)\b(?! (?:my|the|our|your|what'?s (?:on|in)) (?:passport|id|records?|account|name|details|invoice|bank|statement|booking|system|email|address))|\bchanged (?:my|our) minds?\b|\b(?:don'?t|do not|no longer) (?:need|want) (?:it|them|this|these)\b(?!\s+(?:to )?(?:happen\w*|again|occur\w*)\b)|\bnot (?:for me|my style|as pictured)\b/,
    // "she hates the rainbow one and wants the pastel one": disliked, and another variant wanted.
    /\b(?:hates?|hated|dislikes?|disliked|can'?t stand) the (?:\w+ ){0,2}(?:one|colou?r|style|design|pattern|version|model|shade)\b|\b(?:want|wants|wanted|prefer|prefers|rather have) the (?:\w+ ){1,2}one(?: instead)?\b(?! (?:back|refunded))/,
    /\bno me gusta\b|\bgefallt mir nicht\b|\bne me plait pas\b|\bnao gostei\b|\bcambie de opinion\b|\bchange d'avis\b|\bmudei de ideia\b/,
  ),
  // --- defects ---
  c(
    'faulty',
    3,
    true,
    true,
    ['faulty'],
    // "começou a fazer um barulho horrível", "it's making a racket", "para a meio da moagem", "keeps jamming": a machine
    // that makes noise, stops part-way or jams is faulty, said in any of the languages read.
    /\b(?:mak(?:e|es|ing)|made|fazer|faz|fazendo|hace|haciendo|fa|fare|macht|machen|fait|faire|maakt)\b (?:(?:a|an|um|uma|un|una|ein|einen|eine|een|this|that|some|such a|so much|un tel)\b )?(?:[\w']+ )?(?:noise|noises|racket|barulho|ruido|rumore|gerausch\w*|krach|bruit|lawaai|kabaal)\b|\bstops? (?:halfway|half-way|midway|mid-way|part ?way|mid-\w+)\b|\b(?:para|pare|parou) (?:a|no) meio\b|\bse (?:para|detiene) a (?:la )?mitad\b|\bs'arrete (?:au milieu|a mi-\w+)\b|\b(?:hort|bleibt)\b[^.!?]{0,20}\bmittendrin\b|\bsi (?:ferma|blocca) a meta\b|\b(?:keeps?|kept|constantly|always) jamm\w*|\bjamming\b|\bpaper jams?\b/,
    /\bfaulty\b|\bdefective\b|\bdefect\b|\b(?:came|fell|broke|snapped|peeled) (?:off|apart|loose)\b|\b(?:come|comes|coming|came|worked|working) (?:undone|unstitched|unglued|unstuck|loose|apart)\b|\b(?:lens(?:es)?|glasses|spectacles|camera|screen|display|monitor|projector|viewfinder|binoculars|everything)\b[^.!?]{0,30}\b(?:blurry|blurred|out of focus)\b|\b(?:blurry|blurred) (?:out of|through|with) (?:it|them|the)\b|\b(?:come|comes|coming|came|pulled|pulling|peeling|peeled) away from (?:the |its )?(?:\w+ )?(?:fabric|seams?|soles?|base|frame|wall|body|stitching|lining|material|backing|upper|strap|handle)\b|\bstopped (?!(?:going out|sending|syncing|updating|loading|showing)\b)(?:working|charging|turning on|\w+ing)\b|\b(?:won'?t|doesn'?t|does not|will not) (?:spin|heat|cool|start|power|respond|pair|connect to (?:the )?app)\b|\bno longer (?:works|charges|turns on)\b|\bwon'?t (?:turn on|charge|power on)\b|\bdoesn'?t (?:light up|charge|turn on|power on)\b/,
    /\bsmells? (?:\w+ ){0,2}(?:of|like|bad|weird|funny|awful|terrible|horrible)\b|\bdrains?\b[^.!?]{0,20}\b(?:fast|quickly|overnight|in (?:a|an|one|\d+|half a) (?:day|hour|hours))\b|\bkeeps? (?:dropping|losing) (?:the )?(?:connection|signal|wifi|wi-fi|bluetooth)\b|\b(?:weird|strange|loud|grinding|rattling|buzzing) (?:noise|sound)\b|\bturns? (?:itself )?off (?:by itself|on its own)\b|\bshuts? (?:itself )?off\b/,
    /\bprinted (?:upside down|wrong|crooked|blurry|off-?centre|off-?center|backwards|in the wrong)\b|\bupside down\b|\bmisprint\w*|\b(?:smudged|stained|torn|ripped|faded|peeling|leak(?:s|ing|ed)?|chipped|bent|rust(?:y|ed)|mou?ldy|misprinted|frayed|fraying|flaking|pilling|bobbling|warped|delaminat\w*|discolou?red|wobbly|wobbles|jammed|flicker(?:s|ing)?|dead pixels?|won'?t (?:close|open|lock|stay on|hold a charge)|doesn'?t work properly|poor quality|falling apart|fell apart|came apart|loose (?:screw|part|handle|button)s?)\b|\bse (?:ha |han )?(?:despegado|descosido|soltado)s?\b|\bdescosid[oa]s?\b|\bs'est (?:decousu|decolle|detache)e?s?\b|\bdecousue?s?\b|\bhat sich (?:\w+ )?(?:gelost|abgelost)\b|\bnaht (?:ist )?(?:aufgegangen|gerissen|offen)\b|\bdescol(?:ou|ad[oa]s?)\b|\bdescosturad[oa]s?\b|\bsi e (?:staccat|scucit)[oa]\b|\bscucit[oaie]\b/,
    // "the print is way off, the logo is shifted left and cut off": a print job that came out wrong is the product's
    // fault, said in every language read.
    /\b(?:print|printing|logo|artwork)\b(?: is| was| are|'s)? (?:\w+ )?(?:way |slightly |completely )?(?:off|shifted|misaligned|crooked|skewed|cut off|off-?cent(?:re|er)|blurry|pixelated|faded|smudged)\b|\b(?:impresion|estampado|logo|diseno)\b[^.!?]{0,15}\b(?:torcid|movid|desplazad|cortad|borros|desalinead)\w*|\b(?:druck|aufdruck|logo)\b[^.!?]{0,15}\b(?:verschoben|schief|unscharf|verwaschen|abgeschnitten)\b|\b(?:impression|logo|motif)\b[^.!?]{0,15}\b(?:decale|de travers|flou|coupe|mal centre)\w*|\b(?:impressao|estampa|logo)\b[^.!?]{0,15}\b(?:tort|desalinhad|borrad|cortad|desfocad)\w*|\b(?:stampa|logo)\b[^.!?]{0,15}\b(?:stort|spostat|sfocat|tagliat)\w*|\b(?:print|opdruk|logo)\b[^.!?]{0,15}\b(?:scheef|verschoven|wazig|afgesneden)\b/,
    // "plusieurs pages sont floues et décalées", "the prints came out blurry": printed pages with the same fault.
    /\b(?:pages?|prints?|printed|printing|impression|imprime\w*|paginas?|seiten|druck\w*|gedruckt|impressao|impress[oa]s?|stampa|stampat\w*|afdruk\w*|gedrukt)\b[^.!?]{0,40}\b(?:blurry|blurred|out of focus|misaligned|smudged|smeared|faded|streaky|(?:really |very |much |way )?too (?:dark|light)|(?:printed|came out) (?:really |very |way )?(?:dark|light)|washed out|lines? (?:across|through|down)|floue?s?|decalee?s?|baveu\w*|borros[oa]s?|desenfocad[oa]s?|desalinead[oa]s?|borrad[oa]s?|desfocad[oa]s?|desalinhad[oa]s?|unscharf|verschwommen|verrutscht|verschmiert|sfocat[oaie]|disallineat[oaie]|sbavat[oaie]|wazig|onscherp|scheef|uitgelopen)\b/,
    // "two of the plants have mealybugs", "the flour is full of weevils": goods that came with pests.
    /\b(?:mealy ?bugs?|aphids?|spider mites?|thrips|scale insects?|fungus gnats?|weevils?|maggots?|larvae|moths? in)\b|\binfest(?:ed|ation)\b/,
    /\bne (?:\w+ |s'\w+ )?plus\b(?! (?:besoin|envie))|\bya no (?!quiero|necesito|me |lo |la |los |las |te )\w+|\b(?:geht|ladt|lauft|heizt|startet|funktioniert|springt)\b[^.!?]{0,12}\bnicht mehr\b|\bnao (?:liga|carrega|funciona|aquece) mais\b|\bno longer (?:\w+s|works?)\b|\bse (?:rompio|daño|dano|apaga|atrasa|adelanta|traba|calienta|cuelga|desconecta)\b|\b(?:runs|running) (?:slow|fast)\b|\b(?:loses|gains) (?:\d+ )?(?:minutes|time)\b|\b\w+t (?:\w+ )?nicht mehr\b|\b(?:lautes?|seltsames?|komisches?) gerausch|\bruido (?:fuerte|extrano)\b|\bbruit (?:bizarre|etrange|fort)\b|\bbarulho (?:estranho|alto)\b|\bya no funciona\b|\bdejo de funcionar\b|\bruido raro\b|\bse apaga sol[ao]\b|\bfunktioniert nicht mehr\b|\bdefekt\b|\bgrietas?\b|\bagrietad[oa]s?\b|\bcojea\b|\bwackel\w*|\bdefectos?\b|\bdefectuos[oa]s?\b|\btrincad[oa]s?\b|\bbancal\b|\bne (?:fonctionne|marche) plus\b|\b(?:doesn'?t|does not|isn'?t|is not|not) respond(?:ing)?\b|\bunresponsive\b|\bnao (?:pega|responde)\b|\bno responde\b|\breagiert nicht\b|\bne (?:repond|reagit) (?:plus|pas)\b|\bdefectueux\b|\bparou de funcionar\b|\bnao funciona mais\b|\bdefeito\b|\bdefeituos/,
  ),
  c(
    'broken',
    3,
    true,
    true,
    ['broken'],
    /\bbroken\b|\bbroke\b|\bsnapped\b|\bshattered\b|\bcracked\b|\brotos?\b|\b(?:esta|estan|llego|llegaron|vino|vinieron|quedo|salio|chegou|veio|ficou|veio) rotas?\b|\brotas? (?:y|e|con|com)\b|\bkaputt\w*|\bcassee?s?\b|\bquebrad[oa]s?\b|\bzerbrochen\b|\bgebrochen\b|\bfissure\w*|\brachad[oa]s?\b/,
  ),
  c(
    'damaged',
    3,
    true,
    true,
    ['damaged', 'cracked', 'physical damage'],
    // "half the lilies are brown and drooping": cut flowers and plants that came dying are spoiled goods.
    /\b(?:wilted|wilting|withered|drooping|droopy|verwelkt\w*|marchit[oa]s?|murch[oa]s?|fanee?s?|appassit[oaie]|verlept)\b|\bdead (?:flowers|plants?|roses|lilies|tulips|stems)\b/,
    /\b(?:a|an|big|small|huge|large|little|deep|long) (?:\w+ ){0,2}(?:tear|rip|hole|stain|dent|scratch|crack|chip|gash|split|scuff)s? (?:in|on|across|along|down)\b|\barrived (?:with|in)\b[^.!?]{0,25}\b(?:tears?|rips?|holes?|stains?|dents?|scratch(?:es)?|chips?|cracks?|damage|pieces)\b/,
    // "my card expired", "the licence has expired": a card or a credential running out, not spoiled goods.
    /\bdamaged?\b|\bcracked\b|\bdented\b|\bscratched\b|\b(?:smashed|crushed|squashed|split (?:open|down|along)|burst|punctured|shattered|spilled|spilt|leaking|soggy|melted|rotten|spoiled|spoilt|mouldy|moldy|(?<!\b(?:card|password|subscription|licen[cs]e|link|code|token|certificate|cert|plan|membership|trial|passport|visa|session|account)s? (?:(?:for|on|of) (?:the )?[\w-]+ )?(?:has |had |have |is |was )?(?:just |already )?)expired)\b|\barrived (?:split|open|torn|ripped|broken|crushed|smashed|leaking)\b|\bdanad[oa]s?\b|\bbeschadigt\w*|\bendommage\w*|\babime\w*|\bdanificad[oa]s?\b|\bamassad[oa]s?\b|\braye\w*|\brayad[oa]s?\b|\bzerkratzt\b|\bdechire\w*|\bfelee?s?\b|\becrase\w*|\brasgad[oa]s?\b|\baplastad[oa]s?\b|\bzerrissen\b|\b(?:ein|zer)gedruckt\b|\bzerdruckt\b|\bgescheurd\b|\bbeschadigd\b/,
  ),
  c(
    'missing_parts',
    3,
    true,
    false,
    ['missing parts'],
    /\bmissing (?:the |its |their |a |one )?(?:\w+ )?(?:lid|part|parts|piece|pieces|screw|screws|cable|charger|component|accessor\w+|manual|hinges?|bolts?|fittings?|hardware|(?:hinge|screw|bolt|fitting|parts|hardware) (?:bag|pack|kit))\b|\b(?:no |without (?:the |a |any )?)(?:bag|pack|packet|box|set) of (?:hinges|screws|bolts|fittings|parts|dowels|nuts)\b|\b(?:is|was|were|are|it'?s|came|arrived) missing (?:stuff|things|items?|some|an? |two|three|\d|half)\b|\b(?:items?|things|stuff|ingredients?|products?) (?:were |are |is |was )?missing\b|\bmissing parts\b|\b(?:lid|part|piece|screws?) (?:was|is|were|are) missing\b|\bwithout the lid\b/,
    // "2 of the 4 meals are missing", "the salmon and the risotto aren't in the box": part of what was bought not there.
    /\b\d+ (?:of|out of) (?:the |my |our )?\d+ [\w-]+ (?:are|were|is|was) missing\b|\b[\w-]+s (?:are|were) missing (?:from|in)\b|\b(?:aren'?t|weren'?t|isn'?t|wasn'?t|are not|were not) in the (?:box|bag|parcel|package|delivery|kit|set)\b/,
    /\bfalta(?:ba)? (?:la|el|una|un) (?:tapa|pieza)\b|\b(?:deckel|teil) fehlt\b|\bil manque\b|\bfaltando\b/,
  ),
  c(
    'unsafe',
    4,
    true,
    true,
    ['unsafe', 'safety hazards'],
    /\bspark(?:s|ing|ed)?\b|\bburn(?:ing|t|ed)? (?:smell|plastic)\b|\bsmell(?:s|ed)? (?:like )?burn|\bsmok(?:e|ing)\b|\bcaught fire\b|\bfire (?:risk|hazard)\b|\bon fire\b|\bscorch|\boverheat|\bswollen\b|\bswelling\b|\bbulging\b|\belectric shock\b|\bunsafe\b|\bsafety hazards?\b|\bexplod|\b(?:could|might) have been (?:hurt|injured|killed|burned|electrocuted)\b|\binjur(?:y|ies|ed)\b|\bdangerous\b|\bchoking hazard\b|\b(?:nearly|almost|could have) (?:swallow|chok|fell|cut|burn|electrocut)\w*|\bswallowed\b/,
    // "the harness buckle on our car seat won't latch, it pops open", "the brakes on the stroller gave way": what keeps a
    // child or a rider safe failing.
    /\b(?:car seat|child seat|booster|harness|buckle|helmet|stroller|pram|pushchair|buggy|cot|crib|highchair|high chair|brakes?|stair gate|baby gate)\b[^.!?]{0,40}\b(?:won'?t (?:latch|lock|hold|stay (?:closed|locked))|(?:doesn'?t|does not) (?:latch|lock|hold)|pops? open|comes? undone|came undone|gave way|gives way|collaps\w*)\b|\bchoking hazard\b|\bsafety (?:issue|risk|problem|concern)\b|\b(?:snapped|broke|came off|fell off|collapsed|gave way|tipped over|came apart|came loose|folded up)\b[^.!?]{0,50}\b(?:baby|child|kid|toddler|son|daughter|infant|little one|someone|somebody|i|he|she|we) (?:was|were) (?:still )?(?:in|on|inside|sitting|riding|standing)\b(?! (?:at|by|near|next to|in front of)\b)|\bwith (?:my |our |the )?(?:baby|child|kid|toddler|son|daughter|infant|little one) (?:still )?(?:in|on) it\b/,
    // Hot enough to be a hazard, and the Dutch words for burning smell, smoke and sparks.
    /\b(?:extremely|dangerously|burning|scalding|scorching|red|glowing) hot\b|\bhot\b[^.!?]{0,25}\b(?:while|when) (?:charging|plugged in)\b|\bbrandlucht\b|\bbrandgeur\b|\bgloeiend heet\b|\brookt?\b|\bvonken\b/,
    /\bchispa|\bhumo\b|\bquemad|\bfunken|\brauch\b|\bbrandgeruch\b|\betincelle|\bfumee\b|\bbrule\b|\bfaisca|\bfumaca\b|\bqueimad/,
    // "my face is red raw and blistering", "my GP says it's a chemical burn": a product that injured the user.
    // "the front brake barely works", "someone else is going to get hurt on it", "I nearly went into a junction": what
    // stops a rider failing, and harm the customer sees coming.
    /\bbrakes?\b[^.!?]{0,30}\b(?:barely|hardly|basically|doesn'?t|don'?t|does not|do not|isn'?t|aren'?t|won'?t|never) (?:[\w']+ )?(?:work|works|working|stop|stops|catch|grip|grips|engage)\b|\bbrakes? (?:failed|fail|have gone|went)\b|\b(?:someone|somebody|a kid|a child|people) (?:else )?(?:is going to|is gonna|will|could|might) (?:get|be) (?:hurt|injured|killed)\b|\b(?:nearly|almost) (?:crashed|got hit|was hit|went into (?:a|the)|ran into (?:a|the)|fell off|came off)\b/,
    /\bchemical burns?\b|\bblister(?:s|ed|ing)\b|\ballergic reaction\b|\b(?:skin|face|scalp|eyes?|lips|hands?)\b[^.!?]{0,15}\b(?:red raw|burning|blistering|peeling off|swollen shut)\b/,
  ),
  // --- accounts ---
  c(
    'login',
    3,
    true,
    false,
    ['login', 'lock-outs'],
    /\b(?:error|fails?|failing|falla|fehler|erreur|erro)\b[^.!?]{0,40}\b(?:iniciar sesion|log ?in|sign ?in|anmeld\w*|einlogg\w*|me connecter|connexion|entrar|acessar|logar)\b/,
    /\b(?:can'?t|cannot|can not|unable to) (?:approve|complete|pass|get past|accept) (?:the |my )?(?:(?:push|prompt|request|notification)e?s? (?:to|for) )?(?:sign-?ins?|log-?ins?|mfa|2fa|verification|sign in|log in)\b/,
    /\b(?:can'?t|cant|cannot|can not|unable to|couldn'?t|won'?t let me|not able to) (?:log ?in(?:to)?|login|sign ?in(?:to)?|get (?:in|into)|access (?:my|the) account)\b|\b(?:won'?t|doesn'?t|does not|will not|wouldn'?t) let me (?:in|into (?:my |the )?(?:account|profile))\b/,
    /\b(?:can'?t|cannot|can not|unable to|couldn'?t) reset (?:my |the )?password\b|\binvalid (?:token|reset link|link)\b|\b(?:link|token) (?:is |has )?(?:expired|invalid)\b|\bforgot (?:my |the )?password\b|\bpassword (?:has )?expired\b|\breset (?:e-?mail|link|code)s? (?:is ?n'?t|are ?n'?t|not|never|doesn'?t|don'?t|won'?t)\b|\b(?:passwort|kennwort) vergessen\b|\bolvide (?:mi )?contrasena\b|\boublie (?:mon )?mot de passe\b|\besqueci (?:a |minha )?senha\b|\bkommt nicht an\b|\bno (?:me )?llega\b|\bn'arrive pas\b(?! a\b)|\bnao chega\b/,
    // "he needs a CargoWise login", "SAP access and a login for MES": a login asked for is a request, not one failing.
    /\blog ?in (?:problems?|issues?)\b|(?<!\b(?:needs?|wants?|request(?:s|ed|ing)?|set(?:ting)? up|creat(?:e|ing)|giv(?:e|ing)|get(?:ting)?|new|own|and an?|plus an?) (?:an? )?(?:[\w-]+ )?)\blogin\b|\blocked out\b|\block-?outs?\b|\bget into (?:my|the) account\b/,
    /\bno puedo (?:entrar|iniciar sesion|acceder)\b|\bkomme? nicht (?:mehr )?(?:in|rein)\b|\bkann mich\b[^.!?]{0,25}\bnicht\b[^.!?]{0,12}\b(?:einloggen|anmelden)\b|\b(?:einloggen|anmelden|login) (?:geht|klappt|funktioniert) nicht\b|\bpeux pas (?:me connecter|acceder)\b|\bn'arrive pas a (?:me|nous) connecter\b|\bnao consigo (?:entrar|acessar|logar)\b/,
  ),
  c(
    'password',
    2,
    false,
    false,
    ['password', 'passwords'],
    /\bpasswords?\b|\breset link\b|\bcontrasena\b|\bpasswort\b|\bkennwort\b|\bmot de passe\b|\bsenha\b/,
  ),
  c(
    'two_factor',
    3,
    true,
    false,
    ['2fa', 'lock-outs'],
    /\b2fa\b|\btwo[- ]factor\b|\bmfa\b|\bauthenticator\b|\bverification code\b|\b(?:okta verify|duo (?:push|mobile))\b|\bapprove the push\b|\bpush (?:notification|prompt)s? to (?:sign|log) in\b|\bzwei-?faktor|\bauthentification a deux\b|\bdois fatores\b|\bdoble factor\b/,
  ),
  c(
    'locked',
    3,
    true,
    false,
    ['locked', 'lock-outs'],
    /\b(?:account|profile) (?:is |was |got |has been )?(?:locked|blocked|suspended|disabled)\b|\blocked (?:out|account)\b|\block(?:ed)? out\b|\blocked\b(?= or hacked)/,
    /\bcuenta (?:esta )?bloqueada\b|\bkonto (?:ist )?gesperrt\b|\bcompte (?:est |a ete )?(?:bloque|verrouille|suspendu|desactive)\b|\bconta (?:esta |foi )?bloqueada\b/,
  ),
  c(
    'hacked',
    3,
    true,
    false,
    ['hacked'],
    /\bhacked\b|\bsomeone (?:else )?(?:logged|got) into my\b|\bhackead|\bgehackt\b|\bpirate\b/,
  ),
  // "me di cuenta", "tenir compte", "dar-se conta": to realise / take into account, not an account.
  c(
    'account',
    1,
    false,
    false,
    ['accounts'],
    /(?<!\b(?:left|came out of|went out of|debited from|taken from|deducted from|bank) (?:my |our |the )?)\baccounts?\b|(?<!\b(?:dar|doy|di|dado|das|da|dio|dimos|darse|dando) )\bcuenta\b|\bkonto\b|(?<!\b(?:tenir|tient|tenu|en|pris en) )\bcompte\b|(?<!\b(?:dar|dei|deu|dou|dar-se|dei-me|me dei|se deu|dando|por) )\bconta\b/,
  ),
  // --- software ---
  c(
    'app',
    1,
    false,
    false,
    ['app', 'website', 'software', 'applications'],
    /\bapps?\b|\bapplications?\b|\bwebsite\b|\bsoftware\b|\bweb ?site\b|\bsite\b|\baplicacion\b|\banwendung\b|\blogiciel\b|\baplicativo\b/,
  ),
  c(
    'error',
    1.5,
    true,
    true,
    ['errors', 'malfunctioning'],
    /\bsomething went wrong\b|\bkeeps? (?:getting|showing|giving) (?:an? |this |the )?(?:error|message)\b|\berrors?\b|\bfail(?:s|ed|ing|ure)?\b|\bbug\b|\bglitch|\bspins? forever\b|\bwon'?t load\b|\bnot loading\b|\bfehler\b|\berreur\b|\berro\b|\bfalla\b/,
  ),
  c(
    'crash',
    3,
    true,
    true,
    ['crashes', 'malfunctioning'],
    /\b(?:keeps?|is) (?:cutting out|dropping out|lagging|stuttering|buffering|glitching)\b|\b(?:audio|sound|video|mic|microphone) (?:keeps? )?(?:cuts?|cutting) out\b|\blogs? (?:me|us) out\b|\bkeeps? (?:logging (?:me )?out|closing|restarting|refreshing|reloading|resetting|spinning|loading|quitting)\b|\bcrash(?:es|ed|ing)?\b|\bfreez(?:e|es|ing)\b|\bfroze\b|\bhangs\b|\bstuck on (?:loading|the|['"]?(?:connecting|starting|updating|signing in|syncing|initiali[sz]ing|preparing|please wait))\b|\bse cierra\b|\bsturzt\b(?:\s+\w+){0,6}\s+ab\b|\babgesturzt\b|\bplante\b|\btrava\b/,
  ),
  c(
    'outage',
    2,
    true,
    false,
    ['outages'],
    /\b(?:is|are|went|goes|been|seems?) (?:\w+ )?down\b|\b[a-z0-9]+'s (?:all |completely |totally )?down\b(?! (?:to|the|there|here|by|from|for|with|on|in|at)\b)|\boutage\b|\bnot loading for (?:anyone|everyone)\b/,
  ),
  c('sync', 2, true, false, ['sync'], /\bsync(?:ing|ed|s|d|hroni[sz]\w*)?\b|\bsincroni|\bsynchroni/),
  c('integration', 2, false, false, ['integrations'], /\bintegrations?\b|\bintegracion|\bintegration\b/),
  c('export', 2, false, false, ['exports'], /\bexports?\b|\bexporting\b|\bexportar\b|\bexportieren\b|\bexporter\b/),
  // "the checkout agent signed it off", "checkout time is 11": a hire desk's or a hotel's check-out is no web checkout.
  c(
    'checkout',
    2,
    true,
    false,
    ['checkout errors'],
    /\b(?:checkout|check-out|check out)\b(?! (?:agent|desk|counter|staff|clerk|sheet|time|date|day)s?\b)/,
  ),
  c(
    'not_working',
    1,
    true,
    true,
    ["doesn't work"],
    /(?<!\b(?:\d+(?:st|nd|rd|th)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|date|day|time|slot|week|morning|afternoon|evening|weekend|that|this) )\b(?:doesn'?t|does not|don'?t|isn'?t|is not|not|won'?t) work(?:ing)?\b(?! for (?:me|us) (?:any ?more|then|on))|\bno funciona\b|\bfunktioniert nicht\b|\bne fonctionne pas\b|\bnao funciona\b/,
  ),
  // A malfunction of software or a service (not of a physical product): the option for features that don't work.
  c(
    'software_fault',
    3,
    true,
    false,
    ['software feature', 'malfunctioning applications'],
    // "SAP won't let me post invoices", "I can't open Teams", "reports won't refresh": software refusing to do its job.
    // "the app won't let me change it within 24h": a change refused by the rules is the change asked for, not a fault.
    /\b(?:won'?t|doesn'?t|does not|will not) let me\b(?! (?:change|cancel|modify|amend|move|edit|reschedule|rebook) (?:it|them|this|that|my|the)\b)|\b(?:can'?t|cannot|can not|unable to) (?:open|launch|start|run) (?!(?:the |my |a |this |that )?(?:door|lid|box|package|parcel|bottle|case|window|drawer|gate|garage|boot|trunk|car)\b)|\b(?:won'?t|doesn'?t|will not|does not|fails? to) (?:refresh|reload|save|export|upload|download|install|launch)\b/,
    // "the CRM is down", "the intranet went down": a system being down is software failing, not a faulty item.
    /\b(?:crm|erp|intranet|portal|system|app|application|website|site|server|platform|database|extranet|wiki|ticketing|booking system|till system|pos)\b[^.!?]{0,10}\b(?:is|are|went|seems|'s|has been|keeps going) (?:\w+ )?down\b/,
    /\b(?:problem|issue|bug|glitch|fault)s? (?:with|in|on) (?:the |your |my |our )?(?:[\w-]+ )?(?:app|website|site|portal|dashboard|software|platform|system)\b|\b(?:shows?|showing|displays?|displaying)\b[^.!?]{0,30}\b(?:wrong|incorrect(?:ly)?|blank|an hour (?:later|earlier)|twice|duplicated?)\b/,
    /\b(?:no|lost|without) (?:phone |mobile |cell )?(?:service|signal|calls? or data|data or calls?)\b|\b(?:can'?t|cannot|can not|unable to) use (?:the |your |my )?(?:service|app|site|website|platform|portal|dashboard)\b|\bsim (?:card )?(?:not valid|invalid|no valida|ungultig|non valide|nao valid[oa]|invalida)\b|\b(?:no tengo|sin|sem|kein|keinen|pas de|plus de) (?:servicio|servico|netz|empfang|reseau|service|sinal|senal)\b/,
    // "my ticket isn't showing in the app", "no aparece en la app", "wird in der App nicht angezeigt": what was bought or
    // saved missing from the software that should show it. Money not showing yet is a refund or payment awaited.
    /\b(?:isn'?t|isnt|is not|aren'?t|arent|are not|doesn'?t|doesnt|does not|don'?t|dont|do not|won'?t|wont|not|never|no longer)(?<!\b(?:refunds?|money|payments?|credit|deposit|funds|transfer|reembolso|dinero|erstattung|geld|remboursement|argent|dinheiro|rimborso|terugbetaling)\b[^.!?]{0,40})\s+(?:showing|show(?:ing)? up|appear(?:ing)?|displaying|visible)\b[^.!?]{0,30}\b(?:in|on)\s+(?:the |my |your |our )?(?:[\w-]+ )?(?:app|website|site|portal|dashboard|account)\b|\bno (?:me )?aparece(?:n)? en (?:la|mi) (?:app|aplicacion|web|cuenta)\b|\b(?:in der app|im konto|im portal|auf der website)\b[^.!?]{0,30}\bnicht (?:angezeigt|zu sehen|sichtbar)\b|\bn'appara(?:i|î)t (?:pas|plus) dans (?:l'app\w*|mon compte|le site)\b|\bnao aparece no (?:app|aplicativo|site)\b|\bnon (?:compare|appare) nell'app\b|\bverschijnt niet in de app\b/,
    // "our card readers are all offline", "Payment service unavailable": the service a business runs on is down.
    /\b(?:service|server|gateway|system|platform|api)s? (?:is |are |was |were )?(?:currently )?(?:unavailable|not available)\b|\b(?:card )?(?:readers?|terminals?|tills?|kiosks?|scanners?) (?:are|is|went|keep going|keeps going|have gone|has gone) (?:all )?offline\b/,
    // "none of our recurring invoices went out", "our SMS reminders stopped going out": a business's sending feature
    // failing.
    /\bnone of (?:our|the) (?:\w+ )?(?:invoices|emails|e-mails|reminders|notifications|newsletters|campaigns|messages|texts)\b[^.!?]{0,20}\b(?:went out|were sent|got sent|was sent|arrived|got delivered)\b|\b(?:our|the) (?:recurring |scheduled |automatic |automated |sms |text |email )?(?:invoices|emails|e-mails|reminders|notifications|newsletters|campaigns|texts|sms)\b[^.!?]{0,20}\b(?:didn'?t|did not|haven'?t|have not|never|weren'?t|were not|aren'?t|are not|stopped|stop)\b[^.!?]{0,10}\b(?:go out|gone out|going out|sent|sending|being sent)\b/,
  ),
  // --- orders ---
  c(
    'order_change',
    3,
    false,
    false,
    ['modify'],
    /\b(?:change|changing|update|updating|modify|modifying|edit|correct|amend|switch|swap) (?:the |my |an |our |this )?(?:delivery |shipping )?(?:address|order|size|quantity|items?|delivery date|colou?r)\b(?! (?:back|for a refund))/,
    /\b(?:is it|am i|are we) (?:too late|still able|still possible) to (?:change|swap|switch|modify|cancel|move|add|remove|amend|edit)\b|\b(?:swap|switch|change) (?:the |my )?(?:finish|colou?r|model|variant|version|fabric|material|storage)\b|\b(?:move|reschedule|push back|bring forward|rebook) (?:the |my |our )?delivery\b|\bdelivery (?:date )?(?:be |to be )?(?:moved|rescheduled|changed|pushed back)\b|\bname on (?:the |my )?(?:booking|ticket|reservation)\b[^.!?]{0,30}\b(?:doesn'?t match|wrong|misspel\w*|typo|incorrect)\b|\bkann ich (?:das|die bestellung|sie) noch (?:andern|aendern)\b/,
    // "I ordered the hoodie in L yesterday but I need an XL, can you change it?": an order asked to be changed.
    /\bordered\b[^.!?]{0,80}\b(?:can|could|would) (?:you|u) (?:please |pls )?(?:change|swap|switch|amend|update|modify) (?:it|that|this|them)\b/,
    // "can I move my hotel booking to different dates?", "reserva cambiar de fechas": a booking is an order whose
    // dates are its content.
    /\b(?:move|change|reschedule|rebook|shift|amend|modify|push back|bring forward) (?:my|the|our|this) (?:\w+ )?(?:booking|reservation)\b(?! (?:confirmation|email|number|reference|ref)\b)|\b(?:booking|reservation)\b[^.!?]{0,30}\bto (?:different|other|new|later|earlier) dates\b|\b(?:cambiar|modificar|mover|mudar|alterar|remarcar) (?:la |mi |a |minha )?reserva\b|\b(?:buchung|reservierung)\b[^.!?]{0,30}\b(?:umbuchen|verschieben|verlegen)\b|\bumbuchen\b|\b(?:modifier|deplacer|decaler|reporter) (?:ma |la |notre )?reservation\b|\b(?:spostare|modificare|cambiare) (?:la |il |mia |la mia )?(?:prenotazione|soggiorno)\b|\b(?:boeking|reservering)\b[^.!?]{0,30}\b(?:wijzigen|verzetten|verplaatsen|omboeken)\b|\bomboeken\b/,
    // A pickup, collection, appointment or rental moved before it is used: "move my car hire pickup from tomorrow to
    // Sunday", "aplazar la recogida", "die Buchung verschieben".
    /\b(?:move|moving|reschedule|rescheduling|rebook|rebooking|push back|bring forward|postpone|change|changing)\s+(?:my|the|our|this)\s+(?:[\w-]+\s+){0,2}(?:pick-?ups?|collection|booking|reservation|appointment|check-?in|rental)\b(?!\s+(?:confirmation|reference|ref|number|e-?mail|details|account))|\b(?:move|moving|reschedule|push back|bring forward|postpone|change)\s+(?:pick-?up|collection|check-?in|drop-?off)(?: time)?\s+(?:to|from|until|till)\b|\b(?:cambiar|mover|aplazar|pasar|retrasar|adelantar|posponer)\s+(?:la|mi)\s+(?:recogida|reserva|cita)\b|\b(?:mudar|alterar|adiar|remarcar|antecipar)\s+(?:a|minha)\s+(?:retirada|reserva|coleta|marcacao)\b|\b(?:deplacer|decaler|changer|modifier|reporter|avancer)\s+(?:ma|la)\s+(?:reservation|prise en charge|retrait|rendez-vous)\b|\b(?:abholung|buchung|reservierung|termin)\b[^.!?]{0,30}\b(?:verschieben|verlegen|umbuchen)\b|\b(?:spostare|cambiare|modificare|posticipare|anticipare)\s+(?:il|la|il mio|la mia)\s+(?:ritiro|prenotazione|appuntamento)\b|\b(?:ophaalmoment|boeking|reservering|afspraak)\b[^.!?]{0,20}\b(?:verzetten|verplaatsen|wijzigen|omboeken)\b/,
    // "can I move my flight from Fri 24 April to Sun 26 April?", "swap to the Saturday 26th matinee instead": what was
    // booked or ordered, asked to happen on another day before it does.
    /\b(?:move|moving|switch|swap|change|shift|reschedule|rebook|push|bring)\b(?: (?:it|them|(?:my|the|our|this|these) (?:[\w-]+ ){0,2}(?:flights?|tickets?|seats?|stay|trip|booking|reservation|appointment|delivery|box|order|class|lesson|session|table|tour|visit))|(?=[^.!?]*\binstead\b))(?: (?:back|forward))?(?: from [^.!?]{1,30})? to (?:the |a |an )?(?:[\w-]+ ){0,2}(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun) \d|january|february|march|april|june|july|august|september|october|november|december|\d{1,2}(?:st|nd|rd|th)\b(?! (?:floor|gen|generation|edition|version|row|place|grade|birthday|anniversary))|next (?:week|month))\b(?![^.!?]{0,15}\b(?:and it|but it|yet it|still)\b)/,
    // "can we skip next week's box?", "sauter la box du 7 mai", "die Lieferung nächste Woche aussetzen": a delivery of
    // a plan left out before it is sent.
    /\bskip(?:ping)? (?:the |my |our |this |next |a |one |an )?(?:week'?s |weeks'? |upcoming |next |coming )?(?:[\w-]+ )?(?:box|boxes|delivery|deliveries|shipment|order|kit)\b|\b(?:sauter|suspendre) (?:la|ma|une|les|mes) (?:prochaine )?(?:box|livraisons?|commande|colis)\b|\bsaltar(?:me)? (?:la|mi|una) (?:proxima )?(?:caja|entrega|box|pedido)\b|\b(?:lieferung|box)\b[^.!?]{0,25}\b(?:aussetzen|uberspringen|auslassen)\b|\bpular (?:a|minha|uma) (?:proxima )?(?:caixa|entrega|box)\b|\bsaltare (?:la|una) (?:prossima )?(?:consegna|box|scatola)\b|\b(?:levering|box)\b[^.!?]{0,20}\boverslaan\b/,
    // "I have a booking in May and need to make a few changes": changes asked for an existing booking or order.
    /\b(?:booking|reservation|order|reserva|buchung|bestellung|commande|pedido|prenotazione|boeking)\b[^.!?]{0,60}\b(?:make|making) (?:a |a few |some |several |two |a couple of )?(?:small |quick |minor )?(?:changes|change|amendments?|modifications?)\b|\b(?:make|making) (?:a |a few |some |several |two |a couple of )?(?:small |quick |minor )?(?:changes|change|amendments?|modifications?) (?:to|on|in) (?:my|the|our|this|an) (?:[\w-]+ )?(?:booking|reservation|order)\b/,
    /\b(?:decaler|reporter|repousser|avancer) (?:la |ma )?livraison\b|\b(?:aplazar|posponer|retrasar|adelantar|cambiar) (?:la |mi )?entrega\b|\b(?:lieferung|liefertermin) (?:verschieben|andern)\b|\b(?:adiar|remarcar|antecipar|mudar) (?:a )?entrega\b|\b(?:postpone|push back|delay) (?:the |my )?(?:delivery|order)\b/,
    /\b(?:cambiar|modificar|corregir|andern|aendern|wechseln|changer|modifier|corriger|mudar|alterar|corrigir)\b[^.!?]{0,25}\b(?:direccion|pedido|adresse|lieferadresse|bestellung|commande|endereco)\b/,
    /\b(?:direccion|adresse|lieferadresse|bestellung|endereco)\b[^.!?]{0,20}\b(?:andern|aendern|cambiar|changer|mudar|alterar)\b/,
    /\b(?:add|adding|remove|removing)\b[^.!?]{0,30}\b(?:to|from|in) (?:my|the|this|an|our) (?:order|bestellung|pedido|commande|encomenda)\b|\b(?:hinzufugen|anadir|agregar|ajouter|adicionar|acrescentar)\b|\bchange (?:an|my|the) order\b|\bmodify or cancel\b|\bmeant (?:the|to order) (?:large|small|medium|other|bigger|smaller)\b|\b(?:ordered|bought|got)\b[^.!?]{0,50}\bbut (?:i )?meant to (?:get|order|buy|pick)\b|\b(?:change|modify|amend|edit|swap) one of (?:them|those|my orders|the orders)\b|\bpicked the wrong\b|\bordered the wrong\b|\b(?:can|could) (?:you|it|they|the courier)\b[^.!?]{0,15}\b(?:deliver|ship|send|arrive|come)\b[^.!?]{0,30}\binstead\b|\b(?:used|entered|put|typed|gave|selected|chose) (?:in )?(?:the |a |an |my )?(?:wrong|old|incorrect) (?:address|size|colou?r|postcode|zip(?: code)?|delivery date)\b/,
    /\bcambiar la direccion\b|\bmodificar (?:el|mi) pedido\b|\badresse (?:andern|aktualisieren)\b|\bbestellung andern\b|\bchanger l'adresse\b|\bmodifier (?:ma|la) commande\b|\balterar (?:o|meu) (?:endereco|pedido)\b/,
  ),
  c(
    'cancel',
    3,
    false,
    true,
    ['cancel', 'cancellation'],
    /\bcancel(?:l?ed|l?ing)?\s+(?:(?:my|the|an|this|that|our)\s+)?(?:\w+\s+)?(?:order|purchase)\b|\bcancel(?:l?ation)? (?:of )?(?:my |the )?order\b|^cancel(?:l?ation)?\b/,
    // "can you cancel LC-40121": a reference after the verb is the order.
    /\bcancel(?:l?ed|l?ing)?\s+(?:order\s+)?(?:#|no\.?\s?)?(?=[a-z]{0,6}-?\d)[a-z]{0,6}-?\d{4,}\b|\bcancel (?:one|either) of (?:them|the (?:two|orders))\b/,
    /\bcancelar (?:el |mi )?pedido\b|\b(?:bestellung|auftrag) stornieren\b|\bstornieren\b|\bannuler (?:ma |la )?commande\b|\bannull\w* (?:l'|(?:il |questo )?(?:mio )?)ordine\b|\bcancelar (?:o |meu )?pedido\b/,
    // A booking is an order of a stay, a seat or a slot: "cancel my reservation", "annuler ma réservation".
    /\bcancel(?:l?ed|l?ing)?\s+(?:my|the|our|this|that)\s+(?:\w+\s+)?(?:booking|reservation|stay)\b|\bcancelar (?:la |mi |minha |a )?(?:reserva)\b|\bannuler (?:ma |la |notre )?(?:reservation)\b|\bannullare (?:la |mia )?(?:prenotazione)\b|\b(?:buchung|reservierung) (?:stornieren|absagen)\b/,
    // "can I cancel just the armchair?", "cancelar solo la mesa", "annuler seulement la lampe": part of an order taken
    // out; only orders are cancelled a piece at a time.
    /\bcancel(?:l?ing)? (?:just|only) (?:the|one|my|this|that)\b|\bcancel (?:one|some|part) of (?:the|my|them|those)\b|\bcancelar (?:solo|solamente|so|apenas|somente) (?:el|la|los|las|o|a|os|as|uno|una|um|uma)\b|\bannuler (?:seulement|uniquement|juste) (?:le|la|les|l'|un|une)\b|\bannullare (?:solo|soltanto) (?:il|la|lo|l'|i|le|uno|una)\b/,
  ),
  c(
    'not_shipped',
    2.5,
    false,
    false,
    ['not shipped'],
    /(?<!\bstill )\b(?:hasn'?t|has not|not|hasnt) (?:shipped|been shipped|gone out|been prepared)(?: yet)?\b|(?<!\bstill )\b(?:hasn'?t|has not|hasnt|is ?n'?t|is not) (?:been )?(?:packed|dispatched|sent) yet\b|\bbefore it (?:ships|goes out|is shipped)\b|\bships (?:tonight|tomorrow|today)\b|\b(?:ships|ship|shipping|dispatches|is dispatched|goes out|will (?:ship|go out|be dispatched)|(?:due|scheduled|set) to (?:ship|go out|be dispatched|be shipped)) (?:on |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|week)\b|\bplaced (?:it )?(?:an hour|a few minutes|\d+ minutes|this morning|yesterday)\b|\bnot shipped yet\b/,
  ),
  c('address', 1, false, false, ['address'], /\baddress\b|\bdireccion\b|\badresse\b|\bendereco\b/),
  // --- questions ---
  c(
    'info_question',
    1.5,
    false,
    false,
    ['questions', 'information requests'],
    /\bquick (?:question|q|one)\b|\bi have a question\b|\bwant(?:ed)? to know\b|\bwondering\b|\bjust (?:checking|wanted to check)\b|\bhow long (?:is|does|do|will)\b|\bis there (?:a|any)\b|\bquestions without\b|\bquestions?\b(?=,| and)/,
    /\bstatus of\b|\binformation requests?\b|\bpregunta\b|\beine frage\b|\bune question\b|\buma (?:duvida|pergunta)\b/,
  ),
  c(
    'product_info',
    2,
    false,
    false,
    ['product info'],
    /\bproduct info\b|\bdimensions\b|\bcompatible\b|\bavailable in\b|\bin stock\b|\bsize guide\b/,
  ),
  c('warranty', 3, false, false, ['warranty'], /\bwarrant(?:y|ies)\b|\bguarantee\b|\bgarantia\b|\bgarantie\b/),
  c(
    'policy',
    2,
    false,
    false,
    ['policies'],
    /\bpolic(?:y|ies)\b|\bexpire\b|\bexpiry\b|\bhow long do (?:they|codes?) last\b/,
  ),
  c(
    'gift_card',
    2.5,
    false,
    false,
    ['gift cards'],
    /\bgift ?cards?\b|\bpromo codes?\b|\bvouchers?\b|\bgift certificates?\b/,
  ),
  // --- IT desk ---
  c(
    'hardware',
    2.5,
    false,
    false,
    ['laptops', 'monitors', 'docks', 'peripherals', 'batteries', 'equipment'],
    /(?<!\b(?:on|from|onto|to|in|into) (?:my|the|our|his|her|their|your) )(?<!\b(?:en|auf|sur|no|na|nel|sul|op|dans) (?:el|la|mi|meinem|dem|le|mon|ma|o|a|meu|minha|il|mio|de|mijn) )\b(?:laptops?|computer|pc|machine)\b|\bmonitors?\b|(?<!\bloading )\bdocks?\b(?! \d)|\bdocking station\b|\bperipherals?\b|\bkeyboard\b|\bmouse\b|\btrackpad\b|\btouchpad\b|\bwebcam\b|\bheadset\b|\bbatter(?:y|ies)\b|(?<!\bshar\w* (?:my |the |your |our |a )?)\bscreen\b(?![ -]?shar)|\bhdmi\b|\busb-?c?\b|\bequipment\b|\bdesktop pc\b|\bphysical damage\b|\blid\b|\bprinters?\b|\bplotters?\b|\b(?:photo)?copiers?\b|\bshredders?\b|\blaminators?\b|\b(?:card|badge) readers?\b|\b(?:can'?t|cannot|can|unable to|won'?t) print\b|\bprint (?:jobs?|queue)\b|\bscanners?\b|\btvs?\b|\btelevision\b|\bdisplays?\b|\bprojectors?\b|\bdesk phone\b|\bdocking\b|\bcharger\b|\bpower (?:adapter|supply|cable)\b|\bspeakers?\b|\bmicrophone\b|\bhardware\b/,
  ),
  c(
    'install',
    2.5,
    false,
    false,
    ['installing', 'updating', 'add-ins'],
    /\bneed\b[^.!?]{0,40}\b(?:on|installed on|for) my (?:laptop|machine|computer|pc|mac|phone)\b|\binstall(?:ing|ed|ation)?\b|\bupdat(?:e|ing|ed)\b|\bupgrad(?:e|ing)\b(?! (?:my|the) (?:plan|seat))|\badd-?ins?\b|\bplug-?ins?\b|\bextensions?\b|\bmalfunctioning applications?\b/,
  ),
  c(
    'access_request',
    2.5,
    false,
    false,
    ['licences', 'seats', 'group membership', 'shared folders', 'app access'],
    /\b(?:need|needs|give|grant|request|get|getting|requesting|add|have) (?:\w+ )?access\b|\baccess (?:to|for|with)\b|\b(?:access|permission) denied\b|\b(?:edit|write|admin|owner|read|contributor|full) (?:rights|access|permissions?)\b|\bcan only view\b|\b(?:view|read)-only\b|\b(?:don'?t|do not|no longer) have (?:access|permission)\b|\bshared [\w-]+ (?:folder|drive|mailbox|calendar|channel)\b|\b(?:added|add me|adding me|invite me|invited) to (?:the )?[#@\w-]+(?: [#@\w-]+){0,2} (?:distribution list|group|channel|team|mailing list|dl|security group|space|project|repo(?:sitory)?)\b|\bdistribution list\b|\bmailing list\b|\bsecurity group\b|\bapp access\b|\bpermissions?\b|\blicen[cs]es?\b|(?<!\b(?:car|booster|child|baby|infant|bike|bicycle|toilet|passenger|window|aisle|middle|extra|cabin|plane|train|stadium|theatre|theater|concert|front|back|rear|massage|high|garden|sofa|bench|two|three|four|\d)\s)\bseats?\b|\bgroup membership\b|\bshared (?:folder|drive)s?\b|\bviewer-only\b|\beditor (?:seat|access|role)\b|\bprovision/,
  ),
  c('wifi', 3, true, false, ['wi-fi'], /\bwi-?fi\b|\bwireless network\b|\baccess point\b|\bhotspot\b/),
  c('vpn', 3, false, false, ['vpn'], /\bvpn\b|\bglobalprotect\b|\banyconnect\b|\bgateway unreachable\b/),
  c(
    'network',
    3,
    false,
    false,
    ['network', 'connectivity'],
    /\b(?:lost|no|without|dropped) (?:the )?(?:network|connection|connectivity|signal|internet)\b|\b(?:getting|got|gets|keeps? (?:getting )?|being) (?:kicked|booted|thrown) (?:off|out)\b|\bkicks? (?:me|us) (?:off|out)\b|\boffline\b|\bnetwork\b|\bethernet\b|\bconnectivity\b|\binternet\b|\b(?:won'?t|can'?t|cannot|can not|not|unable to) (?:stay )?connect(?:ed)?\b(?! to (?:an? |the |my |our )?(?:laptops?|monitors?|tv|screens?|printers?|projectors?|headsets?|speakers?|docks?|hdmi|bluetooth|keyboards?|mouse))|\bkeeps? (?:dropping|disconnecting)\b|\bdisconnect(?:s|ing|ed)\b|\bpacket loss\b|\bwired\b/,
  ),
  c(
    'mail',
    2.5,
    false,
    false,
    ['outlook', 'mail', 'shared mailboxes'],
    /\b(?:send|sending|sent|receive|receiving|received|get|getting|deliver(?:ed|ing)?)\b(?:\s+\w+){0,3}\s+e-?mails?\b|\be-?mails? (?:are|is|were|keep)?\s*(?:not|never|bouncing|bounce|stuck|missing|delayed)\b|\boutlook\b|\bmailbox(?:es)?\b|\boutbox\b|\binbox\b|\bsend(?:ing)? (?:e-?mails?|mail)\b|\breceiv(?:e|ing) (?:e-?mails?|mail)\b|\bmail sending\b|\be-?mails? (?:not|won'?t|aren'?t|stuck)\b/,
  ),
  c('calendar', 2.5, false, false, ['calendar', 'invites'], /\bcalendars?\b|\b(?:meeting |calendar )?invites?\b/),
  c(
    'phishing',
    5,
    true,
    false,
    ['phishing', 'suspicious activity'],
    // "sorry about the weird message earlier": the customer apologising for their own message, not reporting one.
    /(?<!\b(?:sorry|apologies|apologi[sz]e) (?:about|for) (?:the|my|that) )\b(?:weird|strange|suspicious|odd|fake|dodgy|sketchy|fraudulent|spoofed?) (?:e-?mail|message|text|sms|link|sender|attachment|call|website|site)\b|\bsender (?:looks|looked|seems|seemed) (?:fake|suspicious|weird|odd|strange|dodgy)\b|\b(?:e-?mail|message|text|sms) (?:asking|requesting|telling) (?:me )?(?:to |for )?(?:confirm|verify|update|enter|reset|provide|send)\b|\bscam\b|\bspoof/,
    /\b(?:opened|clicked|double-?clicked|downloaded|ran|enabled macros (?:in|on))\b[^.!?]{0,50}\b(?:attachment|\.(?:js|exe|zip|html?|scr|vbs|docm|xlsm|iso))\b|\b(?:from )?what (?:i|we) thought was (?:a |an |our |the )?(?:client|customer|supplier|colleague|boss|ceo|bank|vendor)\b/,
    /\b(?:got|been|was) phished\b|\b(?:entered|typed|gave|put) (?:in )?my (?:login|password|credentials|details)\b[^.!?]{0,20}\b(?:on|into|to|in) (?:a|an|the|some)\b|\blooked like (?:our|the|a) (?:\w+ )?(?:portal|login|page|site)\b/,
    /\b(?:opened|clicked|downloaded|ran)\b[^.!?]{0,20}\b(?:attachment|link|file)s? from (?:an? |some )?(?:unknown|suspicious|strange|random|external)\b|\bunknown sender\b|\bfiles? (?:have|has|with|got|are now) (?:weird|strange|odd|new|random) (?:extensions?|names)\b|\bfiles? (?:are |were |got )?encrypted\b|\bransom note\b/,
    /\b(?:claiming|pretending|purporting) to be\b|\bimpersonat\w*|\basking (?:me )?to buy gift ?cards\b|\bbuy (?:some )?gift ?cards\b[^.!?]{0,30}\b(?:ceo|boss|manager|director)\b/,
    /\bphishing\b|\bsuspicious (?:e-?mail|link|activity|login|sign-?in)\b|\bclicked (?:on )?(?:a|the|an)? ?(?:link|attachment)\b|\bclicked and typed\b|\b(?:typed|entered|put) (?:in )?my (?:[\w-]+ )?(?:password|credentials)\b(?! (?:wrong|incorrectly|too many))|\b(?:url|link|address) (?:was|looked) (?:weird|strange|odd|off|fake)\b|\bfake (?:login|e-?mail|site)\b/,
  ),
  c(
    'compromised',
    5,
    true,
    false,
    ['compromised credentials'],
    /\bcompromised (?:credentials|account|password)\b|\bcredentials? (?:were |was )?(?:leaked|compromised|stolen)\b|\baccount (?:is |was )?compromised\b|\bcompromised credentials\b/,
    /\bsomeone (?:else )?(?:logged|signed|got|has logged|has been logging) (?:in(?:to)?|on to) (?:my|our|the)\b|\b(?:log ?in|sign-?in)s? from (?:another|a different|an unknown|a strange|a foreign) (?:country|location|device|ip)\b|\bunrecogni[sz]ed (?:log ?in|sign-?in|device|login)\b|\bsuspicious (?:log ?in|sign-?in)s?\b|\bi didn'?t (?:make|do|authori[sz]e) (?:this|that|these) (?:log ?in|sign-?in|changes?)\b/,
    // "15 Okta Verify pushes all night. I didn't try to log in", "codes I never asked for": someone else is using the
    // password and the second factor is all that stops them.
    /\b(?:didn'?t|did not|never|haven'?t|have not) (?:even )?(?:try|tried|attempt|attempted) to (?:log|sign) ?(?:in|on)\b|\b(?:wasn'?t|was not|weren'?t|were not|i'?m not|am not) (?:even )?(?:trying to )?(?:logging|signing) ?(?:in|on)\b|\b(?:codes?|prompts?|push(?:es)?|requests?|notifications?|texts?)\b[^.!?]{0,45}\b(?:i|we) (?:didn'?t|did not|never) (?:request|ask for|asked for|trigger|initiate)\w*|\bunsolicited (?:push|mfa|2fa|log ?in|sign-?in|verification)|\bno (?:intente|he intentado|estaba intentando) (?:iniciar sesion|entrar|acceder)\b|\bnicht versucht,? (?:mich )?(?:anzumelden|einzuloggen)\b|\bje n'(?:ai pas (?:essaye|tente)|essayais pas) de me connecter\b|\bnao (?:tentei|estava (?:tentando|a tentar)) (?:entrar|fazer login|iniciar sessao|acessar)\b|\bnon (?:ho provato|stavo provando|ho tentato|stavo tentando) (?:a|ad|di) (?:accedere|entrare|fare login|collegarmi)\b|\bniet geprobeerd (?:in te loggen|aan te melden)\b/,
  ),
  c(
    'malware',
    5,
    true,
    false,
    ['malware', 'ransomware'],
    /\bmalware\b|\bransomware\b|\bvirus\b|\btrojan\b|\bspyware\b/,
  ),
  c(
    'lost_device',
    4,
    true,
    false,
    ['lost or stolen devices'],
    /\b(?:lost|stolen) (?:or stolen )?(?:my |our |a |the )?(?:work |company |corporate )?(?:laptop|phone|device|devices|tablet|badge|ipad|macbook|yubikey|security key)\b|\b(?:laptop|phone|device|tablet|badge|macbook|ipad) (?:was |got |has been |is )?(?:stolen|lost|missing)\b/,
    /\b(?:left|forgot|misplaced|dropped)\s+(?:my|our|a|the)\s+(?:work |company |corporate )?(?:phone|laptop|device|tablet|badge|ipad|macbook)\b[^.!?]{0,30}\b(?:in|on|at)\s+(?:a|an|the)\s+(?:taxi|cab|uber|lyft|train|bus|plane|flight|airport|bar|restaurant|hotel|cafe|station)\b|\bsomeone stole\b|\bbroke into my car\b/,
    // "me he dejado el portátil en el tren", "j'ai oublié mon ordinateur dans le taxi": left behind somewhere public.
    /\b(?:dejado|deje|olvidado|olvide|oublie|laisse|deixei|esqueci|liegen lassen|vergessen)\b[^.!?]{0,15}\b(?:portatil|ordenador|movil|telefono|ordinateur|portable|telephone|computador|celular|notebook|laptop|handy|tablet)\b[^.!?]{0,40}\b(?:en el|en la|dans le|dans la|no|na|im|in der|in the|on the) (?:tren|taxi|autobus|bus|avion|aeropuerto|metro|train|aeroport|trem|onibus|aviao|aeroporto|zug|flugzeug|flughafen|bahn|ave|tgv|ice|cab|uber)\b/,
    // Ringing lost property is only done for something already lost.
    /\blost (?:and|&) found\b|\blost property\b|\bobjetos perdidos\b|\bfundburo\b|\bobjets trouves\b|\bachados e perdidos\b/,
    /\b(?:laptop|handy|telefon|notebook|tablet|rechner|portatil|ordenador|telefono|movil|ordinateur|portable|telephone|celular|computador)\b[^.!?]{0,40}\b(?:liegen (?:ge)?lassen|verloren|gestohlen|vergessen|perdi\w*|robad\w*|olvid\w*|perdu|vole|oublie|roubad\w*|esqueci)\b|\b(?:verloren|gestohlen|perdi|me robaron|j'ai perdu|on m'a vole|perdi|roubaram)\b[^.!?]{0,25}\b(?:laptop|handy|notebook|portatil|ordenador|movil|ordinateur|telephone|celular|computador)\b/,
  ),
];

// Colour words for "ordered it in ocean blue and it came in flamingo pink" (a wrong_item pattern below).
const COLOURS =
  'black|white|red|blue|green|yellow|pink|purple|gr[ae]y|brown|orange|beige|navy|silver|gold|cream|teal|olive|khaki|burgundy|negr[oa]|blanc[oa]|roj[oa]|azul|verde|amarill[oa]|rosa|morad[oa]|gris|marron|naranja|plateado|dorado|pret[oa]|branc[oa]|vermelh[oa]|amarel[oa]|rox[oa]|cinza|castanho|laranja|bege|noire?|blanche|rouge|bleue?|verte?|jaune|rose|violette?|grise|schwarz\\w*|weiss\\w*|rot\\w*|blau\\w*|grun\\w*|gelb\\w*|grau\\w*|braun\\w*|ner[oa]|bianc[oa]|ross[oa]|blu|azzurr[oa]|giall[oa]|grigi[oa]|zwarte?|wit|witte|rood|rode|blauwe?|groene?|geel|gele|roze|paarse?|grijs|grijze|bruine?|sepia|magenta|turquoise|turquesa|lilac|lila|coral|ivory|charcoal|graphite|indigo|mint';
// Flavours are the colours of food and supplements: "ordered the chocolate whey and got vanilla".
const FLAVOURS =
  'vanilla|chocolate|strawberry|banana|caramel|coffee|mocha|cookies and cream|berry|lemon|peach|mango|cherry|coconut|unflavou?red|peanut butter|cinnamon|hazelnut|pistachio|raspberry|blueberry|lime|watermelon|vainilla|fresa|baunilha|morango|vanille|erdbeer\\w*|vaniglia|fragola|aardbei';
const VARIANTS = `${COLOURS}|${FLAVOURS}`;

/**
 * Further surface forms, kept apart so the lists above stay readable: first Italian and Dutch, then wordings of every
 * language that eval misses showed the lists lacked. A concept the lexicon cannot see leaves a whole case unknown.
 */
const MORE_PATTERNS: Array<[string, RegExp]> = [
  // "my new badge doesnt open the warehouse door", "my key card won't let me through the gate": a door the badge is not
  // allowed to open is a permission on the badge.
  [
    'access_request',
    /\b(?:badge|key ?card|access card|door card|swipe card|fob|id card|pass)\b[^.!?]{0,25}\b(?:doesn'?t|doesnt|does not|won'?t|wont|will not|can'?t|cant|no longer|isn'?t|not)\s+(?:open(?:ing)?|unlock(?:ing)?|let(?:ting)? me (?:in|through)|get(?:ting)? me (?:in|through)|work(?:ing)? (?:on|at|for) (?:the )?(?:\w+ )?(?:door|gate|entrance|turnstile))\b/,
  ],
  // "and add another 5 bags of compost while you're at it", "add 2 more mugs": more of something put on the order.
  [
    'order_change',
    /\badd (?:another|an extra|one more|\d+ (?:more|extra)|(?:another )?\d+ (?:more )?(?:bags?|boxes|packs?|bottles|pairs?|units|pieces|items))\b/,
  ],
  // "il tronco spezzato", "the trunk snapped": broken in Italian words the list lacked.
  ['broken', /\b(?:spezzat[oaie]|spaccat[oaie]|incrinat[oaie]|crepat[oaie]|scheggiat[oaie])\b/],
  // "se ha hundido en el centro", "the mattress is sagging", "durchgelegen", "doorgezakt": a mattress or seat giving way.
  [
    'faulty',
    /\b(?:sagg(?:ing|ed|s)|sags|(?:se )?ha(?:n)? hundido|hundimiento|durchgelegen|durchgesessen|affaiss\w*|doorgezakt|verzakt|afundou|afundad[oa]|sprofondat[oa]|ha ceduto)\b/,
  ],
  // "ils ont tous une dominante magenta", "a green colour cast", "Farbstich": prints or a screen in the wrong tint.
  [
    'faulty',
    /\bcolou?r ?cast\b|\b(?:magenta|green|yellow|pink|blue|red|orange|purple) (?:cast|tint|tinge)\b|\bune dominante\b|\bdominante (?:magenta|verte|jaune|bleue|rouge|rose|de colou?r)\b|\bfarbstich\w*|\b(?:kleur)?zweem\b/,
  ],
  // "i want to cancel my membership", "cancel the gym plan": a plan or membership ended is a subscription matter.
  [
    'subscription',
    /\b(?:cancel\w*|end|quit|terminate|stop|pause|freeze)\s+(?:my|the|our|this)\s+(?:\w+\s+)?(?:membership|subscription|contract)\b/,
  ],
  [
    'double_charge',
    /\baddebitat[oi] due volte\b|\bdoppio addebito\b|\bpagato due volte\b|\b(?:twee keer|dubbel) (?:afgeschreven|betaald|gefactureerd|in rekening gebracht)\b/,
  ],
  [
    'wrong_charge',
    /\baddebit\w* (?:non autorizzat\w*|sbagliat\w*|in eccesso)\b|\b(?:onterecht|ten onrechte|verkeerd) (?:afgeschreven|in rekening gebracht|gefactureerd)\b/,
  ],
  ['charge', /\baddebit\w*|\bafschrijving\b|\bafgeschreven\b/],
  ['invoice', /\bfattur[ae]\b|\bricevut[ae]\b|\bfactuur\b|\bfacturen\b/],
  ['subscription', /\babbonament[oi]\b|\babonnement\b/],
  ['refund', /\bterugbetal\w*|\bgeld terug\b/],
  [
    'not_arrived',
    /\bnon (?:e|mi e) (?:ancora )?arrivat[oa]\b|\bnon (?:ho|abbiamo) (?:ancora )?ricevuto\b|\b(?:is|zijn) (?:nog )?niet (?:aangekomen|ontvangen|geleverd|bezorgd)\b|\bnog (?:steeds )?niet (?:binnen|ontvangen|geleverd|bezorgd|aangekomen)\b/,
  ],
  ['late', /\bin ritardo\b|\bvertraagd\b|\b(?:is|zijn|komt|kwam) te laat\b/],
  [
    'return',
    /\b(?:fare|effettuare|richiedere|richiesta di|per il|il) reso\b|\brestituire\b|\brimandare indietro\b|\bterugsturen\b|\bretourneren\b|\bterug (?:sturen|brengen)\b/,
  ],
  ['exchange', /\bcambiar(?:e|lo|la|li|le) con\b|\bsostituir\w* con\b|\b(?:om)?ruilen\b/],
  // "the left stick has drift, my character moves on its own": a controller or a pointer that acts by itself is faulty.
  [
    'faulty',
    /\b(?:stick|joystick|analog\w*|thumbstick|joy-?con)s?\b[^.!?]{0,30}\bdrift\w*|\bdrift\w*\b[^.!?]{0,20}\b(?:stick|joystick|analog\w*|thumbstick|joy-?con)s?\b|\b(?:moves?|moving|scrolls?|scrolling|clicks?|clicking|types?|typing) (?:on its own|by itself)\b|\bsi muove da solo\b|\bse mueve solo\b|\bbewegt sich von selbst\b|\bbouge tout seul\b|\bse mexe sozinho\b|\bbeweegt uit zichzelf\b/,
  ],
  [
    'faulty',
    /\bnon funziona(?: piu)?\b|\bha smesso di funzionare\b|\bdifettos[oaie]\b|\b(?:un|il|del|di|ha un) difetto\b|\bguast[oaie]\b|\bwerkt (?:niet|niet meer)\b|\bdoet het niet(?: meer)?\b/,
  ],
  ['broken', /\brott[oaie]\b|\bspaccat[oaie]\b|\bkapot\b|\bgebroken\b/],
  [
    'damaged',
    /\bdanneggiat[oaie]\b|\bammaccat[oaie]\b|\bgraffiat[oaie]\b|\bstrappat[oaie]\b|\bschiacciat[oaie]\b|\bgebarsten\b|\bgedeukt\b/,
  ],
  [
    'phishing',
    /\b(?:link|e-?mail|mail|messaggio|sms) sospett[oa]\b|\bho cliccato\b|\bho inserito (?:la (?:mia )?)?password\b|\benlace sospechoso\b|\bcorreo sospechoso\b|\bhice clic\b|\bintroduje (?:mi )?contrasena\b|\bverdachtig\w* (?:link|e-?mail|mail|nachricht)\b|\bauf (?:einen|den) link geklickt\b|\bpasswort eingegeben\b|\b(?:lien|e-?mail|courriel|message) suspect\b|\bclique sur (?:un|le) lien\b|\bsaisi mon mot de passe\b|\blink suspeito\b|\bcliquei (?:num|no|em um) link\b|\bdigitei (?:a |minha )?senha\b|\bverdachte (?:link|e-?mail|mail)\b|\bop een link geklikt\b|\bwachtwoord ingevuld\b/,
  ],
  // No network or internet in every language read ("sin internet", "kein Netz", "nadie puede conectarse a la red").
  [
    'network',
    /\b(?:sin|sem|senza|kein|keine|pas d'|pas de|geen|no hay|no tengo|nao tenho|non ho) ?(?:internet|conexion|conexao|connessione|verbindung|connexion|netwerk|rete|rede|netz)\b|\bconectar(?:se|me)? a (?:la red|internet)\b|\b(?:la red|das netzwerk|le reseau|a rede|la rete|het netwerk)\b/,
  ],
  [
    'faulty',
    /\blekt\b|\b(?:raar|vreemd) geluid\b|\bperde acqua\b|\brumore strano\b|\bgoteja\b|\bpierde agua\b|\bfuit\b/,
  ],
  ['unsafe', /\bscintill\w*|\bodore di bruciato\b|\bsurriscald\w*|\bprende fuoco\b|\bfumo\b|\boververhit\w*/],
  [
    'login',
    /\bnon riesco (?:ad? )?(?:accedere|entrare|fare il login|loggarmi)\b|\bkan niet (?:inloggen|aanmelden)\b|\binloggen (?:lukt|werkt) niet\b/,
  ],
  ['password', /\bwachtwoord\b/],
  ['cancel', /\b(?:mijn |de )?bestelling annuleren\b|\bannuleren\b/],
  [
    'order_change',
    /\b(?:cambiare|modificare) (?:l'|il |la )?(?:indirizzo|ordine|taglia)\b|\b(?:adres|bestelling|maat) (?:wijzigen|aanpassen|veranderen)\b|\b(?:wijzig|verander)\w* (?:het |mijn |de )?(?:adres|bestelling)\b/,
  ],
  ['not_shipped', /\bnon (?:e )?ancora partit[oa]\b|\bnog niet verzonden\b/],
  // "elle n'est pas encore partie", "noch nicht verschickt": not yet sent. "todavía/aún no", "ainda não" and "immer noch
  // nicht" are as often "still not", a complaint that it is late, or a bot's status reply, so they are left out.
  [
    'not_shipped',
    /\bpas encore (?:partie?s?|expediee?s?|envoyee?s?)\b|(?<!\bimmer )\bnoch nicht (?:verschickt|versandt|versendet|raus|unterwegs|abgeschickt)\b/,
  ],
  ['wrong_item', /\b(?:articolo|taglia|colore) sbagliat[oa]\b|\bverkeerde? (?:artikel|maat|kleur|product)\b/],
  ['doesnt_fit', /\btroppo (?:piccol|grand|strett|larg)\w*|\b(?:veel )?te (?:klein|groot|krap|strak)\b|\bpast niet\b/],
  // IT-desk forms in Italian and Dutch (and the access words of the other languages).
  [
    'lost_device',
    /\b(?:ho perso|abbiamo perso|mi hanno rubato|ho dimenticato|heb laten liggen)\b[^.!?]{0,30}\b(?:portatile|computer|telefono|cellulare|laptop|tablet|telefoon|mobiel)\b|\b(?:portatile|computer|telefono|cellulare|laptop|tablet|telefoon|mobiel)\b[^.!?]{0,30}\b(?:kwijt|laten liggen|gestolen|verloren|perso|rubato|dimenticato)\b/,
  ],
  [
    'locked',
    /\b(?:account|profilo|utente) (?:e |è |stato )*bloccat[oa]\b|\b(?:account|gebruiker) (?:is )?geblokkeerd\b|\bgeblokkeerd\b|\bbloccat[oa] fuori\b/,
  ],
  [
    'access_request',
    /\b(?:accesso|toegang|acceso|zugriff|acces|acesso)\b (?:a|al|alla|all'|ai|tot|auf|zu|zum|zur|au|aux|ao|à)\b|\b(?:cartella condivisa|gedeelde map|carpeta compartida|freigegebene?n? ordner|dossier partage|pasta compartilhada)\b/,
  ],
  // "Zugriff verweigert", "acceso denegado", "accès refusé": the "access denied" of the other languages.
  [
    'access_request',
    /\b(?:zugriff (?:verweigert|abgelehnt)|acceso denegado|acces refuse|acesso negado|accesso negato|toegang geweigerd)\b/,
  ],
  [
    'not_received',
    // "wordt donderdag bezorgd maar…", "verrà consegnato domani ma…": a delivery still to come has not failed.
    /\b(?:risulta|segnato come|indicato come) consegnat[oa]\b|\bconsegnat[oa]\b(?<!\b(?:verra|sara|viene|verranno|saranno|vengono) (?:\w+ ){0,2}consegnat[oa])[^.!?]{0,30}\bma\b|\bnon l'ho (?:mai )?ricevut[oa]\b|\b(?:staat|gemarkeerd|aangegeven) als (?:bezorgd|geleverd)\b|(?<!\b(?:wordt|worden|zal|zullen|word|komt|komen) (?:\w+ ){0,3})\b(?:bezorgd|geleverd)\b[^.!?]{0,30}\bmaar\b|\bniets ontvangen\b/,
  ],
  [
    'wrong_place',
    /\bindirizzo sbagliato\b|\bverkeerde? adres\b|\bdireccion equivocada\b|\bfalsche(?:n)? adresse\b|\bmauvaise adresse\b|\bendereco errado\b/,
  ],
  ['login', /\bho dimenticato (?:la )?password\b|\bpassword dimenticata\b|\bwachtwoord vergeten\b/],
  [
    'coupon_failed',
    /\bcodice (?:sconto|promozionale)\b[^.!?]{0,30}\bnon\b[^.!?]{0,20}\b(?:applicat|funzion|accettat)\w*|\bkortingscode\b[^.!?]{0,30}\b(?:werkte|werkt|niet toegepast)\b|\bvolle prijs betaald\b|\bprezzo pieno\b/,
  ],
  ['unsafe', /\bruikt (?:naar )?(?:brand|verbrand|schroei)\w*|\b(?:heel|erg|te|gloeiend) heet\b|\bpuzza di bruciato\b/],
  // The same three in Spanish, German, French and Portuguese: wrong size or colour, a code not applied, burning smells.
  [
    'wrong_item',
    /\b(?:talla|color|producto|articulo) (?:equivocad|incorrect)[oa]\b|\bfalsche(?:n)? (?:gro(?:ss|ß)e|farbe|artikel|produkt)\b|\bmauvaise? (?:taille|couleur|article|produit)\b|\b(?:tamanho|cor|produto|artigo) (?:errad|incorret)[oa]\b/,
  ],
  [
    'coupon_failed',
    /\b(?:codigo|cupon)(?: de descuento| promocional)?\b[^.!?]{0,20}\bno (?:se )?(?:aplic|funcion|acept)\w*|\b(?:gutschein|rabatt)(?:code)?\b[^.!?]{0,30}\bnicht (?:angewendet|angenommen|akzeptiert|abgezogen|berucksichtigt)\b|\bcode (?:promo|de reduction)\b[^.!?]{0,30}\b(?:n'a pas ete|pas) (?:applique|pris en compte|accepte)\b|\bcupo[mn](?: de desconto)?\b[^.!?]{0,20}\bnao (?:foi )?(?:aplicad|aceit)\w*/,
  ],
  [
    'unsafe',
    /\briecht (?:verbrannt|nach verbranntem|angebrannt|nach rauch)\b|\b(?:sehr|extrem|zu|glühend|gluhend) hei(?:ss|ß)(?![a-z])/,
  ],
  // IT equipment, flicker and apps that will not open, in the other languages.
  [
    'hardware',
    /(?<!\b(?:en|auf|sur|no|na|nel|sul|op|dans) (?:el|la|mi|meinem|dem|le|mon|ma|o|a|meu|minha|il|mio|de|mijn|l') ?)\b(?:impresora|drucker|imprimante|impressora|stampante|bildschirm|pantalla|ecran|schermo|beeldscherm|teclado|tastatur|clavier|tastiera|toetsenbord|raton|maus|souris|portatil|ordenador|ordinateur|computador|portatile|cargador|ladegerat|chargeur|carregador|caricabatterie|oplader|auriculares|kopfhorer|casque|cuffie|koptelefoon|escaner|scanner)\b/,
  ],
  // Scratches and dents as nouns: "un rasguño en la tapa", "ein Kratzer", "une rayure", "um arranhão", "een kras".
  [
    'damaged',
    /\brasgu[nñ]os?\b|\bkratzer\b|\brayures?\b|\barranh[aã]o\b|\barranhoes\b|\bgraffi[oi]\b|\bkrassen?\b|\babolladuras?\b|\bdellen?\b|\bamassado\b|\bammaccatur[ae]\b|\bdeuken?\b/,
  ],
  ['faulty', /\bflackert\b|\bparpadea\b|\bclignote\b|\bpisca\b|\bsfarfall\w*|\bflikker\w*/],
  [
    'software_fault',
    /\bnon si apre\b|\bno (?:se )?abre\b|\boffnet (?:sich )?nicht\b|\bne s'ouvre (?:pas|plus)\b|\bnao abre\b|\bopent niet\b/,
  ],
  // How customers say it without the support words: "the money went out twice", "my power bank has gone all puffy",
  // "the left side went silent", "nothing happens when I click pay", "no tengo datos ni puedo llamar".
  [
    'double_charge',
    /\b(?:money|payment|amount|fee|it|they)\b[^.!?]{0,20}\b(?:went|gone|go(?:es)?|came|come|taken|left|withdrawn|debited) (?:out )?(?:of (?:my|our) (?:account|card|bank) )?twice\b|\btook (?:it|the money|the payment|my money|the fee) twice\b/,
  ],
  [
    'unsafe',
    /\b(?:battery|batteries|power ?bank|akku|batterie|bateria|accu)\b[^.!?]{0,40}\b(?:puff(?:y|ed|ing)|bloat\w*|balloon\w*|bulg\w*|swell\w*|swoll\w*|hinchad\w*|aufgebla\w*|gonfl\w*|inchad\w*|inchou\w*)|\b(?:puffy|puffed up|bloated|ballooned)\b[^.!?]{0,40}\b(?:battery|power ?bank|akku|batterie|bateria)\b/,
  ],
  [
    'faulty',
    /\b(?:went|goes|has gone|is|just) (?:completely |totally )?(?:silent|dead|mute)\b|\bno (?:sound|audio) (?:at all |anymore |any more )?(?:from|on|in|out of)\b/,
  ],
  ['faulty', new RegExp(String.raw`\b(?:${NOTHING_HAPPENS})\b`)],
  [
    'software_fault',
    /\b(?:no|without|sin|sem|kein\w*|pas de|plus de) (?:mobile )?(?:data|datos|dados|daten|donnees|cobertura|linea|rede)\b|\b(?:no tengo|nao tenho|ich habe keine?n?|je n'ai (?:plus|pas) de) (?:\w+ )?(?:datos|dados|daten|donnees|linea|cobertura|rede|netz|reseau)\b|\b(?:can'?t|cannot|can not|unable to) (?:make|receive|get) (?:any )?(?:calls|phone calls)\b|\b(?:no|ni) puedo (?:llamar|hacer llamadas)\b|\bkann (?:nicht|nicht mehr) telefonieren\b|\bne peux (?:pas|plus) (?:appeler|telephoner)\b|\bnao consigo (?:ligar|fazer chamadas)\b/,
  ],
  [
    'wrong_item',
    /\b(?:was|were) (?:meant|supposed) to be (?:a|an|the)\b[^.!?]{0,40}\b(?:got|received|came|sent)\b|\b(?:got(?! (?:moved|changed|cancell?ed|delayed|rescheduled|postponed|bumped|shifted|brought forward)\b)|received|was sent|were sent|sent me|came with)\b[^.!?]{0,40}\binstead\b(?! of (?:a |the |my )?(?:refund|money|voucher|credit))/,
  ],
  [
    'late',
    /\b(?:was|were|it'?s|is) (?:due|expected|promised|meant to arrive|supposed to arrive) (?:\w+ ){0,2}(?:ago|last (?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/,
  ],
  [
    'not_shipped',
    /\bbefore (?:it|they|you|u|the order|my order) (?:ship|ships|send|sends|dispatch|dispatches|goes out|go out|get shipped|gets shipped|is shipped|are shipped|is sent|leaves?)\b|\bantes de (?:que )?(?:lo |la |los |las |o |a )?(?:enviar|envien|enviarem|enviem|despachar|despachen|sair|salga)\w*|\bbevor (?:es|sie|die bestellung|das paket) (?:versandt|verschickt|rausgeht|losgeschickt)|\bavant (?:l'expedition|l'envoi|qu'(?:il|elle|elles|ils|vous) (?:ne )?(?:soit|soient|l'?envoyiez|parte|partent|expediez))/,
  ],
  [
    'order_change',
    /\b(?:lieferung|liefertermin|zustellung)\b[^.!?]{0,30}\b(?:verschieben|verlegen|andern)\b|\b(?:livraison)\b[^.!?]{0,30}\b(?:decaler|reporter|repousser|avancer)\b|\b(?:entrega)\b[^.!?]{0,30}\b(?:aplazar|posponer|retrasar|adiar|remarcar)\b|\b(?:move|push|postpone)\b (?:the |my |our )?delivery (?:to|until|till|back)\b|\b(?:change|switch|reschedule|rearrange)\b (?:the |my |our )?delivery(?: date| day| slot)? to (?:next |this |the )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|\d|later|another|a different|a later)\b/,
  ],
  ['install', /\binstal(?:ar|en|e|em|lar|ler|lieren|liert)(?:me|nos|le|lo|la|les)?\b/],
  // "can you swap the mushrooms for extra carrots", "add a second pair to my order": changing what an order holds.
  [
    'order_change',
    /\b(?:swap|switch|change|replace) (?:the |my |our )?(?:\w+ ){1,3}(?:for|to|with) (?:an? |some |extra |more |the )?\w+\b(?=[^.!?]*\b(?:order|box|delivery|basket|instead)\b)|\bcan (?:you|u|i|we) (?:swap|switch) (?:the |my |our )?\w+(?: \w+)? for\b|\b(?:add|remove|take off) (?:\w+ ){1,3}(?:to|from) (?:my|the|our) (?:order|box|delivery|basket)\b/,
  ],
  // "the app doesnt see the card reader", "the app won't find my new smart plug": a device the software cannot pair with.
  [
    'not_working',
    /\b(?:app|software|program|computer|laptop|phone|tablet|pc|mac|system|till|pos)\b[^.!?]{0,20}\b(?:does ?n'?t|does not|wo ?n'?t|will not|ca ?n'?t|cannot|can not|is ?n'?t|no longer|stopped)\s+(?:see|seeing|detect|detecting|find|finding|recogni[sz]e|recogni[sz]ing|pick up|connect to|pair with|pairing with)\s+(?:the|my|our|a|any)\b/,
  ],
  // "my schedules aren't updating", "the dashboard stopped refreshing": data that no longer comes through.
  [
    'sync',
    /\b(?:is ?n'?t|are ?n'?t|not|wo ?n'?t|does ?n'?t|do ?n'?t|stopped|keeps? not|never) (?:\w+ )?(?:updating|refreshing|syncing|syncronising|synchronising|synchronizing)\b/,
  ],
  // "Payment could not be processed (PMT-409)", "el pago no se pudo procesar", "Zahlung abgelehnt": a payment that did not
  // go through is the checkout failing, not a charge.
  [
    'checkout',
    /\bpayments? (?:could ?n[o']t|can ?n[o']t|cannot|was ?n[o']t|were ?n[o']t|is ?n[o']t|not) (?:be )?(?:processed|completed|accepted|authori[sz]ed|go through|gone through)\b|\bpayments? (?:keeps? )?(?:(?:being |getting |was |were |is |gets )?declined|rejected|refused)\b|\b(?:el )?pago\b[^.!?]{0,15}\b(?:no se (?:pudo|puede) (?:procesar|completar)|(?:fue |es )?rechazado)\b|\bzahlung\b[^.!?]{0,15}\b(?:fehlgeschlagen|abgelehnt|konnte nicht (?:verarbeitet|durchgefuhrt) werden)\b|\bpaiement\b[^.!?]{0,15}\b(?:refuse|a echoue|n'a pas pu etre (?:traite|effectue))\b|\bpagamento\b[^.!?]{0,15}\b(?:recusado|falhou|nao (?:foi|pode ser) processado)\b/,
  ],
  // "it's been sat at the depot since thursday", "sitting in the sorting centre": a parcel that stopped on its way.
  [
    'stuck_transit',
    /\b(?:sitting|sat|held|waiting|parked|stuck)\b (?:\w+ ){0,2}(?:at|in) (?:the |a |their |your )?(?:local )?(?:depot|hub|warehouse|sorting (?:centre|center|facility|office)|distribution (?:centre|center)|delivery office)\b/,
  ],
  // "risulta 'in giacenza' presso il corriere", "colis en instance", "ligt op het depot": the carrier is holding it.
  [
    'stuck_transit',
    /\bin giacenza\b|\b(?:colis|paquet)\b[^.!?]{0,25}\ben instance\b|\b(?:ligt|staat) (?:nog )?(?:op|in) het (?:depot|sorteercentrum)\b|\b(?:liegt|lagert)\b[^!?]{0,40}?\b(?:im|in der|beim) (?:depot|verteilzentrum|paketzentrum|zustellbasis|lager)\b|\b(?:retenido|parado) en (?:el |la )?(?:almacen|centro de distribucion|oficina de correos)\b|\b(?:retido|parado) (?:no|na) (?:armazem|centro de distribuicao|agencia)\b/,
  ],
  // "me llegaron unos botines camel pero yo pedí los negros", "I got the grey one but I ordered blue": what came, then
  // what was ordered, the other way round from the "ordered X but got Y" forms.
  [
    'wrong_item',
    /\b(?:(?:i|we) (?:got|received)(?! (?:the |an? |your |my )?(?:e-?mail|message|confirmation|notification|text|refund|call|reply|invoice|receipt|link|code)s?\b)|you sent(?: me| us)?|me (?:llego|llegaron|mandaron|enviaron)|recibi|me (?:chegou|chegaram|mandaram)|recebi|(?:mi )?(?:e|sono) arrivat[oaie]|ho ricevuto|j'ai recu|on m'a envoye|vous m'avez envoye|ich habe\b[^.!?]{0,30}\b(?:bekommen|erhalten)|ik (?:kreeg|heb\b[^.!?]{0,30}\b(?:gekregen|ontvangen)))\b[^.!?]{0,60}\b(?:but|pero|mas|ma|mais|aber|maar)\b(?:[^.!?]{0,50}\b(?:yo|i|we|eu|io|je|ich|ik) | (?:yo |i |we |eu |io |je |ich |ik )?)(?:had |avevo |hatte |had )?(?:ordered|pedi|pedimos|encomendei|ordinato|ho ordinato|ai commande|j'avais commande|avais commande|(?<!\bma )commande|bestellt|habe (?:\w+ ){1,3}bestellt|besteld|heb (?:\w+ ){1,3}besteld)\b(?! (?:it|them|on|online|yesterday|today|last|ayer|hoy|ieri|gestern|hier|ontem|gisteren|a week|weeks|days|\d))/,
  ],
  // "lleva dos semanas en aduanas", "steckt im Zoll fest", "bloqué à la douane": held at customs.
  [
    'stuck_transit',
    /\b(?:lleva|llevan|esta|estan|sigue|siguen|atascad\w*)\b[^.!?]{0,25}\ben (?:la )?aduanas?\b|\b(?:steckt|hangt|liegt|festgehalten)\b[^.!?]{0,25}\b(?:im|beim) zoll\b|\b(?:coince|bloque|retenu|reste)\w*\b[^.!?]{0,25}\ba la douane\b|\b(?:esta|parado|presa?|retid[oa])\b[^.!?]{0,25}\bna alfandega\b/,
  ],
  // "das Zelt hat einen Riss", "ein Loch im Ärmel": tears and holes as German nouns.
  ['damaged', /\b(?:einen|ein|der|mit|kleinen|gro(?:ss|ß)en|langen) (?:\w+ )?(?:riss|loch|fleck|delle)\b(?!-)/],
  // "I can't pay", "je n'arrive pas à payer", "the card page just spins": a checkout that does not go through.
  [
    'checkout',
    /\b(?:can'?t|cannot|can not|unable to|not able to|couldn'?t) (?:pay|check ?out|complete (?:my |the )?(?:payment|purchase|order)|place (?:my |an |the )?order)\b|\bno (?:puedo|podemos|consigo) pagar\b|\bkann (?:\w+ )?nicht (?:bezahlen|zahlen)\b|\b(?:n'arrive|ne (?:peux|parviens)) pas a payer\b|\bne (?:peux|parviens) pas payer\b|\bnao (?:consigo|posso) pagar\b/,
  ],
  [
    'error',
    /\b(?:page|screen|app|site|it) (?:just )?(?:spins|keeps spinning)\b|\bse queda (?:cargando|pensando)\b|\blad(?:t|et) (?:ewig|endlos)\b|\btourne en boucle\b|\bfica (?:carregando|rodando)\b/,
  ],
  // "no puedo abrir SAP", "je n'arrive pas à ouvrir Teams": an application that will not open for them.
  [
    'software_fault',
    /\bno (?:puedo|podemos|consigo) (?:abrir|iniciar|arrancar)\b(?! (?:la |el |los |las )?(?:puerta|caja|tapa|paquete|botella|cajon|ventana|coche|maleta)s?\b)|\bkann (?:\w+ ){0,2}nicht (?:offnen|starten)\b|\b(?:ne (?:peux|parviens)|n'arrive) pas a (?:ouvrir|lancer)\b|\bne (?:peux|parviens) pas ouvrir\b|\bnao consigo (?:abrir|iniciar)\b/,
  ],
  // "about 30 of us can't reach the intranet": a place on the network that cannot be reached.
  [
    'network',
    /\b(?:can'?t|cannot|can not|unable to|not able to|couldn'?t) (?:reach|get to|access|load|open) (?:the |our )?(?:intranet|internet|server|servers|network drives?|shared drives?|file server)\b/,
  ],
  // "the lid doesn't close properly", "lines across the screen", "not what the pictures showed", "me cobraron de más".
  [
    'faulty',
    /\b(?:doesn'?t|does not|don'?t|won'?t|will not) (?:close|shut|seal|latch|lock|stay closed|stay shut)(?: properly| right| all the way| anymore)?\b|\b(?:screen|display|monitor)\b[^.!?]{0,30}\b(?:lines|stripes|streaks|dead pixels|a line|black spots?)\b/,
  ],
  [
    'not_liked',
    /\bnot what the (?:pictures?|photos?|images?|website|listing|ad) (?:showed|shows|looked like|said)\b|\blooks? nothing like\b|\b(?:no es|no se parece a lo) (?:como )?(?:en )?(?:la|las) fotos?\b|\bsieht (?:ganz )?anders aus als (?:auf dem|im) (?:bild|foto)\b|\bne ressemble pas (?:a|aux) (?:la )?photos?\b|\bpas comme sur la photo\b|\bnao e como na foto\b|\bdiferente da foto\b/,
  ],
  ['wrong_item', /\bdifferent (?:shade|tone|finish|fabric|material|pattern) (?:than|from|to)\b/],
  [
    'wrong_charge',
    /\b(?:charged|billed) (?:me )?(?:the )?(?:old|full|wrong|higher|regular|normal|original) price\b|\bzu viel (?:berechnet|abgebucht|bezahlt|belastet)\b|\bcobr\w* de mas\b|\bcobr\w*(?:-me)? a mais\b|\bfactur\w* trop (?:cher)?\b|\btrop (?:facture|preleve|paye)\b/,
  ],
  // "you charged me 250 quid for a scratch that was already on the car", "I paid £38 for an extra legroom seat … they
  // moved me to 29B": a charge disputed, or paid for what was not given.
  [
    'wrong_charge',
    /\b(?:charged|billed) (?:me|us) (?:[£$€]\s?)?\d[\d.,]*(?:\s?(?:quid|pounds?|dollars?|euros?|bucks))? for\b[^.!?]{0,50}\b(?:already|never|didn'?t|did not|wasn'?t|was not|weren'?t|not (?:mine|ours|me|us))\b|\b(?:i|we) paid (?:[£$€]\s?)?\d[\d.,]*(?:\s?(?:quid|pounds?|dollars?|euros?|bucks))? (?:extra )?for\b[^.!?]{0,90}\b(?:(?:and|but) (?:then )?(?:never|didn'?t|did not) (?:get|got|receive|received)|(?:they|you|the (?:\w+ )?staff|the crew) (?:moved|bumped|downgraded|switched|changed) (?:me|us)|(?:was|were) (?:never )?(?:not )?(?:provided|delivered|given|honou?red)\b)/,
  ],
  // "charged me a restocking fee I wasn't told about": a fee nobody mentioned is an unexpected charge.
  [
    'wrong_charge',
    /\b(?:fee|charge|surcharge|cost)s?\b[^.!?]{0,30}\b(?:(?:i |we )?(?:wasn'?t|was not|weren'?t|were not) (?:told|informed|warned)|(?:no one|nobody) (?:told|mentioned|warned)|never (?:mentioned|disclosed|explained))\b/,
  ],
  // "the reset link goes to my old email": the way back in leads nowhere.
  [
    'login',
    /\b(?:reset|verification|login|sign-?in) (?:links?|e-?mails?|codes?|texts?)\b[^.!?]{0,15}\b(?:goes|go|went|sent|going|gets sent|is sent|are sent) to (?:my |an |the )?(?:old|previous|former|wrong)\b/,
  ],
  // "the coupon took off 10% but it should be 20%": less discount than promised.
  [
    'coupon_failed',
    /\b(?:took|taken|takes|knocked) off (?:only |just )?\d+ ?%[^.!?]{0,10}\bbut\b[^.!?]{0,25}\b(?:should|supposed|meant)\b/,
  ],
  // "someone is logging into my account from another country": sign-ins that are not the user's, as they happen.
  [
    'compromised',
    /\b(?:someone|somebody|a stranger) (?:else )?(?:is|keeps|has been|was|seems to be) (?:logging|signing) (?:in(?:to)?|on to|onto) (?:my|our|the)\b|\balguien (?:esta )?(?:entrando|accediendo|entro|accedio) (?:a|en) mi cuenta\b|\bjemand (?:hat sich|loggt sich|meldet sich) (?:in mein(?:em)? konto )?(?:eingeloggt|ein|an)\b|\bquelqu'un (?:se connecte|s'est connecte) (?:a|sur) mon compte\b|\balguem (?:esta )?(?:entrando|acessando|entrou|acessou) (?:na|a) minha conta\b/,
  ],
  // "ich muss den Namen auf meinem Ticket ändern", "cambiar el nombre de la reserva": a detail of the booking changed.
  [
    'order_change',
    /\b(?:namen|adresse|lieferadresse|bestellung|buchung|reservierung|gro(?:ss|ß)e|farbe|menge|datum)\b[^.!?]{0,30}\b(?:andern|aendern|anpassen|korrigieren|umbuchen)\b|\b(?:cambiar|corregir|changer|modifier|corriger|mudar|alterar|corrigir)\b (?:el |le |o |la |a )?(?:nombre|nom|nome|fecha|date|data)\b[^.!?]{0,20}\b(?:reserva|billete|entrada|pedido|reservation|billet|commande|bilhete|ingresso|encomenda)\b/,
  ],
  // Calendars and invitations, and an expired password, in the other languages.
  [
    'calendar',
    /\bcalendrier\b|\bcalendario\b|\bkalender\b|\binvitations? (?:de|a la|aux?) reunion\b|\binvitaciones?\b|\b(?:termin|besprechungs|meeting)?einladung(?:en)?\b|\bconvites?\b/,
  ],
  [
    'login',
    /\b(?:passwort|kennwort) (?:ist )?abgelaufen\b|\bcontrasena (?:ha )?caducad[oa]\b|\bcontrasena (?:ha )?expirad[oa]\b|\bmot de passe (?:a |est )?expire\b|\bsenha (?:expirou|expirada|venceu)\b/,
  ],
  // "la impresora no imprime", "o secador não liga": a machine that does not do its one job.
  [
    'faulty',
    /\bno (?:imprime|arranca|calienta|enfria|gira|suena|escanea)\b|\bdruckt (?:nicht|nichts)\b|\bn'imprime (?:pas|plus|rien)\b|\bnao (?:imprime|aquece|gira)\b|\b(?:o|a) [a-z]+ nao liga\b/,
  ],
  // "mein Monitor bleibt schwarz", "the screen stays black": a display that shows nothing.
  [
    'faulty',
    /\bbleibt (?:schwarz|dunkel)\b|\bse queda (?:en )?negr[oa]\b|\breste noir\b|\bfica (?:preto|preta|escuro|escura)\b|\b(?:screen|monitor|display)s? (?:stays|stay|is|are|goes|go|went|just goes) (?:completely )?(?:black|blank|dark)\b/,
  ],
  // "pedí la talla M y me llegó una L", "pedí el SPF 50 y me ha llegado el de SPF 30", "ordered the blue one but got a
  // red one": ordered one thing, another came.
  [
    'wrong_item',
    /\bordered\b[^.!?]{0,40}\bbut (?:i |we )?(?:got|received|they sent(?: me)?) (?:a|an|the|two|one|some)\b(?! (?:day|week|month|refund|email|message|call|text|confirmation|notification|update)s?\b)|\bped[ií]\b[^.!?]{0,40}\b(?:y|pero) (?:me )?(?:(?:ha|han) (?:llegado|mandado|enviado)|llego|llegaron|mandaron|enviaron|recibi|he recibido) (?:una?|otr[oa]s?|el|la|los|las)\b(?! (?:dia|semana|mes|hora|correo|mensaje|reembolso)s?\b)|\bpedi\b[^.!?]{0,40}\b(?:e|mas) (?:me )?(?:veio|chegou|recebi|mandaram|enviaram) (?:um|uma|outr[oa]s?|o|a)\b(?! (?:dia|semana|mes|hora|email|mensagem|reembolso)s?\b)|\bbestellt\b[^.!?]{0,40}\baber\b[^.!?]{0,25}\b(?:bekommen|geliefert|erhalten)\b|\bcommande\b[^.!?]{0,40}\bmais (?:j'ai )?(?:recu|on m'a envoye) (?:une?|la|le|les|des)\b/,
  ],
  // "in dark mode the totals are grey on grey, can barely read them": a display fault of the app, whatever it shows.
  [
    'software_fault',
    /\b(?:dark|light|night) mode\b[^.!?]{0,60}\b(?:hard to (?:read|see)|barely (?:read|see|visible|readable)|can'?t (?:see|read)|cannot (?:see|read)|unreadable|invisible|(?:grey|gray|white|black) on (?:grey|gray|white|black)|contrast)\b|\b(?:text|font|labels?|buttons?|layout|menu)\b[^.!?]{0,20}\b(?:overlap\w*|misaligned|cut off|unreadable)\b|\b(?:modo oscuro|dunkelmodus|dunklen modus|mode sombre|modo escuro)\b[^.!?]{0,60}\b(?:no se (?:ve|lee)|apenas|kaum|illisible|difficile a lire|mal se (?:ve|le)|nao (?:se )?(?:ve|le))\b/,
  ],
  // Faults, failed payments, wrong sizes and held deposits as the other languages put them.
  // "parou de carregar", "dejó de cargar", "ha smesso di caricare", "is gestopt met opladen": stopped doing its job.
  [
    'faulty',
    /\bparou de (?:carregar|ligar|acender|aquecer|girar|imprimir|responder|tocar|conectar|emparelhar)\b|\bdejo de (?:cargar|encender|calentar|girar|imprimir|responder|sonar|conectar|enfriar)\b|\ba arrete de (?:charger|s'allumer|chauffer|tourner|imprimer|repondre|sonner|refroidir)\b|\bha smesso di (?:caricare|accendersi|scaldare|girare|stampare|rispondere|suonare|raffreddare)\b|\bis gestopt met (?:opladen|werken|verwarmen|draaien|printen)\b|\blaadt niet meer op\b|\b(?:gaat|springt) niet meer aan\b|\bnon (?:si accende|si ricarica|scalda) piu\b/,
  ],
  // "a luz nem acende", "no enciende", "ne s'allume pas", "non si accende", "gaat niet aan": it shows no sign of life.
  [
    'faulty',
    /\b(?:nem|nao) acende\b|\bnem carrega\b|\bno (?:enciende|prende)\b|\bne s'allume (?:pas|plus)\b|\bne se recharge (?:pas|plus)\b|\bnon si (?:accende|ricarica)\b|\b(?:gaat|springt) niet aan\b|\blaadt niet (?:meer )?op\b/,
  ],
  // "Betaling mislukt", "pago rechazado", "Zahlung fehlgeschlagen": paying failed at the checkout.
  [
    'checkout',
    /\bpayment (?:failed|failure|error|keeps failing|won'?t go through|doesn'?t go through)\b|\b(?:de )?betaling (?:is )?(?:mislukt|geweigerd|lukt niet|gaat niet door)\b|\bafrekenen (?:lukt|gaat) niet\b|\bpago (?:fallido|rechazado|no se completa)\b|\bel pago (?:falla|fallo|no pasa)\b|\bzahlung (?:ist )?(?:fehlgeschlagen|abgelehnt|schlagt fehl|geht nicht durch)\b|\bpaiement (?:a )?(?:echoue|refuse|ne passe pas)\b|\bpagamento (?:falhou|recusado|nao (?:passa|foi concluido)|non riuscito|fallito|rifiutato|non va a buon fine)\b/,
  ],
  // "ho ordinato il 39 ma nella scatola ci sono i 41", "besteld in maat M maar ik kreeg een L": another one came.
  [
    'wrong_item',
    /\bho ordinato\b[^.!?]{0,60}\bma\b[^.!?]{0,30}\b(?:ci sono|c'e|e arrivat[oa]|sono arrivat[ie]|mi (?:e|sono) arrivat\w+|ho ricevuto|mi avete mandato)\b|\bbesteld\b[^.!?]{0,60}\bmaar\b[^.!?]{0,20}\b(?:ik kreeg|kreeg ik|ik heb \w+ gekregen|er zat|er zaten|ontvangen|geleverd)\b/,
  ],
  // "I ordered the dress in olive and got it in mustard", "pedí la camisa en verde y me llegó en azul": the order named,
  // then the colour or size it came in.
  [
    'wrong_item',
    /\border(?:ed)?\b[^.!?]{0,50}\b(?:and|but)\b (?:i |we )?(?:got|received|they sent|you sent)(?: me| us)? (?:it|them|one) in (?!(?:time|the|a|an|one|two|three|just|only|less|under|within|\d)\b)\w|\bped[ií]\w*\b[^.!?]{0,50}\b(?:y|pero) (?:me )?(?:llego|llegaron|lo recibi|la recibi) en (?!(?:\d|un|una|dos|tres|menos|solo)\b)\w|\bpedi\b[^.!?]{0,50}\b(?:e|mas) (?:me )?(?:chegou|veio|vieram|chegaram|recebi) (?:em|na cor) (?!(?:\d|um|uma|dois|duas|menos|so)\b)\w|\bcommande\w*\b[^.!?]{0,50}\b(?:et|mais) (?:je l'ai |on me l'a )?(?:recu\w*|livre\w*|envoye\w*) en (?!(?:\d|un|une|deux|moins)\b)\w|\bordinat\w*\b[^.!?]{0,50}\b(?:e|ma) (?:mi )?(?:e arrivat\w*|sono arrivat\w*|l'ho ricevut\w*) (?:in|di colore) (?!(?:\d|un|una|due|meno|tempo)\b)\w|\bbesteld\b[^.!?]{0,50}\b(?:en|maar) (?:ik )?(?:kreeg|ontving) (?:hem|het|ze|die) in (?!(?:\d|een|twee)\b)\w|\bbestellt\b[^.!?]{0,30}\b(?:und|aber) (?:es |ihn |sie )?(?:in|als) (?!(?:\d|einem|einer|zwei|drei|kurzer)\b)\w+ (?:\w+ )?(?:bekommen|erhalten|geliefert)\b/,
  ],
  // "you substituted my oat milk with cow's milk", "I'd ticked 'no substitutions'": something else sent in its place.
  [
    'wrong_item',
    /\b(?:you|they|you'?ve|they'?ve|the shop|the store|the picker)\b (?:have |had )?(?:substituted|swapped|replaced) (?:my|the|our)\b[^.!?]{0,40}\b(?:with|for)\b|\b(?:ticked|selected|chose|chosen|asked for|said|picked) '?"?no substitut|\b(?:sustituyeron|cambiaron) (?:mi|mis|el|la) [^.!?]{0,30}\bpor\b|\b(?:habt|haben|hat) (?:mein\w*|die|den|das) [^.!?]{0,30}\b(?:durch|gegen) [^.!?]{0,30}\b(?:ersetzt|ausgetauscht)\b|\b(?:avez|ont) remplace (?:mon|ma|mes|le|la) [^.!?]{0,30}\bpar\b|\bsubstitu[ií]ram (?:o|a|os|as|meu|minha) [^.!?]{0,30}\bpor\b|\b(?:avete|hanno) sostituito (?:il|la|i|le|mio|mia) [^.!?]{0,30}\bcon\b|\b(?:hebben|hebt|heeft) (?:mijn|de|het) [^.!?]{0,30}\bvervangen door\b/,
  ],
  // "die Kaution von 300 € ist immer noch blockiert": a deposit not released is money wrongly held.
  [
    'wrong_charge',
    /\b(?:deposit|kaution|fianza|deposito|caution|caucao|cauzione|borg|waarborg)\b[^.!?]{0,60}\b(?:still (?:held|blocked|on hold|pending|not released)|not (?:been )?released|blockiert|gesperrt|einbehalten|nicht freigegeben|retenid[oa]|bloquead[oa]|bloquee|retenue|pas (?:ete )?liberee|retid[oa]|bloccat[oa]|trattenut[oa]|non sbloccat[oa]|geblokkeerd|ingehouden|niet vrijgegeven)\b/,
  ],
  // What came against what was ordered, a price against the right one, and a delivery moved, in more words.
  // "the fleece is navy, i ordered forest green", "ordered the 39s but these are 41s": the order named after the item.
  [
    'wrong_item',
    /(?:\b(?:is|are|came|arrived|was|were)|'re)\b[^.!?]{1,30}(?:,|\bbut|\bwhereas)\s+(?:i|we) (?:had )?(?:ordered|asked for|chose|picked|selected|paid for)\b(?! (?:it|them|this|that|these|those|on|from|in|at|last|yesterday|today|two|three|a week|a month|online|via|through|for|with|over|ages|weeks|days|another|extra|more|again|some|a few|one more|the same|enough)\b| \d+ (?:days?|weeks?|months?|hours?|items?|of|more|extra)\b)|\bordered\b[^.!?]{0,40}\bbut (?:it'?s|it is|they'?re|they are|this is|these are|the box has|the label says)\b/,
  ],
  // "no me aplicaron el descuento", "le code promo n'a pas marché", "der Rabatt wurde nicht abgezogen".
  [
    'coupon_failed',
    /\bno (?:me |se )?(?:aplicaron|aplico|desconto|descontaron|funciono) (?:el |la )?(?:descuento|codigo|cupon|promocion)\b|\b(?:descuento|codigo|cupon)\b[^.!?]{0,40}\bno (?:me |se )?(?:lo |la )?(?:aplicaron|aplico|desconto|descontaron)\b|\b(?:rabatt|gutschein)\w*\b[^.!?]{0,30}\bnicht (?:\w+ )?(?:abgezogen|eingelost|angerechnet)\b|\bcode promo\b[^.!?]{0,30}\b(?:n'a pas|ne) (?:marche|fonctionne)\b|\bnao (?:me )?(?:aplicaram|descontaram) o (?:desconto|cupom)\b|\bnon mi (?:hanno )?applicat\w* (?:lo |il )?sconto\b|\bkorting\b[^.!?]{0,30}\bniet (?:toegepast|verrekend|afgetrokken)\b/,
  ],
  // "me cobraron 58,40 € en vez de 49,64", "charged £30 instead of £20": a price against the right one.
  [
    'wrong_charge',
    /\b(?:cobraron|cobrado|cobran|berechnet|abgebucht|facture|preleve|debite|cobraram|cobrado|addebitat\w*|fatturat\w*|afgeschreven|gerekend|charged|billed)\b[^.!?]{0,30}\b(?:en vez de|en lugar de|statt|anstatt|anstelle von|au lieu de|em vez de|ao inves de|invece di|anziche|in plaats van)\b\s*[$€£]?\s*\d/,
  ],
  // "I thought roaming was included in my plan", "EU-Roaming ist bei meinem Tarif doch inklusive??": a charge for what
  // the plan already covers. A plan word is needed: "I thought the charger was included" is a missing part.
  [
    'wrong_charge',
    /\b(?:thought|supposed to be|should be|meant to be|isn'?t|wasn'?t|aren'?t|weren'?t)\b[^.!?]{0,30}\bincluded (?:in|with|on) (?:my|the|our) (?:\w+ )?(?:plan|tariff|subscription|contract|package|membership|bundle|fare|deal)\b|\b(?:tarif|vertrag|abo|paket)\w*\b[^.!?]{0,30}\b(?:doch|eigentlich) (?:\w+ )?(?:inklusive|inbegriffen|enthalten)\b|\b(?:doch|eigentlich|sollte)\b[^.!?]{0,30}\b(?:im|in meinem|bei meinem) (?:tarif|vertrag|abo|paket)\w* (?:\w+ )?(?:inklusive|inbegriffen|enthalten)\b|\b(?:se supone que|pensaba que|deberia (?:estar|venir)|pero si)\b[^.!?]{0,30}\bincluid[oa]s? en (?:mi|el) (?:plan|tarifa|contrato|paquete|abono|suscripcion)\b|\b(?:normalement|pourtant|cense|je pensais)\b[^.!?]{0,30}\binclus\w* (?:dans|avec) (?:mon |ma |le |la |l')(?:forfait|abonnement|contrat|offre|formule)\b|\b(?:deveria|supostamente|pensei que)\b[^.!?]{0,30}\bincluid[oa]s? no (?:meu )?(?:plano|pacote|contrato)\b|\b(?:dovrebbe|pensavo)\b[^.!?]{0,30}\bincluso nel (?:mio )?(?:piano|abbonamento|contratto|pacchetto)\b|\b(?:abonnement|bundel|pakket|contract)\b[^.!?]{0,30}\btoch (?:\w+ )?inbegrepen\b/,
  ],
  // "vorrei spostare la consegna", "de levering verplaatsen naar maandag": a delivery moved to another day.
  [
    'order_change',
    /\b(?:spostare|posticipare|anticipare|rinviare|cambiare) (?:la |il giorno della |la data della )?consegna\b|\b(?:levering|bezorging|bezorgmoment)\b[^.!?]{0,20}\b(?:verplaatsen|verzetten|wijzigen|omzetten)\b|\b(?:verplaats|verzet)\w* (?:de |mijn )?(?:levering|bezorging)\b/,
  ],
  // "it's being delivered Thursday but I won't be home", "wordt donderdag bezorgd maar dan ben ik er niet": a delivery
  // still to come that the customer cannot take in on that day is one to move.
  [
    'order_change',
    /\b(?:deliver\w*|arriv(?:e|es|ing)|coming)\b[^.!?]{0,40}\bbut (?:i|we)(?:'ll| will)? (?:won'?t|will not|am not|'m not|are not|'re not|can'?t) (?:be )?(?:at )?(?:home|there|in|around|available)\b|\b(?:bezorg\w*|gelever\w*|levering)\b[^.!?]{0,40}\bmaar (?:dan )?(?:ben|zijn) (?:ik|we|wij) (?:er |dan )?niet\b|\b(?:geliefert|lieferung|zugestellt|zustellung|kommt)\b[^.!?]{0,40}\baber (?:da )?(?:bin ich|sind wir) (?:\w+ )?nicht (?:da|zu hause|zuhause|daheim)\b|\b(?:entrega\w*|entregar\w*|llega\w*|chega\w*)\b[^.!?]{0,40}\b(?:pero|mas) (?:eu |yo )?(?:no|nao) (?:estare|estaremos|estou|estoy|vou estar|voy a estar|estarei)\b|\blivr\w*\b[^.!?]{0,40}\bmais (?:je ne serai pas|nous ne serons pas|je serai absente?|je ne suis pas la)\b|\bconsegn\w*\b[^.!?]{0,40}\bma (?:io )?non (?:ci )?(?:saro|saremo|sono)\b/,
  ],
  // IT-desk wording in more languages: a device lost, an app put on a laptop, an app whose content will not load.
  // "perdi o telemóvel da empresa no comboio", "perdí el móvil del trabajo", "j'ai perdu mon téléphone pro".
  [
    'lost_device',
    /\b(?:perdi|perdemos|roubaram|perdido|perdida|robaron|robado|perdu|vole|me roubaram|me robaron)\s+(?:(?:o|a|el|la|mi|mon|ma|le|meu|minha|my)\s+)?(?:telemovel|celular|telefone|portatil|computador|movil|telefono|ordenador|telephone|portable|ordinateur|smartphone|laptop|notebook|tablet)\b|\b(?:mein(?:en)?|das) (?:handy|diensthandy|firmenhandy|laptop|notebook|tablet)\b[^.!?]{0,15}\b(?:verloren|gestohlen|verlegt)\b/,
  ],
  // "kunnen jullie Pixelstream op mijn laptop zetten", "me podéis poner X en el portátil": an app put on a machine.
  [
    'install',
    /\b(?:op|on) (?:mijn|m'n|onze) (?:laptop|computer|pc|mac) (?:zetten|krijgen)\b|\b(?:poner|meter)(?:me)? [^.!?]{0,30}\ben (?:mi|el) (?:portatil|ordenador|pc|mac)\b|\b(?:auf meinen|auf den) (?:laptop|rechner|pc|mac) (?:spielen|packen|bringen)\b|\bmettre [^.!?]{0,30}\bsur (?:mon|le) (?:pc|ordinateur|portable|mac)\b|\bcolocar [^.!?]{0,30}\bno (?:meu |o )?(?:portatil|computador|pc|mac)\b|\bmettere [^.!?]{0,30}\bsul (?:mio )?(?:portatile|computer|pc|mac)\b/,
  ],
  // "mijn tickets laden niet in de app", "die Tickets laden nicht in der App": content an app will not show.
  [
    'software_fault',
    /\b(?:laden|laadt|openen|opent|werken|werkt)\b[^.!?]{0,5}\bniet\b[^.!?]{0,10}\bin de (?:app|website|site)\b|\b(?:laden|ladt|offnen|offnet)\b[^.!?]{0,5}\bnicht\b[^.!?]{0,10}\bin der (?:app|website)\b|\bno (?:cargan|carga|se abren|se abre)\b[^.!?]{0,10}\ben la (?:app|aplicacion|web)\b|\bne (?:se )?(?:chargent|charge|s'ouvrent|s'ouvre) pas\b[^.!?]{0,10}\bdans l'(?:app|application)\b|\bnao (?:carregam|carrega|abrem|abre)\b[^.!?]{0,10}\bno (?:app|aplicativo|site)\b|\bnon (?:si )?(?:caricano|carica|aprono|apre)\b[^.!?]{0,10}\bnell'(?:app|applicazione)\b/,
  ],
  // An order cancelled with a pronoun, or changed to another size, as the other languages say it.
  // "mejor cancélalo", "annulez-la", "storniert sie bitte": cancelling the order named before.
  [
    'cancel',
    /\bcancel(?:a|e|en|ad)(?:lo|la|los|las)\b|\banul(?:a|e|en|ad)(?:lo|la|los|las)\b|\bannulez[- ](?:la|le|les)\b|\bannule[- ](?:la|le|les)\b|\bcancel(?:e|em)-(?:o|a|os|as)\b|\bannullat(?:elo|ela|eli)\b|\bstornier(?:en sie|t) (?:sie|es|die)\b/,
  ],
  // "me lo podéis cambiar a la 44", "kunt u het omzetten naar maat 44": the size of an order that has not left.
  [
    'order_change',
    /\bcambi(?:ar|armel[oa]|arl[oa]|ad|adl[oa])\b[^.!?]{0,20}\b(?:a|por) (?:la |el |una |un )?(?:talla |numero |tamano )?\d{1,3}\b|\b(?:me )?(?:lo|la) (?:podeis|puedes|pueden|podrian|podriais) cambiar (?:a|por) (?:la |el |una |un )?(?:talla |numero )?\d{1,3}\b/,
  ],
  // Sound faults, a fault the agent names, and "can I still cancel it".
  // "has started crackling at any volume", "hisses", "the sound distorts": a speaker or headphones at fault.
  [
    'faulty',
    /\b(?:crackl(?:e|es|ed|ing)|hiss(?:es|ing)|distort(?:s|ed|ing|ion)|(?:a |constant )?static (?:noise|sound)|(?:hardware|manufacturing|factory) (?:fault|defect)|knistert|rauscht|grésille|gresille|chiade|chiado|ruido de fondo|gracchia|kraakt)\b/,
  ],
  // "can I still cancel it? order LL-77093": the order is what a shop customer cancels.
  ['cancel', /\b(?:can|could) (?:i|we|you) (?:still |please )?cancel (?:it|this|that|them)\b/],
  // "Zoom won't share my screen": sharing a screen is a feature of the meeting app, not the display.
  [
    'software_fault',
    /\bscreen[ -]?shar\w*|\bshar\w* (?:my |the |your |our |a )?screen\b|\bpartager (?:mon |l')?ecran\b|\bcompartir (?:la |mi )?pantalla\b|\bbildschirm (?:teilen|freigeben|freigabe)\b|\bscherm (?:delen|deling)\b|\bcondivi\w* (?:lo |il mio )?schermo\b|\bcompartilhar (?:a |minha )?tela\b/,
  ],
  // "no me hizo el descuento", "der Gutschein wurde nicht abgezogen", "le code devait enlever 15 €": a discount that did not
  // come off, in the other languages (a bare "code" that doesn't work may be a sign-in code, so the discount is named).
  [
    'coupon_failed',
    /\b(?:cupon|descuento|promo\w*|gutschein\w*|rabatt\w*|coupon|reduction|remise|cupom|desconto|sconto|buono sconto|korting\w*)\b[^.!?]{0,30}\b(?:no (?:me |se |nos )?(?:hizo|aplic\w*|funcion\w*|desconto|acept\w*|valio)|nao (?:foi |me |nos )?(?:aplicad\w*|aplicou|funcionou|descontou|deu|aceit\w*)|(?:n'a|n'ont|ne s'est|ne se sont) pas (?:ete )?(?:appliquee?s?|fonctionne|marche|pris en compte|deduite?s?)|(?:wurde|wurden|ist|sind) (?:\w+ )?nicht (?:angewendet|angewandt|abgezogen|berucksichtigt|eingelost|akzeptiert)|funktioniert\w* nicht|non (?:e stato |e stata |mi |ci )?(?:applicat\w*|ha funzionato|funziona|scalat\w*|accettat\w*)|(?:is |werd |wordt )?niet (?:toegepast|verwerkt|verrekend|afgetrokken|geaccepteerd)|werkte niet)\b|\bno (?:me |nos )?(?:hizo|aplico|dio|desconto) (?:el |ningun )?descuento\b|\bnao (?:me |nos )?(?:fez|aplicou|deu) (?:o |nenhum )?desconto\b|\bn'a pas (?:applique|pris en compte|fait) (?:la |ma )?(?:reduction|remise)\b|\bnon (?:mi |ci )?(?:ha |hanno )?(?:applicato|fatto|dato|scalato) (?:lo |il )?sconto\b|\b(?:codigo|cupon|code|coupon|cupom|codice|gutschein|rabattcode|kortingscode|promo ?code)\b[^.!?]{0,25}\b(?:tenia que|debia|deberia|should have|was supposed to|was meant to|sollte|hatte \w+ sollen|devait|aurait du|deveria|devia|doveva|avrebbe dovuto|moest|had moeten)\b[^.!?]{0,10}\b(?:quitar|descontar|restar|take|taken|knock|knocked|abziehen|deduire|enlever|retirer|tirar|togliere|scontare|aftrekken|geven)\b/,
  ],
  // "my work iPhone just got snatched", "someone nicked my laptop": a device taken from its owner.
  [
    'lost_device',
    /\b(?:iphone|android|pixel|galaxy|phone|mobile|laptop|macbook|ipad|tablet|device|badge|yubikey|notebook)s?\b[^.!?]{0,20}\b(?:got|was|were|has been|have been|been)\s+(?:\w+\s+)?(?:snatched|stolen|nicked|pinched|swiped|grabbed|pickpocketed)\b|\b(?:someone|somebody|a thief|a guy|a man|they)\s+(?:just\s+)?(?:snatched|stole|nicked|pinched|swiped|grabbed)\s+(?:my|our)\s+(?:\w+\s+)?(?:iphone|phone|mobile|laptop|macbook|ipad|tablet|bag|backpack)\b|\b(?:me (?:arrebataron|robaron|quitaron)|on m'a (?:arrache|vole)|me (?:roubaram|furtaram|arrancaram)|mi hanno (?:scippato|strappato|rubato)|(?:aus der hand )?(?:gerissen|geklaut)|hebben mijn)\b[^.!?]{0,25}\b(?:movil|celular|telefono|iphone|portatil|telephone|portable|ordinateur|telemovel|notebook|telefonino|cellulare|handy|diensthandy|laptop|telefoon|mobiel)\b/,
  ],
  // "None of us in finance can get into Concur", "nadie puede entrar": a sign-in nobody gets through; "SAML response
  // signature invalid": single sign-on failing.
  [
    'login',
    /\b(?:none of us|nobody|no one|noone|neither of us)\b[^.!?]{0,25}\b(?:can|could|is able to|are able to) (?:log ?in|login|sign ?in|get (?:in|into)|access)\b|\bnadie (?:\w+ ){0,2}(?:puede|consigue|podemos) (?:entrar|acceder|iniciar sesion)\b|\bniemand (?:\w+ ){0,2}kann sich (?:\w+ ){0,3}(?:einloggen|anmelden)\b|\bpersonne (?:\w+ ){0,2}ne (?:peut|parvient a|arrive a) (?:se connecter|acceder|entrer)\b|\bninguem (?:\w+ ){0,2}(?:consegue|pode) (?:entrar|acessar|logar)\b|\bnessuno (?:\w+ ){0,2}riesce ad? (?:accedere|entrare)\b|\bniemand (?:\w+ ){0,2}kan (?:inloggen|erin)\b|\b(?:saml|sso|single sign-?on)\b[^.!?]{0,40}\b(?:invalid|error|errors|fail\w*|broken|loops?|looping|not working|expired)\b/,
  ],
  // "I should have MORE rights not fewer", "since my role change", "desde mi cambio de puesto no tengo permisos": what a
  // role lets someone do is a permission.
  [
    'access_request',
    /\b(?:more|fewer|less|enough|the right|approval|approver|admin|elevated|missing|my old|my new) (?:rights|permissions|privileges)\b|\b(?:since|after) (?:my|the|a|her|his) (?:role|job|position) change\b|\b(?:changed|switched|moved) (?:roles?|positions?|to a new role)\b|\bpermisos\b|\bberechtigung\w*|\bautorisations?\b|\bdroits d'acces\b|\bpermissoes\b|\bpermessi\b|\bbevoegdheden\b|\btoegangsrechten\b|\bcambio de (?:rol|puesto|cargo)\b|\brollenwechsel\b|\bchangement de (?:role|poste)\b|\bmudanca de (?:funcao|cargo|perfil)\b|\bcambio di ruolo\b|\brolwijziging\b/,
  ],
  // "his accounts in Dynamics 365 … I can't see or edit any of them": records one may not see or change are a permission.
  [
    'access_request',
    /\b(?:can'?t|cannot|can not|unable to|not able to) (?:see|view|open) or (?:edit|change|update|modify)\b|\b(?:can'?t|cannot|can not|unable to|not able to) (?:edit|change|update|modify) or (?:see|view|open)\b|\bno (?:puedo|podemos) (?:ver ni editar|ver ni modificar)\b|\bkann (?:\w+ ){0,3}(?:weder sehen noch bearbeiten|nicht sehen oder bearbeiten)\b|\bne (?:peux|pouvons) ni (?:voir|consulter) ni modifier\b|\bnao (?:consigo|posso) (?:ver nem editar|ver ou editar)\b|\bnon (?:riesco|posso) (?:a )?(?:vedere ne modificare|vedere o modificare)\b|\bkan (?:\w+ ){0,3}niet (?:zien of bewerken|bekijken of bewerken)\b/,
  ],
  // "can you just take that one off the order", "quitar el libro del pedido", "einen Artikel aus der Bestellung nehmen":
  // an item taken out of an order.
  [
    'order_change',
    /\btake (?:\w+ ){1,3}off (?:my|the|our|this) (?:order|box|delivery|basket)\b|\b(?:quitar|sacar|eliminar|quita|saca|elimina|quiten|saquen|eliminen)\b[^.!?]{0,30}\bdel pedido\b|\baus (?:der|meiner) bestellung (?:\w+ )?(?:nehmen|entfernen|streichen|loschen|herausnehmen|rausnehmen)\b|\b(?:retirer|enlever|supprimer|retirez|enlevez|supprimez)\b[^.!?]{0,30}\bde (?:ma|la) commande\b|\b(?:tirar|remover|retirar|tire|remova|retire)\b[^.!?]{0,30}\b(?:do (?:meu )?pedido|da (?:minha )?encomenda)\b|\b(?:togliere|rimuovere|togli|rimuovi|togliete|rimuovete)\b[^.!?]{0,30}\bdall'ordine\b|\buit (?:mijn|de) bestelling (?:halen|verwijderen|schrappen)\b/,
  ],
  // "we ordered it in ocean blue and it came in flamingo pink", "pedí el azul y llegó en rosa": another colour (or
  // flavour) than the one ordered arrived.
  [
    'wrong_item',
    new RegExp(
      `\\b(?:ordered|bought|chose|picked|pedi|pedimos|compre|encargue|encomendei|comprei|commande\\w*|achete\\w*|bestellt|gekauft|ordinat\\w*|comprat\\w*|besteld|gekocht)\\b[^.!?]{0,60}\\b(${VARIANTS})\\b[^.!?]{0,40}\\b(?:came|got|arrived|turned up|showed up|received|sent|delivered|llego|llegaron|vino|vinieron|recibi|mandaron|chegou|chegaram|veio|vieram|recebi|arrivee?s?|recue?s?|livree?s?|kam|kamen|geliefert|bekommen|erhalten|arrivat\\w*|ricevut\\w*|kwam|kwamen|geleverd|ontvangen)\\b[^.!?]{0,25}\\b(?!\\1\\b)(?:${VARIANTS})\\b|\\b(${VARIANTS})\\b[^.!?]{0,20}\\b(?:bestellt|besteld|gekauft|gekocht)\\b[^.!?]{0,40}\\b(?:kam|kamen|geliefert|bekommen|erhalten|kwam|kwamen|geleverd|ontvangen)\\b[^.!?]{0,25}\\b(?!\\2\\b)(?:${VARIANTS})\\b`,
    ),
  ],
  // "a catraca não lê meu QR code", "the gate won't scan my ticket": the check-in system refusing a code is software
  // failing, whatever the reader is called.
  [
    'software_fault',
    /(?<!\b(?:i|we|you) )\b(?:does ?n'?t|does not|wo ?n'?t|will not|ca ?n'?t|cannot|not|never|no longer|stopped)\s+(?:read|reading|scan|scanning|accept|accepting|recogni[sz]e|recogni[sz]ing)\s+(?:my|the|our|his|her|their|any)\s+(?:qr|bar ?code|(?:qr |access |entry )code|e-?ticket|ticket|boarding pass|pass)\b|\bno (?:me )?(?:lee|escanea|reconoce|acepta)\s+(?:mi|el|la|los)\s+(?:codigo|qr|entrada|billete|pase)\b|\bnao (?:le|leu|escaneia|reconhece|aceita)\s+(?:o |a )?(?:meu|minha|o|a)\s+(?:qr|codigo|ingresso|bilhete|passe)\b|\bne (?:lit|scanne|reconnait|accepte) (?:pas|plus) (?:mon|ma|le|la) (?:qr|code|billet|pass)\b|\b(?:liest|scannt|erkennt|akzeptiert) (?:meinen|meine|mein|den|das|die) (?:qr|code|ticket|barcode)\S* (?:\S+ )?nicht\b|\bnon (?:legge|scansiona|riconosce|accetta) (?:il mio |la mia |il |la )(?:qr|codice|biglietto)\b|\b(?:leest|scant|herkent|accepteert) (?:mijn|de|het) (?:qr|code|ticket|barcode)\S* (?:\S+ )?niet\b/,
  ],
  // (Placed after the patterns that number their groups, and named, so the backreferences of those stay right.)
  // "ik heb fineliners besteld in sepia maar ik heb de zwarte set gekregen": the colour ordered, then another one
  // received, with the verb last as Dutch and German put it.
  [
    'wrong_item',
    new RegExp(
      `\\b(?:besteld|bestellt|gekocht|gekauft)\\b[^.!?]{0,40}\\b(?<orderedColour>${COLOURS})\\b[^.!?]{0,10}\\b(?:maar|aber)\\b[^.!?]{0,25}\\b(?!\\k<orderedColour>\\b)(?:${COLOURS})\\b[^.!?]{0,25}\\b(?:gekregen|ontvangen|geleverd|gestuurd|bekommen|erhalten|geliefert|geschickt)\\b`,
    ),
  ],
];
for (const [id, re] of MORE_PATTERNS) CONCEPTS.find((x) => x.id === id)?.patterns.push(re);

const CONCEPT_BY_ID = new Map(CONCEPTS.map((x) => [x.id, x]));

export function conceptById(id: string): Concept | undefined {
  return CONCEPT_BY_ID.get(id);
}

export interface ConceptHit {
  id: string;
  /** Offset of the match in the folded text. */
  at: number;
}

// "no need for a card refund": what is not needed reaches a word further than a plain "no".
const NEGATION =
  /\b(?:not|no|never|don'?t|dont|doesn'?t|didn'?t|isn'?t|wasn'?t|aren'?t|weren'?t|without|nothing|nicht|kein\w*|pas|nao|sin|sem|ni)\b(?:\s+[\w'-]+){0,2}\s+$|\bno need (?:for|of|to)\b(?:\s+[\w'-]+){0,2}\s+$/;

/** Concepts mentioned in folded text; a negatable concept right after a negation ("don't want a refund") is skipped. */
// One scan per concept instead of one per pattern: the lexicon is read on every sentence of every prediction.
const COMBINED = CONCEPTS.map((concept) => {
  const source = concept.patterns.map((p) => `(?:${p.source})`).join('|');
  return { concept, re: new RegExp(source, 'g'), cue: requiredLiterals(source) };
});
// Most concepts cannot match a given sentence: a word each of them needs is looked up first, in one pass.
const PREFILTER = new LiteralPrefilter(COMBINED.map((x) => x.cue));
const COMBINED_BY_ID = new Map(COMBINED.map((x) => [x.concept.id, x]));

/**
 * Within one prediction the same sentence is read for the category, the priority, the title, the product and the
 * application: while `rememberingConcepts` runs, its hits are worked out once. Nothing outlives the prediction, so no
 * customer text is kept between conversations.
 */
let remembered: Map<string, readonly ConceptHit[]> | null = null;
const onlyKeys = new WeakMap<ReadonlySet<string>, string>();

export function rememberingConcepts<T>(work: () => T): T {
  const outer = remembered;
  remembered = outer ?? new Map();
  try {
    return work();
  } finally {
    remembered = outer;
  }
}

export function findConcepts(text: string, only?: ReadonlySet<string>): readonly ConceptHit[] {
  if (!remembered) return scanConcepts(text, only);
  let onlyKey = '';
  if (only) {
    onlyKey = onlyKeys.get(only) ?? [...only].sort().join(',');
    onlyKeys.set(only, onlyKey);
  }
  const key = `${onlyKey}\u0000${text}`;
  const known = remembered.get(key);
  if (known) return known;
  const hits = scanConcepts(text, only);
  remembered.set(key, hits);
  return hits;
}

function scanConcepts(text: string, only?: ReadonlySet<string>): ConceptHit[] {
  const hits: ConceptHit[] = [];
  if (text.length < 3) return hits;
  // "charged $12.99 even though I cancelled": a decimal point is no sentence end for the patterns' [^.!?] spans.
  // Same length, so match offsets still point into the caller's text.
  const folded = /\d\.\d/.test(text) ? text.replace(/(\d)\.(?=\d)/g, '$1,') : text;
  const possible = PREFILTER.possible(folded);
  for (let index = 0; index < COMBINED.length; index++) {
    const { concept, re } = COMBINED[index]!;
    if (!possible[index] || (only && !only.has(concept.id))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      if (concept.negatable && isNegated(folded, m.index, concept.id)) {
        if (re.lastIndex === m.index) re.lastIndex++;
        continue;
      }
      hits.push({ id: concept.id, at: m.index });
      break;
    }
  }
  let kept = hits;
  for (const reading of SENTENCE_READINGS) kept = reading(folded, kept, only);
  return kept;
}

// "I need to install Wireshark to debug some packet loss on the staging VPN", "instalar X para depurar la VPN": what a
// tool is wanted for is its purpose, not a problem of this case; what is read after the purpose is set aside.
const PURPOSE =
  /\b(?:install|download|run|use|get|borrow)\b(?!\s+(?:some |any )?(?:help|support|assistance|someone|somebody|you|it|this|that)\b)\s+(?:\S+\s+){1,8}?((?:to|in order to|so (?:that )?i can) (?:debug|troubleshoot|diagnose|test|investigate|analy[sz]e|monitor|capture|trace|sniff|look into))\b|\b(?:instalar|usar|descargar|installer|utiliser|telecharger|baixar|installare|usare|scaricare|installieren|nutzen|installeren|gebruiken)\b[^.!?]{1,60}?\b((?:para|pour|per|afin de) (?:depurar|diagnosticar|analizar|probar|investigar|deboguer|diagnostiquer|analyser|tester|testar|analisar|fare (?:il )?debug|diagnosticare|analizzare|testare)|um(?= [^.!?]{0,60}\bzu (?:debuggen|analysieren|testen|untersuchen|diagnostizieren)\b)|om(?= [^.!?]{0,60}\bte (?:debuggen|analyseren|testen|onderzoeken)\b))\b/;

function forPurpose(folded: string, hits: ConceptHit[]): ConceptHit[] {
  const m = hits.length > 1 ? PURPOSE.exec(folded) : null;
  if (!m) return hits;
  const cut = m.index + m[0].length - (m[1] ?? m[2] ?? '').length;
  return hits.filter((h) => h.at < cut);
}

// "I cracked my phone screen and I'm trying to file a claim through the portal": damage told as what an insurance or
// protection-plan claim is for is its background; the case is about the claim.
const FILING_CLAIM =
  /\b(?:fil(?:e|ing)|mak(?:e|ing)|submit(?:ting)?|lodg(?:e|ing)|open(?:ing)?|start(?:ing)?) (?:a |an |my |the )?(?:insurance |protection |warranty )?claim\b|\b(?:presentar|poner|abrir|tramitar) (?:una |la )?reclamacion (?:al|del|con el) seguro\b|\b(?:schaden|versicherungsfall) (?:\w+ )?(?:melden|einreichen)\b|\bdeclarer (?:un |le |mon )?sinistre\b|\b(?:abrir|acionar) (?:um |o )?(?:sinistro|seguro)\b|\baprire (?:un |il )?sinistro\b|\b(?:een )?(?:claim|schade) (?:in ?dienen|melden)\b/;
const CLAIMED_DAMAGE = new Set(['broken', 'damaged', 'faulty']);

function claimContext(folded: string, hits: ConceptHit[]): ConceptHit[] {
  if (!hits.some((h) => CLAIMED_DAMAGE.has(h.id)) || !FILING_CLAIM.test(folded)) return hits;
  return hits.filter((h) => !CLAIMED_DAMAGE.has(h.id));
}

// "the Zoom add-in disappeared from Outlook, I can't add links to invites": the add-in is what fails; the mail app and
// its invites are where it lives. German and Dutch say "Add-in"/"plug-in" too.
// "the zoom button disappeared from outlook": another app's button inside the mail app is its add-in too.
const ADD_IN =
  /\b(?:add-?ins?|plug-?ins?)\b|\b(?!(?:send|reply|forward|delete|new|outlook|mail|email|calendar|the|a|my)\b)[a-z][\w-]+ (?:button|icon|tab)\b[^.!?]{0,30}\b(?:from|in|on) (?:my |the )?(?:outlook|gmail|thunderbird|apple mail|mail app|calendar)\b/;

const ADD_IN_HOST = new Set(['mail', 'calendar']);

function addInHost(folded: string, hits: ConceptHit[]): ConceptHit[] {
  if (!hits.some((h) => ADD_IN_HOST.has(h.id)) || !ADD_IN.test(folded)) return hits;
  return hits.filter((h) => !ADD_IN_HOST.has(h.id));
}

/** The sentence names the concept only as where something else lives (the mail app hosting an add-in). */
export function onlyHosts(folded: string, id: string): boolean {
  return ADD_IN_HOST.has(id) && ADD_IN.test(folded);
}

// "my onedrive has stopped syncing, red x on the whole Grants folder": files that will not sync are the sync app
// failing, not the mail and calendar sync an option hint may name.
const FILE_SYNC =
  /\b(?:onedrive|sharepoint|dropbox|google drive|icloud drive|drive|folders?|files?|documents?|docs|ordner|dateien|carpetas?|archivos|dossiers?|fichiers|pastas?|arquivos|cartell[ae]|mappen?|bestanden)\b/;
const MAIL_SYNC =
  /\b(?:outlook|calendar|mail|e-?mails?|inbox|contacts|invites?|meetings?|kalender|calendario|calendrier|agenda)\b/;

function fileSync(folded: string, hits: ConceptHit[], only?: ReadonlySet<string>): ConceptHit[] {
  const i = hits.findIndex((h) => h.id === 'sync');
  if (i < 0 || (only && !only.has('software_fault')) || hits.some((h) => h.id === 'software_fault')) return hits;
  if (!FILE_SYNC.test(folded) || MAIL_SYNC.test(folded)) return hits;
  return hits.map((h, j) => (j === i ? { id: 'software_fault', at: h.at } : h));
}

// "the dishwasher keeps stopping with error E24": an error code a machine at home shows is a fault of the machine, not
// of an app or a website, when no software is named beside it.
const APPLIANCE =
  /\b(?:dishwashers?|washing machines?|washers?|dryers?|tumble dryers?|fridges?|freezers?|fridge-freezers?|ovens?|hobs?|cookers?|boilers?|microwaves?|coffee (?:machine|maker)s?|espresso machines?|air fryers?|vacuums?|hoovers?|heat pumps?|water heaters?|kettles?)\b/;

// "the left side of my headphones keeps cutting out": sound that drops on a device worn or plugged in is the device
// failing, not an app crashing, when no software is named beside it.
const AUDIO_DEVICE =
  /\b(?:headphones?|earbuds?|earphones?|headsets?|speakers?|soundbars?|hearing aids?|ear ?pods|airpods|(?:left|right) (?:ear|side|bud|earbud|speaker))\b/;

// "the staff room printer is saying offline again": a printer or scanner showing offline is the device's fault on an
// IT desk's board, whatever took it off the network.
const PERIPHERAL_OFFLINE =
  /\b(?:printers?|scanners?|plotters?|label printers?|copiers?|photocopiers?|mfps?)\b[^.!?]{0,40}\b(?:is|are|says|saying|shows|showing|went|goes|going|appears|keeps (?:going|showing)) (?:as )?offline\b/;

// "quick one before I sign up: does the plan let me download videos to watch offline?": what a customer asks before
// buying describes the use they have in mind, not a problem they have.
const BEFORE_BUYING_QUESTION =
  /\bbefore (?:i|we) (?:buy|order|purchase|sign up|subscribe|join|upgrade|commit)\b[^?]{0,160}\?/;

function beforeBuyingQuestion(folded: string, hits: ConceptHit[]): ConceptHit[] {
  if (!hits.some((h) => h.id === 'pre_purchase') || !BEFORE_BUYING_QUESTION.test(folded)) return hits;
  return hits.filter((h) => !COMBINED_BY_ID.get(h.id)?.concept.problem);
}

function peripheralOffline(folded: string, hits: ConceptHit[]): ConceptHit[] {
  if (!hits.some((h) => h.id === 'network') || !PERIPHERAL_OFFLINE.test(folded)) return hits;
  return hits.filter((h) => h.id !== 'network');
}

function deviceCutsOut(folded: string, hits: ConceptHit[]): ConceptHit[] {
  const i = hits.findIndex((h) => h.id === 'crash');
  if (i < 0 || hits.some((h) => h.id === 'faulty') || !AUDIO_DEVICE.test(folded) || SOFTWARE_SUBJECT.test(folded))
    return hits;
  return hits.map((h, j) => (j === i ? { id: 'faulty', at: h.at } : h));
}

function applianceErrors(folded: string, hits: ConceptHit[]): ConceptHit[] {
  const i = hits.findIndex((h) => h.id === 'error');
  if (i < 0 || hits.some((h) => h.id === 'faulty') || !APPLIANCE.test(folded) || SOFTWARE_SUBJECT.test(folded))
    return hits;
  return hits.map((h, j) => (j === i ? { id: 'faulty', at: h.at } : h));
}

// "a $340 damage charge on my card", "they billed me for damage": a charge for damage is a charge; whether the damage
// was the customer's is what the dispute is about, not a damaged product.
const DAMAGE_CHARGED =
  /\bdamage (?:charge|fee|bill|invoice|claim|cost|costs|excess)s?\b|\b(?:charged|billed|invoiced)\b[^.!?]{0,20}\b(?:for|with) (?:the |a |some |alleged )?['"‘“]?damage\b/;

function damageCharged(folded: string, hits: ConceptHit[]): ConceptHit[] {
  if (!hits.some((h) => h.id === 'damaged') || !DAMAGE_CHARGED.test(folded)) return hits;
  return hits.filter((h) => h.id !== 'damaged');
}

// "ainda não recebi o reembolso", "never got my refund": what has not arrived is the money, not a parcel.
const MONEY_NOT_RECEIVED =
  /\b(?:received|got|gotten|seen|arrived|recibido|recibi|llegado|recebi|recebido|chegou|erhalten|bekommen|angekommen|recu|ricevuto|arrivato|ontvangen|gekregen)\b\W+(?:(?:my|the|a|any|your|o|a|el|mi|meu|minha|mon|ma|le|la|il|mijn|de|meine?n?|das|die|den|ancora|nog|noch|kein\w*|nada|nenhum|aucun)\W+){0,2}(?:refund|refunds|reembolso|devolucion|money|dinero|dinheiro|geld|ruckerstattung|erstattung|remboursement|argent|rimborso|soldi|terugbetaling|credit)\b/;

// "Laut Sendungsverfolgung liegt das Paket im Verteilzentrum und es passiert nichts": nothing happening to a parcel is
// a delivery standing still, not a machine that does nothing.
const NOTHING_HAPPENS_AT = new RegExp(NOTHING_HAPPENS, 'y');
const PARCEL_WORDS =
  /\b(?:parcel|package|shipment|tracking|paket\w*|sendung\w*|colis|suivi|paquete|envio|seguimiento|pacote|encomenda|rastreio|pacco|spedizione|pakket|pakje|zending)\b/;

function parcelStandsStill(folded: string, hits: ConceptHit[]): ConceptHit[] {
  if (!PARCEL_WORDS.test(folded)) return hits;
  return hits.filter((h) => {
    if (h.id !== 'faulty') return true;
    NOTHING_HAPPENS_AT.lastIndex = h.at;
    return !NOTHING_HAPPENS_AT.test(folded);
  });
}

// "never got the email with the QR codes", "the confirmation text never came": a message that did not come is no
// parcel that did not arrive.
const MESSAGE_NOT_RECEIVED =
  /\b(?:received|got|gotten|get|seen)\b\W+(?:(?:the|my|a|any|an|your)\W+)?(?:confirmation |booking |order )?(?:e-?mails?|confirmations?|codes?|links?|qr|sms|texts?|messages?|receipts?|e-?tickets?)\b|\b(?:e-?mail|confirmation|code|link|qr code|sms|text|message|receipt)s? (?:never|still hasn'?t|hasn'?t|didn'?t|did not|has not) (?:came|come|arrived|turned up|shown up)\b/;

/** What did not come is money or a message, so no parcel went missing. */
function notAParcel(folded: string, hits: ConceptHit[]): ConceptHit[] {
  if (!hits.some((h) => h.id === 'not_received' || h.id === 'not_arrived')) return hits;
  if (!MONEY_NOT_RECEIVED.test(folded) && !MESSAGE_NOT_RECEIVED.test(folded)) return hits;
  return hits.filter((h) => h.id !== 'not_received' && h.id !== 'not_arrived');
}

/**
 * Second readings of a sentence's hits, in order: each one sets aside or renames a concept its context says was
 * misread ("the zoom button disappeared from outlook" names the mail app only as the add-in's host).
 */
const SENTENCE_READINGS: Array<(folded: string, hits: ConceptHit[], only?: ReadonlySet<string>) => ConceptHit[]> = [
  fileSync,
  softwareFaults,
  applianceErrors,
  deviceCutsOut,
  peripheralOffline,
  beforeBuyingQuestion,
  chosenByMistake,
  notAParcel,
  parcelStandsStill,
  damageCharged,
  claimContext,
  forPurpose,
  addInHost,
];

/** The concept is named in the text only after a negation ("I don't want a refund"): a reading of it is denied. */
export function negatedMention(folded: string, id: string): boolean {
  const entry = COMBINED_BY_ID.get(id);
  if (!entry?.concept.negatable) return false;
  // The scan's own compiled pattern (global, so lastIndex is reset): compiling a copy per call cost more than the scan.
  const re = entry.re;
  re.lastIndex = 0;
  let negated = false;
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    if (!isNegated(folded, m.index, id)) {
      re.lastIndex = 0;
      return false;
    }
    negated = true;
    if (re.lastIndex === m.index) re.lastIndex++;
  }
  re.lastIndex = 0;
  return negated;
}

// "escolhi o tamanho errado", "I picked the wrong colour": the customer's own slip when ordering, not a wrong item sent.
const CHOSE_WRONG =
  /\b(?:chose|picked|selected|clicked|ticked|put in|entered)\s+(?:the |a )?wrong\b|\b(?:escolhi|selecionei|marquei|elegi|seleccione|escogi|marque)\s+(?:o |a |la |el )?(?:\w+ )?(?:errad|equivocad|incorrect)\w*|\bfalsche\w* (?:\w+ )?(?:gewahlt|ausgewahlt|angeklickt)\b|\b(?:choisi|selectionne|coche)\s+(?:la |le )?mauvais\w*/;

function chosenByMistake(folded: string, hits: ConceptHit[]): ConceptHit[] {
  if (!hits.some((h) => h.id === 'wrong_item') || !CHOSE_WRONG.test(folded)) return hits;
  return hits.filter((h) => h.id !== 'wrong_item');
}

// What stopped working decides whose problem it is: a feature, an update or a service is software, not a faulty item;
// a buckle that "clicks but pops open" is a part of the thing, whatever the click.
const SOFTWARE_SUBJECT =
  /\b(?:apps?|application|website|web ?site|site|software|update|upgrade|sync\w*|synchroni\w*|sincroniz\w*|feature|integration|portal|voicemail|browser|plugin|add-?in|extension|dashboard|notifications?|online|aplicacion|aplicativo|logiciel|anwendung|buzon de voz|mailbox|agenda|calendar|routines?|automations?|firmware|schedules?|scenes?|presets?|rotina|rutina|routine|click\w*|klick\w*|cliqu\w*|clique|clico|clicar|clic|pulso|pulsar|presiono|toco|taps?|tapping|checkout|basket|cart|warenkorb|carrito|panier|carrinho|pagar|payer|bezahlen)\b/;
const PHYSICAL_FAULT =
  /\b(?:pair|charg\w*|power|turn\w* on|spin|heat|cool|noise|smell|leak|screen|battery|button|boton|botao|knopf|bouton|encendido|einschalt\w*|latch\w*|buckle\w*|clasp|hinge\w*|zip|zips|zipper|strap\w*|lid|handle|wheels?|seams?|stitch\w*|sole|pops? open)\b/;

function softwareFaults(folded: string, hits: ConceptHit[], only?: ReadonlySet<string>): ConceptHit[] {
  const faulty = hits.findIndex((h) => h.id === 'faulty' || h.id === 'broken');
  if (faulty < 0 || (only && !only.has('software_fault')) || hits.some((h) => h.id === 'software_fault')) return hits;
  if (!SOFTWARE_SUBJECT.test(folded) || PHYSICAL_FAULT.test(folded)) return hits;
  const at = hits[faulty]!.at;
  return hits.map((h, i) => (i === faulty ? { id: 'software_fault', at } : h));
}

// "still not refunded", "toujours pas remboursé", "noch kein Geld zurück": what has not happened yet is still the topic.
const NOT_YET = /\b(?:still|yet|toujours|todavia|aun|noch|ainda)\b/;

// "I never received my refund", "no he recibido el reembolso": what did not come is still the topic.
const RECEIVING =
  /\b(?:received|receive|got|gotten|get|seen|recibido|recibi|recebi|recebido|erhalten|bekommen|recu|ricevuto|ontvangen|gekregen)\b\W+(?:[\w']+\W+){0,2}$/;

// "and I don't get charged again, right?": a charge is not something one receives, so "get charged" after a negation
// is a charge that does not happen, unlike "I didn't get my refund".
const NOT_RECEIVED = new Set(['double_charge', 'wrong_charge']);

export function isNegated(folded: string, at: number, id?: string): boolean {
  const before = folded.slice(Math.max(0, at - 40), at);
  const clause = before.split(/[,;:.!?]| but | pero | aber | mais | mas /).pop() ?? '';
  if (NOT_YET.test(clause) || (RECEIVING.test(clause) && !(id && NOT_RECEIVED.has(id)))) return false;
  return NEGATION.test(` ${clause}`);
}
