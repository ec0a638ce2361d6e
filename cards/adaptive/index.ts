export { type AdaptiveCardOptions, renderAdaptiveCard } from './card.js';
export type { AcAction, AcElement, AdaptiveCardJson } from './elements.js';
export { escapeMarkdown } from './escape.js';
