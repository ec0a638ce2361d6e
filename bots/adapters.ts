import type { PlatformAdapter } from './adapter.js';
import { playgroundAdapter } from './playground/index.js';
import { slackAdapter } from './slack/index.js';
import { teamsAdapter } from './teams/index.js';

/** The platforms this server can serve; each mounts itself when configured. */
export const adapters: PlatformAdapter[] = [slackAdapter, teamsAdapter, playgroundAdapter];
