import type { PlatformAdapter } from './adapter.js';

/** The platforms this server can serve; each mounts itself when configured. */
export const adapters: PlatformAdapter[] = [];
