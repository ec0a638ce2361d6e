import type { PlatformAdapter } from './adapter.js';
import { playgroundAdapter } from './playground/index.js';

/** The platforms this server can serve; each mounts itself when configured. */
export const adapters: PlatformAdapter[] = [playgroundAdapter];
