import type { Person } from '../../core/types.js';

/** The one support agent of the playground: whoever has the page open. */
export const PLAYGROUND_AGENT: Person = { id: 'playground-agent', name: 'Alex (agent)' };

/** The default tenant; tests pass their own so parallel files never share conversations. */
export const PLAYGROUND_TENANT = 'playground:local';

/** The playground's only channel. */
export const PLAYGROUND_CHANNEL = 'support';
