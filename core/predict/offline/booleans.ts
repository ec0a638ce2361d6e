import type { FieldDefinition } from '../../types.js';
import { fold } from './text.js';
import type { Transcript, Turn } from './transcript.js';

export interface FlagFound {
  value: boolean;
  confidence: number;
  evidence: string[];
}

/** Words for money back, in the languages the predictor reads (folded: no accents). */
const REFUND_WORDS =
  "(?:refunded|refund|money back|reimbursement|reimbursed|reimburse|erstattung|ruckerstattung|geld zuruck|mein geld|(?:zuruck)?erstatten|reembolso|reembolsar|devuelvan el dinero|devolucion del dinero|mi dinero|estorno|remboursez|rembourse-moi|reembolsen|reembolseme|reembolsadme|rimborsatemi|rimborsami|remboursement|rembourser|remboursee?s?|dinheiro de volta|meu dinheiro|rimborso|rimborsare|soldi indietro|devolucion del importe|devolucion del dinero|el dinero|o dinheiro|l'argent|paid back|pay (?:me|it|that) back|reverse the (?:charge|payment|transaction)|rimborsat[oaie]|terugbetaling|geld terug|back to my (?:bank|card|account))";
const REFUND = new RegExp(`\\b(?:a |the |my |full |a full |your |un |une |einen? |um |o |el )?${REFUND_WORDS}`, 'g');
const TOPIC = new RegExp(REFUND_WORDS);
const REQUEST_BEFORE =
  /\b(?:want|wants|wanted|need|would like|i'?d like|like|get|give me|request|requesting|asking for|ask for|prefer|prefiero|prefiro|preferisco|je prefere|ich hatte lieber|ik heb liever|can i get|could i get|can i have|(?:could|may) i (?:just |please )?have|can i (?:just |please )have|can you|could you|would you|please|pls|i'?ll take|go with|quiero|quisiera|necesito|il me faut|me faut|j'ai besoin d[eu]|j'ai besoin de|preciso d[eoa]|ich brauche|brauche|ich mochte|ich will|ich hatte gerne?|je veux|je voudrais|quero|gostaria|ik wil|ik zou graag|graag|me pueden|me puede|pueden|puede|podrian|podria|me podem|pode|podem|pouvez-vous|pourriez-vous|vous pouvez|vous pourriez|tu peux|tu pourrais|konnen sie|konnten sie|vorrei|voglio)\b(?:\s+(?:to\s+)?(?:get\s+|have\s+|receive\s+|be\s+|etre\s+|ser\s+|sein\s+|essere\s+|devolver(?:me)?\s+|rendre\s+|restituire\s+)?(?:que me\s+)?(?:(?:o|a|um|el|la|le|mon|meu|me|the|my|our|a|full|whole|second|first|other|extra|duplicate|one|it|that|this|them|both|los|las|os|as|das|die|den|mein|meine|mi|mis|minha|les|mes|ma|il|lo|mijn|het|mio|eine|einen|un|una|une)\s+){0,3})?\s*$/;
// "I'd like the $60 difference refunded", "I want the extra charge reimbursed": what is wanted, then the money-back
// participle ("refunded" is read before "refund" in REFUND_WORDS, so the rest of the word is no left-over "ed").
const WANTED_BACK =
  /\b(?:want|wants|need|needs|would like|i'?d like|like to have|get|quiero|quisiera|je veux|je voudrais|ich mochte|ich will|ich hatte gerne?|quero|gostaria de ter|vorrei|voglio|ik wil)\s+(?:\S+\s+){1,4}$/;
// "can I return them and get my money back?", "posso devolver e receber o dinheiro de volta?": asking leave to do both.
const AND_HAVE =
  /\b(?:want|wanna|would like|i'?d like|quiero|quisiera|je veux|je voudrais|ich mochte|ich will|quero|gostaria de|vorrei|voglio|ik wil|can i|could i|may i|puedo|podria|posso|poderia|puis-je|est-ce que je peux|kann ich|konnte ich|darf ich|kan ik|mag ik)\b[^.!?]{0,30}\b(?:and|y|e|et|und|en) (?:get|have|receive|obtener|tener|recibir|avoir|obtenir|recevoir|bekommen|erhalten|ter|receber|obter|avere|ottenere|ricevere|krijgen|ontvangen)\s+(?:(?:a|the|my|el|un|mi|le|un|mon|o|um|meu|il|lo|un|mio|een|de|mijn|eine|einen|die|meine)\s+)?(?:full\s+)?$/;
const PARTICIPLE_BACK = /(?:refunded|reimbursed|remboursee?s?|rimborsat[oaie])$/;
// "ok, refund then please", "the refund instead please".
const REQUEST_AFTER =
  /^\s*[,.!]?\s*(?:(?:then|instead)\s+)?(?:please|pls|plz|por favor|bitte|s'il vous plait|per favore|grazie)\b/;
// "el dinero no, quiero las negras", "refund? no": the refund named, then turned down.
const DECLINE_AFTER =
  /^\s*[,.!?]?\s*(?:no|nein|non|nao|nope)\b(?!\s+(?:(?:ha|han|he|has|hemos|me|lo|la|le)\s+)?(?:llegado|recibido|visto|arrived|came|received|shown|aparecido|dado|devuelto))/;
/**
 * "Geld zurück möchte ich nicht", "een terugbetaling hoef ik niet", "a refund isn't what I'm after": the refund named
 * first and the "not" coming after the verb, as German and Dutch put it. Words for "still/yet" make it one waited for.
 */
const DECLINE_LATER =
  /^\s*,?\s*(?:(?:mochte|mochten|will|wollen|brauche|brauchen|benotige)\s+(?:ich|wir)\s+(?:(?!noch\b)\w+\s+){0,2}(?:nicht|keine?n?)\b|(?:wil|wilt|willen|hoef|hoeven)\s+(?:ik|we|wij)\s+(?:(?!nog\b)\w+\s+){0,2}(?:niet|geen)\b|(?:heb|hebben)\s+(?:ik|we|wij)\s+(?:\w+\s+)?niet nodig\b|(?:isn'?t|is not|wouldn'?t be|would not be)\s+(?:really\s+)?(?:what (?:i|we)|necessary|needed|the point)\b|(?:je )?(?:ne m'interesse pas|n'en (?:veux|ai) pas|n'est pas necessaire))/;
// "swap them for a 42 instead of the refund": the alternative chosen over the refund.
const DECLINE =
  /\b(?:instead of|rather than|en lugar del?|en vez del?|statt|anstatt|au lieu d[eu']|au lieu de la|plutot qu['e]|em vez d[eoa]|ao inves d[eoa]|in plaats van|invece del?)\s*$|\b(?:rather|prefer\w*|prefier\w*|lieber|plutot|prefiro)\b[^.!?]{0,40}\b(?:than|que|als)\s*$|\b(?:don'?t|do not|dont|no|not|never|won'?t)\s+(?:want|need|looking for|asking for|interested in)\b[^.!?]{0,20}$|\b(?:no|kein\w*|pas de|sin|sem|nao|niente|nessun[oa]?|geen|ningun[oa]?|aucun\w*)\s+$|\b(?:nao|no) (?:precis\w*|necesit\w*|hace falta|quero|quiero)\s+(?:de\s+|del?\s+|un\s+|um\s+)?$|\bpas besoin (?:de|d'un|du)\s*$|\bbrauche (?:keine?n?)\s*$|\bnon (?:serve|ho bisogno d\w*|voglio)\s*(?:il|un|del)?\s*$|\bhoef (?:geen|niet)\s*$|\b(?:no quiero|nao quero|ich will kein\w*|je ne veux pas|non voglio|ik wil geen)\b[^.!?]{0,15}$|\b(?:no,? thanks?|no,? thank you|thanks,? but no|nein,? danke|non,? merci|no,? gracias|nao,? obrigad[oa]|no,? grazie|nee,? (?:bedankt|dank je))\s+(?:(?:to|on|for|re|about|with|pour|zur?|fur|al?|con|para|per|voor)\s+)?(?:(?:the|a|that|any|le|la|l'|die|den|das|el|o|il|lo|het|de)\s*)?$|\b(?:forget|skip|scrap|drop|never ?mind|no need for|don'?t bother with|hold off on|olvida|olvide|vergiss|vergessen sie|oubliez|oublie|esquece|esqueca)\s+(?:about\s+)?(?:the|my|a|that|el|la|den|die|das|le|o|a)?\s*$/;
const OTHER_OPTION =
  /\b(?:replacement|exchange|store credit|guthaben|tegoed|repair|new one|a new \w+|reemplazo|cambio|ersatz|umtausch|remplacement|echange|troca|substituicao|buono|sostituzione|sostituto|sustituto|substituto|vervanging|austausch|neuger[a]?t|cambio merce|voucher|gutschein|bon d'achat|vale|credit(?! ?card)|take it off|knock it off|off (?:my |the )?next (?:month'?s )?(?:bill|invoice)|against (?:my |the )?next|send (?:it|them|one|another) (?:again|out again)|resend|re-send|(?:just|only) (?:the|a) (?!refund|money)\w+|otra vez|de nuevo|reenvi\w*|noch ?(?:ein)?mal|erneut|a nouveau|de novo|outra vez|di nuovo|opnieuw)\b/;
const OFFER_ELSEWHERE =
  /\b(?:can|could|puedo|podemos|kann|konnen|peux|pouvons|posso|possiamo|kan|kunnen)\b[^.!?]{0,60}\b(?:or|o|oder|ou|of)\b[^.!?]{0,30}\b(?:refund\w*|reembols\w*|rembours\w*|erstatt\w*|estorn\w*|rimbors\w*|terugbetal\w*|zuruck(?:uberweis|zahl|buch)\w*|devolver\w* (?:el|tu|o|seu|su) (?:importe|dinero|dinheiro|valor))|\b(?:(?:devolv|devuelv)\w* (?:(?:el|la|tu|o|a|seu|su)\s+)?(?:importe|dinero|dinheiro|valor|diferencia|diferenca|cantidad|quantia|montante)|rendre (?:l'argent|le montant|la difference)|zuruck(?:uberweis|zahl)\w*)\b[^.!?]{0,60}\b(?:or|o|oder|ou)\b/;
/**
 * "¿Te devolvemos la diferencia a la tarjeta o un vale?" - "a la tarjeta porfa": the answer names the money's way back
 * (the card, "la devolución"), not the word refund.
 */
// A yes/no question about the refund alone ("or would you prefer your money back instead?"), and a flat no to it.
const MONEY_BACK_ASKED =
  /\b(?:or|o|oder|ou|of)\b[^?]{0,40}\b(?:refund|money back|reembolso|erstattung|geld zuruck|remboursement|estorno|rimborso|terugbetaling|geld terug)\b[^?]{0,30}\binstead\b[^?]*\?|\b(?:would you|do you|d'you)\b[^?]{0,20}\b(?:like|prefer|want)\b[^?]{0,20}\b(?:a refund|your money back|the money back)\b[^?]*\?/;
const FLAT_NO =
  /^\W*(?:no|nope|nah|no thanks|no thank you|non|nein|nee|nao)\b(?![^.!?]{0,40}\b(?:refund|money back|reembolso|erstattung|remboursement|estorno|rimborso)\b)/;
const MONEY_ANSWER =
  /\b(?:card|tarjeta|cartao|carte|karte|kaart|carta|devolucion|devolucao|reintegro|abono|the money|el dinero|o dinheiro|das geld|l'argent|i soldi|het geld)\b/;
/**
 * "I can cancel it and refund the full $80, shall I?": one refund put forward and asked about, to be taken or turned
 * down; "I'll refund the fee once it's scanned." is a plan, not a question.
 */
const PROPOSAL =
  /\b(?:(?:i|we) (?:can|could|would be happy to|are happy to|'d be happy to)|shall i|would you like|do you want|want me to|puedo|podemos|quieres|kann ich|konnen wir|soll ich|mochten sie|je peux|nous pouvons|voulez-vous|souhaitez-vous|posso|possiamo|quer que|vuoi|kan ik|kunnen we|wilt u|zal ik)\b[^?]*\?|\bif you(?:'d)? (?:like|want|prefer|rather)\b/;
/**
 * "can you change it to a 44 instead of cancelling?": after a single refund was proposed, another remedy asked for in
 * its place turns it down. "Instead of" has to name the cancel or refund; a bare "instead" stands for it ("plutôt" and
 * "invece" only at the end, as elsewhere they mean "rather" or "whereas").
 */
const INSTEAD =
  /\b(?:instead of|rather than|en vez de|en lugar de|statt|anstatt|au lieu d[eu']?|plutot que d?e?|em vez de|ao inves de|in plaats van|invece di|piuttosto che)\s+(?:(?:the|a|my|el|la|le|o|a|den|die|das|il|lo|het|de)\s+)?(?:cancel\w*|refund\w*|money|cancelar|anular|reembols\w*|dinero|dinheiro|storn\w*|erstatt\w*|geld|annul\w*|rembours\w*|argent|annull\w*|rimbors\w*|soldi|terugbetal\w*|that|it|this|eso|isso|das|ca|cio|dat)\b|\b(?:instead|stattdessen|en su lugar|em vez disso|in plaats daarvan)\b|\b(?:plutot|invece)\s*[?.!]?\s*$/;
const OFFER =
  /\b(?:i|we) (?:can|could) (?:either )?(?:refund|reembols|rembours|erstatt|estorn|rimbors)\w*[^.!?]{0,60}\b(?:or|o|oder|ou|of)\b|\beither\b[^.!?]{0,40}\b(?:refund|reembols|rembours|erstatt|estorn|rimbors)\w*\b[^.!?]{0,80}\b(?:or|o|oder|ou)\b|\b(?:refund|money back|reembolso|estorno|erstattung|remboursement|rimborso)\b[^.!]{0,80}\b(?:or|o|oder|ou)\b[^.!]{0,80}\b(?:whichever|which(?:ever)? you(?:'d)? prefer|up to you|your choice|your call)\b|\b(?:refund|money back|reembolso|estorno|r?uckerstattung|erstattung|remboursement)\b[^?]*\b(?:or|o|oder|ou)\b[^?]*\?|\b(?:or|o|oder|ou)\b[^?]{0,40}\b(?:refund|money back|reembolso|erstattung|remboursement|estorno|rimborso)\b[^?]*\?/;
// "please put the second one back on my card": money sent back to where it came from.
// "can it go back on my card instead?": asked to go back, in the same breath.
const CARD_BACK =
  /\b(?:can|could|would|please|pls)\b[^.!?]{0,15}\bgo back (?:on|onto|to|into) (?:my|the|our) (?:card|bank(?: account)?|credit card|debit card|paypal)\b|\b(?:put|pay|send|credit|transfer|move|give)\w*\b(?:\s+[\w']+){0,4}\s+back (?:on|onto|to|into) (?:my|the|our) (?:card|account|bank(?: account)?|credit card|debit card|paypal|visa|mastercard|amex)\b|\b(?:devolver|devuelvan|devolvais|abonar|abonen)\w*\b[^.!?]{0,25}\b(?:en|a) (?:mi|la) (?:tarjeta|cuenta)\b|\bzuruck auf (?:meine|die|mein|das) (?:karte|konto|kreditkarte)\b|\b(?:recrediter|rembourser|remettre)\b[^.!?]{0,25}\bsur (?:ma|la|mon) (?:carte|compte)\b|\bde volta (?:no|para o|pro|ao) (?:meu )?(?:cartao|conta)\b/;
const MONEY_BACK =
  /\b(?:get|want|need|have)\b(?:\s+(?:the|my|that|this|full|whole|entire|extra|duplicate|second|one|money|charge|payment|it|shipping|delivery|express|fee|fees|amount|difference|deposit|cost|[$€£]?\s?\d+(?:[.,]\d+)?(?:\s?(?:€|eur|euros?|dollars?|bucks|pounds?|quid))?)){1,4}\s+back\b(?!\s+(?:working|fixed|repaired|running|online|up))/;
// "i want the seat fee back", "I'd like the £34.50 back please", "I want the money you took back", "can I get the 15%
// back": what is wanted back, a few words long, names money (a fee, an amount, a share); "I want my bike back" does not.
// "so I want the rest back" after a wrong charge is the money; "the rest of my things back" is not.
const MONEY_NOUN =
  /(?:\b(?:money|fees?|charges?|payments?|deposit|amount|difference|costs?|fare|surcharge|premium|cash)\b|\b(?:rest|remainder|balance|overcharge|excess)\s*$|[$€£]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:%|€|eur\b|euros?\b|dollars?\b|bucks\b|pounds?\b|quid\b))/;
const WANTED_OBJECT_BACK =
  /\b(?:get|want|need|have|like)\b((?:\s+[^\s.!?,;]+){1,6}?)\s+back\b(?!\s+(?:working|fixed|repaired|running|online|up|to normal))|\bgive (?:me|us) back\b([^.!?,;]{0,25})/g;
// "I don't want the fee back", "no need to get the money back": the money turned down, not asked for.
const NOT_WANTED = /\b(?:don'?t|dont|do not|doesn'?t|never|no need to|not)\s+(?:\w+\s+)?$/;
const turnedDown = (f: string, at: number) => NOT_WANTED.test(f.slice(Math.max(0, at - 25), at));
// "i want both months back. $17": the sum named right after what is wanted back.
const AMOUNT_NEXT = /^\W{0,4}(?:[$€£]\s?\d|\d+(?:[.,]\d+)?\s?(?:€|eur\b|euros?\b|dollars?\b|bucks\b|pounds?\b|quid\b))/;
function moneyObjectBack(f: string): boolean {
  for (const m of f.matchAll(WANTED_OBJECT_BACK)) {
    const end = (m.index ?? 0) + m[0].length;
    const named =
      MONEY_NOUN.test(m[1] ?? m[2] ?? '') || (m[1] !== undefined && AMOUNT_NEXT.test(f.slice(end, end + 12)));
    if (named && !turnedDown(f, m.index ?? 0)) return true;
  }
  return false;
}
function moneyBack(f: string): boolean {
  const at = f.search(MONEY_BACK);
  return at >= 0 && !turnedDown(f, at);
}

/**
 * "ik wil die 600 gewoon terug", "ich will die 40 € zurück", "quiero mis 30 € de vuelta", "rivoglio i miei 30 €",
 * "je veux récupérer mes 30 €": an amount or the money wanted back, in the other languages. A parcel sent back
 * ("terugsturen", "zurückschicken") is a return, not money.
 */
const AMOUNT = '(?:[$€£]\\s?\\d+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?(?:\\s?(?:€|eur|euros?))?)';
const MONEY_BACK_ABROAD = new RegExp(
  [
    `\\b(?:wil|wilt|willen|graag|zou)\\b[^.!?]{0,30}(?:\\b(?:geld|bedrag|borg)\\b|${AMOUNT})[^.!?]{0,20}\\bterug\\b(?!\\s*(?:sturen|brengen|zenden|gestuurd|gebracht))`,
    `\\b(?:will|mochte|mochten|brauche|hatte gerne?)\\b[^.!?]{0,30}(?:\\b(?:geld|betrag|kaution)\\b|${AMOUNT})[^.!?]{0,20}\\bzuruck\\b(?!\\s*(?:schicken|senden|bringen|geschickt))`,
    `\\b(?:quiero|necesito|quero|preciso)\\b[^.!?]{0,30}(?:\\b(?:dinero|importe|dinheiro|valor)\\b|${AMOUNT})[^.!?]{0,20}\\bde (?:vuelta|volta)\\b`,
    `\\brivoglio\\b[^.!?]{0,20}(?:\\b(?:soldi|importo|denaro)\\b|${AMOUNT})`,
    `\\b(?:recuperer|recupere)\\b[^.!?]{0,15}(?:\\b(?:argent|montant)\\b|${AMOUNT})`,
  ].join('|'),
);

/** "quiero que me devolváis los 64,80", "pouvez-vous me rendre l'argent": money given back, in the other languages. */
const MONEY_RETURNED =
  /\b(?:devolv|devuelv|reintegr)\w*\b[^.!?]{0,25}\b(?:dinero|importe|\d+(?:[.,]\d+)?)|\b(?:rendre|rendez)\b[^.!?]{0,20}\b(?:argent|montant|\d+)|\b(?:devolver|devolvam|devolva)\b[^.!?]{0,20}\b(?:dinheiro|valor|\d+)|\bzuruck(?:zahlen|uberweisen|geben|buchen)\b|\b(?:restituire|restituite|ridate|ridarmi)\b[^.!?]{0,20}\b(?:soldi|importo|\d+)|\b(?:terugstorten|terugbetalen|teruggeven)\b/;
const ASKS =
  /\b(?:quiero|quisiera|necesito|pueden|puede|podeis|podrian|podria|por favor|quero|gostaria|pode|podem|je veux|je voudrais|pouvez|pourriez|ich mochte|ich will|konnen sie|konnten sie|bitte|vorrei|voglio|potete|per favore|ik wil|kunt u|kun je|kunnen jullie|kannst du|konnt ihr|puoi|podes|peux-tu|graag)\b/;

export function isRefundField(field: FieldDefinition): boolean {
  return (
    field.type === 'boolean' &&
    /refund|money back|reimburse/.test(fold(`${field.key} ${field.label} ${field.hint ?? ''}`))
  );
}

// "…won't fit through the door. and refund it to my card": a second ask joined on with "and".
const FILLERS =
  /^\s*(?:(?:ok|okay|k|fine|so|then|just|simply|please|pls|well|ugh|right|yeah|yes|alright|in that case|instead|and|also|plus)\s*)*$/;
// "If it isn't refunded by Friday I'm filing a claim", "if the £189 isn't back in my account by Monday…": an ultimatum
// is a demand for the money, in every language read.
const ULTIMATUM =
  /\b(?:if|unless)\b[^.!?]{0,30}\b(?:refunded|paid back|reimbursed)\b[^.!?]{0,20}\bby\b|\b(?:if|unless)\b[^.!?]{0,30}(?:[$€£]\s?\d+(?:[.,]\d+)?|\b\d+(?:[.,]\d+)?\s?(?:€|eur|euros?|dollars?|pounds?|quid)|\b(?:my |the )?(?:money|refund))\b[^.!?]{0,20}\b(?:isn'?t|is not|aren'?t|are not|hasn'?t|has not|doesn'?t|does not)\b[^.!?]{0,20}\b(?:back|refunded|returned|land\w*|arriv\w*|show\w* up)\b|\bsi no\b[^.!?]{0,30}\breembols\w*[^.!?]{0,20}\b(?:antes|para el|hasta)\b|\bwenn\b[^.!?]{0,30}\bnicht\b[^.!?]{0,30}\b(?:erstattet|zuruckgezahlt|zuruckuberwiesen)\b|\bsi\b[^.!?]{0,30}\bpas\b[^.!?]{0,20}\brembours\w*[^.!?]{0,20}\b(?:d'ici|avant)\b|\bse\b[^.!?]{0,10}\bnao\b[^.!?]{0,30}\breembols\w*[^.!?]{0,20}\b(?:ate|antes)\b|\bse\b[^.!?]{0,10}\bnon\b[^.!?]{0,30}\brimbors\w*[^.!?]{0,20}\b(?:entro|prima)\b|\bals\b[^.!?]{0,30}\bniet\b[^.!?]{0,30}\bterugbetaald\b/;

const NOT_RECEIVED =
  /^\s*(?:[\w']+\s+){0,2}(?:ontvangen|gekregen|binnen|bekommen|erhalten|ricevuto|arrivato|recibido|llegado|recu|recebido|received|gotten|arrived|come through)\b/;

function verdictIn(f: string): boolean | null {
  let verdict: boolean | null = null;
  for (const m of f.matchAll(REFUND)) {
    const at = m.index ?? 0;
    const clause =
      f
        .slice(Math.max(0, at - 40), at)
        .split(/[,;.!?]| but | pero | mas | aber | mais /)
        .pop() ?? '';
    const after = f.slice(at + m[0].length, at + m[0].length + 15);
    // "still no refund", "toujours pas de remboursement": one waited for, not one turned down.
    if (/\b(?:still|yet|toujours|todavia|aun|noch|ainda|nog|ancora|encore)\b/.test(clause)) continue;
    // "geen terugbetaling ontvangen", "niente rimborso ricevuto": a refund not received is not one turned down.
    if (NOT_RECEIVED.test(f.slice(at + m[0].length, at + m[0].length + 30))) continue;
    const rest = (f.slice(at + m[0].length).split(/[.!?;]/)[0] ?? '').slice(0, 50);
    // "a replacement machine, not a refund": the refund set against what is wanted.
    const contrasted =
      /^\s*(?:but\s+)?(?:not|nicht|pas|nao|niet)\s+$/.test(clause) &&
      /,\s*(?:but\s+)?\S+\s*$/.test(f.slice(Math.max(0, at - 12), at));
    if (DECLINE.test(clause) || contrasted || DECLINE_AFTER.test(after) || DECLINE_LATER.test(rest)) verdict = false;
    else if (REQUEST_BEFORE.test(clause) || REQUEST_AFTER.test(after)) verdict = true;
    else if (PARTICIPLE_BACK.test(m[0]) && WANTED_BACK.test(clause)) verdict = true;
    // "voglio annullare e avere il rimborso", "I want to cancel and get a refund": a second verb joined with "and".
    else if (AND_HAVE.test(clause)) verdict = true;
    // "remboursez-moi", "reembólsenme": the imperative is the request.
    else if (/(?:remboursez|rembourse-moi|reembols(?:en|eme|adme)|rimborsa(?:temi|mi))$/.test(m[0])) verdict = true;
    // "I want to return it for a full refund", "please cancel and refund my order".
    else if (/\b(?:return|send)\w*\b[^.!?]{0,30}\bfor (?:a |my )?(?:full )?$/.test(clause)) verdict = true;
    else if (
      /^refund$/.test(m[0].trim()) &&
      /^\s+(?:me|my|it|the|this|them|us|that|our)\b/.test(after) &&
      /\b(?:please|pls|kindly|can you|could you|would you)\b/.test(clause)
    )
      verdict = true;
    else if (clause.trim() === '' && /^\W*$/.test(f.slice(at + m[0].length))) verdict = true;
    // "ok forget it then, just refund me": the bare imperative after fillers; "when will you refund me?" has a subject.
    else if (
      /^refund$/.test(m[0].trim()) &&
      /^\s+(?:me|us|my|our|the|it|this|that|them)\b/.test(after) &&
      FILLERS.test(clause) &&
      !/^[^.!]*\?/.test(f.slice(at))
    )
      verdict = true;
  }
  return verdict;
}

/**
 * Refund requested: true when the customer asks for money back in their own words; false when a refund is offered or
 * discussed and they decline it or pick the alternative; unknown otherwise. Latest statement wins.
 */
export function findRefundRequest(t: Transcript): FlagFound | null {
  const moneyTalk = t.usable.some((x) =>
    /\b(?:charge|charged|payment|paid|cobr|pag|afgeschreven|abgebucht|addebit|debit|betaald|bezahlt)\w*|[$€£]/.test(
      x.folded,
    ),
  );
  let best: { value: boolean; turn: Turn } | null = null;
  for (let i = 0; i < t.usable.length; i++) {
    const turn = t.usable[i]!;
    if (turn.role !== 'customer' || turn.offTopic) continue;
    const f = turn.folded;
    let verdict = verdictIn(f);
    // "can I get the extra one back" about a wrong charge.
    if (verdict === null && moneyTalk && (moneyBack(f) || MONEY_BACK_ABROAD.test(f) || moneyObjectBack(f)))
      verdict = true;
    // "¿10 días? no. quiero que me devuelvan los 420 €": a "no" to something else, in another sentence, takes nothing back.
    if (
      verdict === null &&
      f
        .split(/[.!?]+\s*/)
        .some((x) => MONEY_RETURNED.test(x) && ASKS.test(x) && !/\b(?:no|nao|pas|nicht|non|niet)\b/.test(x))
    )
      verdict = true;
    if (verdict === null && ULTIMATUM.test(f)) verdict = true;
    if (
      verdict === null &&
      CARD_BACK.test(f) &&
      !/\b(?:don'?t|do not|no need to|not)\b[^.!?]{0,20}\b(?:put|pay|send|credit)\b/.test(f)
    )
      verdict = true;
    if (verdict === null) {
      // A choice the agent offered ("refund or replacement?"), answered with the other option or with the refund.
      const prev = t.usable
        .slice(0, i)
        .reverse()
        .find((x) => x.role !== 'customer');
      if (prev && (OFFER.test(prev.folded) || OFFER_ELSEWHERE.test(prev.folded))) {
        if (TOPIC.test(f) && !OTHER_OPTION.test(f.replace(TOPIC, ''))) verdict = true;
        else if (OTHER_OPTION.test(f)) verdict = false;
        // "which card do you have on file?" asks, it does not choose.
        else if (MONEY_ANSWER.test(f) && MONEY_ANSWER.test(prev.folded) && !f.includes('?')) verdict = true;
        // "Or would you prefer your money back instead?" - "no no, I just want it working": the refund turned down.
        else if (MONEY_BACK_ASKED.test(prev.folded) && FLAT_NO.test(f)) verdict = false;
      } else if (prev && TOPIC.test(prev.folded) && PROPOSAL.test(prev.folded)) {
        if (f.split(/[.!?]\s/).some((x) => INSTEAD.test(x.trim()))) verdict = false;
      }
      // "Would you prefer a refund instead of the swap?" - "no no, just the swap": asked alone, turned down alone.
      if (verdict === null && prev && MONEY_BACK_ASKED.test(prev.folded) && FLAT_NO.test(f)) verdict = false;
    }
    if (verdict !== null) best = { value: verdict, turn };
  }
  return best ? { value: best.value, confidence: 0.8, evidence: [best.turn.id].filter(Boolean) } : null;
}
