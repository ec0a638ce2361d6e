export { escapeMrkdwn } from './escape.js';
export { fitMrkdwn, fitPlain, LIMITS } from './limits.js';
export { renderBlockKit } from './message.js';
export { type EditModalOptions, modalErrors, renderEditModal } from './modal.js';
export type { Block, SlackMessage, SlackModalView } from './types.js';
