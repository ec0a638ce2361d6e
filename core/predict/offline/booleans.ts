import type { FieldDefinition } from '../../types.js';
import { escapeRegExp, fold } from './text.js';
import type { Transcript, Turn } from './transcript.js';

export interface FlagFound {
  value: boolean;
  confidence: number;
  evidence: string[];
}

/** Words for money back, in the languages the predictor reads. */
const REFUND =
  '(?:a |the |my |full |a full |your )?(?:refund|money back|reimbursement|reembolso|devuelvan el dinero|devolucion del dinero|mi dinero|estorno|ruckerstattung|geld zuruck|mein geld|remboursement|rembourser|remboursee?s?|dinheiro de volta|meu dinheiro)';
const REQUEST_BEFORE =
  /\b(?:want|wants|wanted|need|would like|i'?d like|like|get|give me|request|requesting|asking for|ask for|prefer|can i get|could i get|can i have|i'?ll take|go with|quiero|quisiera|necesito|ich mochte|ich will|ich hatte gern|je veux|je voudrais|quero|gostaria)\b(?:\s+(?:to\s+)?(?:get\s+|have\s+|receive\s+)?(?:que me\s+)?(?:o\s+|a\s+|um\s+|el\s+|la\s+|le\s+|mon\s+|meu\s+)?)?\s*$/;
const REQUEST_AFTER = /^\s*[,.!]?\s*(?:please|pls|plz|por favor|bitte|s'il vous plait|por favor)\b/;
const DECLINE =
  /\b(?:don'?t|do not|dont|no|not|never|won'?t)\s+(?:want|need|looking for|asking for|interested in)\b[^.!?]{0,20}$|\bno\s+$|\b(?:no quiero|nao quero|ich will kein|je ne veux pas)\b[^.!?]{0,15}$/;
// A choice offered by the agent ("refund or replacement?") answered with the other option.
const OTHER_OPTION =
  /^(?:\W*)(?:a |the )?(?:replacement|exchange|store credit|credit|repair|swap|new one|reemplazo|cambio|ersatz|umtausch|remplacement|echange|troca|substituicao)\b/;
const OFFER =
  /\b(?:refund|money back|reembolso|estorno|ruckerstattung|remboursement)\b[^?]*\bor\b[^?]*\?|\bor (?:a )?(?:refund|money back)\b[^?]*\?/;

export function isRefundField(field: FieldDefinition): boolean {
  return (
    field.type === 'boolean' &&
    /refund|money back|reimburse/.test(fold(`${field.key} ${field.label} ${field.hint ?? ''}`))
  );
}

/**
 * Refund requested: true when the customer asks for money back in their own words; false when a refund is offered or
 * discussed and they decline it or pick the alternative; unknown otherwise. Latest statement wins.
 */
export function findRefundRequest(t: Transcript): FlagFound | null {
  const topic = new RegExp(REFUND);
  let best: { value: boolean; turn: Turn } | null = null;
  for (let i = 0; i < t.usable.length; i++) {
    const turn = t.usable[i]!;
    if (turn.role !== 'customer' || turn.offTopic) continue;
    const f = turn.folded;
    const prev = t.usable
      .slice(0, i)
      .reverse()
      .find((x) => x.role !== 'customer');
    let verdict: boolean | null = null;
    for (const m of f.matchAll(new RegExp(REFUND.replace(/^\(\?:/, '(?:'), 'g'))) {
      if (!/[a-z]/.test(m[0])) continue;
      const at = m.index ?? 0;
      const before = f.slice(Math.max(0, at - 40), at);
      const clause = before.split(/[,;.!?]| but | pero | mas | aber | mais /).pop() ?? '';
      const after = f.slice(at + m[0].length, at + m[0].length + 15);
      if (DECLINE.test(clause)) verdict = false;
      else if (
        REQUEST_BEFORE.test(clause) ||
        REQUEST_AFTER.test(after) ||
        (/^\s*$/.test(clause) && /^\W*$/.test(f.slice(at + m[0].length)))
      )
        verdict = true;
      else if (/\bget\b[^.!?]{0,20}$/.test(clause) && /\bback\b/.test(m[0])) verdict = true;
    }
    // "can I get the extra one back" about a wrong charge.
    if (
      verdict === null &&
      /\b(?:get|want|need)\b(?:\s+(?:the|my|that|this|extra|duplicate|second|one|money|charge|payment|it)){1,4}\s+back\b/.test(
        f,
      ) &&
      /\b(?:charge|charged|payment|paid|\$|€|£)/.test(t.usable.map((x) => x.folded).join(' '))
    ) {
      verdict = true;
    }
    if (verdict === null && prev && OFFER.test(prev.folded) && topic.test(prev.folded)) {
      if (OTHER_OPTION.test(f)) verdict = false;
      else if (new RegExp(`^\\W*${escapeRegExp('refund')}`).test(f) || /^\W*(?:the )?refund\b/.test(f)) verdict = true;
    }
    if (verdict === null && /\b(?:don'?t|do not|no)\s+(?:want|need)\s+(?:a\s+)?(?:refund|money back)/.test(f))
      verdict = false;
    if (verdict !== null) best = { value: verdict, turn };
  }
  return best ? { value: best.value, confidence: 0.8, evidence: [best.turn.id].filter(Boolean) } : null;
}
