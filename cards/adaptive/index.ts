export { type AdaptiveCardOptions, renderAdaptiveCard, TEAMS_CARD_MAX_BYTES } from './card.js';
export type { AcAction, AcElement, AdaptiveCardJson } from './elements.js';
export { escapeMarkdown } from './escape.js';
