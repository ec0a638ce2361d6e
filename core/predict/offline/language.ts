import { words } from './text.js';

export type Language = 'en' | 'es' | 'de' | 'fr' | 'pt';

// Function words that are frequent in one language and rare in the others (accents already folded away).
const STOPWORDS: Record<Language, string[]> = {
  en: ['the', 'and', 'is', 'my', 'it', 'you', 'to', 'of', 'i', 'this', 'that', 'with', 'have', 'not', 'can', 'was', 'what'],
  es: ['el', 'la', 'los', 'las', 'es', 'y', 'que', 'de', 'mi', 'por', 'con', 'una', 'pero', 'hola', 'gracias', 'quiero', 'lo', 'tu', 'muy', 'ya', 'hace', 'pedido'],
  de: ['der', 'die', 'das', 'und', 'ist', 'ich', 'nicht', 'mit', 'ein', 'eine', 'mein', 'meine', 'sie', 'wir', 'auf', 'danke', 'habe', 'bin', 'kann', 'den', 'dem', 'zu'],
  fr: ['le', 'la', 'les', 'et', 'est', 'je', 'de', 'mon', 'ma', 'pour', 'avec', 'une', 'pas', 'bonjour', 'merci', 'vous', 'des', 'du', 'sur', 'c\'est', 'j\'ai', 'au'],
  pt: ['o', 'a', 'os', 'as', 'e', 'que', 'de', 'meu', 'minha', 'por', 'com', 'uma', 'nao', 'obrigado', 'obrigada', 'oi', 'voce', 'pra', 'para', 'fui', 'pedido', 'do', 'da', 'no', 'na'],
};

/** The dominant language of some text by function-word counts; English wins ties and short texts. */
export function detectLanguage(folded: string): Language {
  const tokens = words(folded);
  const counts: Record<Language, number> = { en: 0, es: 0, de: 0, fr: 0, pt: 0 };
  const sets = Object.fromEntries(Object.entries(STOPWORDS).map(([k, v]) => [k, new Set(v)])) as Record<
    Language,
    Set<string>
  >;
  for (const t of tokens) for (const lang of Object.keys(sets) as Language[]) if (sets[lang].has(t)) counts[lang]++;
  let best: Language = 'en';
  for (const lang of Object.keys(counts) as Language[]) if (counts[lang] > counts[best] + 1) best = lang;
  return best;
}
