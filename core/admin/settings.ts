import { isSupportedCountry } from 'libphonenumber-js';
import type { TenantSettings } from '../types.js';
import type { SettingKey } from './command.js';

const ON = new Set(['on', 'true', 'yes', '1', 'enabled', 'enable']);
const OFF = new Set(['off', 'false', 'no', '0', 'disabled', 'disable']);

/** One setting's typed value from what an admin wrote, or the reason it is refused. */
export function readSetting(
  key: SettingKey,
  raw: string,
): { ok: true; patch: Partial<TenantSettings> } | { ok: false; message: string } {
  const value = raw.trim();
  switch (key) {
    case 'protectManualEdits': {
      const word = value.toLowerCase();
      if (ON.has(word)) return { ok: true, patch: { protectManualEdits: true } };
      if (OFF.has(word)) return { ok: true, patch: { protectManualEdits: false } };
      return { ok: false, message: `protectManualEdits must be on or off, not "${value}".` };
    }
    case 'confidenceThreshold': {
      const percent = value.endsWith('%');
      const n = Number(percent ? value.slice(0, -1) : value);
      const threshold = percent ? n / 100 : n;
      if (value === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
        return {
          ok: false,
          message: `confidenceThreshold must be a number from 0 to 1 (e.g. 0.35 or 35%), not "${value}".`,
        };
      }
      return { ok: true, patch: { confidenceThreshold: Math.round(threshold * 1000) / 1000 } };
    }
    case 'phoneRegion': {
      const region = value.toUpperCase();
      if (!/^[A-Z]{2}$/.test(region) || !isSupportedCountry(region)) {
        return {
          ok: false,
          message: `phoneRegion must be a two-letter country code such as US, GB or DE, not "${value}".`,
        };
      }
      return { ok: true, patch: { phoneRegion: region } };
    }
  }
}
