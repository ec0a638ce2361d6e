export * from './actions.js';
export { type AdaptiveCardJson, type AdaptiveCardOptions, renderAdaptiveCard } from './adaptive/index.js';
export {
  modalErrors,
  renderBlockKit,
  renderEditModal,
  type SlackMessage,
  type SlackModalView,
} from './blockkit/index.js';
