import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * The Teams app package: manifest.json from `manifests/teams/` with the bot's id filled in, and the two icons. Used by
 * `npm run package:teams` and its test; never loaded by the server (ajv is a development dependency).
 */

export const MANIFEST_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'manifests', 'teams');
const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Json = Record<string, unknown>;

export function readManifestTemplate(dir = MANIFEST_DIR): Json {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Json;
}

export class PackageError extends Error {
  override name = 'PackageError';
}

/**
 * The manifest for this deployment: app id and bot id from CLIENT_ID (TEAMS_APP_ID may give the app its own id),
 * the public host from AUTOCASE_PUBLIC_URL as valid domain and developer site.
 */
export function buildManifest(template: Json, env: Record<string, string | undefined>): Json {
  const clientId = env.CLIENT_ID?.trim();
  if (!clientId) throw new PackageError('CLIENT_ID is not set: it is the bot id the package is built for.');
  if (!GUID.test(clientId)) throw new PackageError('CLIENT_ID must be the bot’s Microsoft App id (a GUID).');
  const appId = env.TEAMS_APP_ID?.trim() || clientId;
  if (!GUID.test(appId)) throw new PackageError('TEAMS_APP_ID must be a GUID.');

  const manifest = structuredClone(template);
  manifest.id = appId;
  manifest.bots = (manifest.bots as Json[]).map((bot) => ({ ...bot, botId: clientId }));
  if (manifest.webApplicationInfo)
    manifest.webApplicationInfo = { ...(manifest.webApplicationInfo as Json), id: clientId };

  const publicUrl = env.AUTOCASE_PUBLIC_URL?.trim();
  if (publicUrl) {
    let url: URL;
    try {
      url = new URL(publicUrl);
    } catch {
      throw new PackageError('AUTOCASE_PUBLIC_URL must be a URL, e.g. https://autocase.example.com');
    }
    if (url.protocol !== 'https:') throw new PackageError('AUTOCASE_PUBLIC_URL must be https:// for Teams.');
    const site = url.origin;
    manifest.validDomains = [url.host];
    manifest.developer = {
      ...(manifest.developer as Json),
      websiteUrl: site,
      privacyUrl: `${site}/privacy`,
      termsOfUseUrl: `${site}/terms`,
    };
  }
  if (JSON.stringify(manifest).includes(PLACEHOLDER_ID)) {
    throw new PackageError('The manifest still holds a placeholder id after filling it in.');
  }
  return manifest;
}

/** The published JSON schema of the manifest's version, from the `@microsoft/app-manifest` package (offline). */
export function loadManifestSchema(manifestVersion: string): Json {
  if (!/^\d+\.\d+$/.test(manifestVersion)) throw new PackageError(`Unknown manifest version "${manifestVersion}".`);
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  const file = join(
    dirname(packageJson),
    'build',
    'json-schemas',
    'teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

const validators = new Map<string, ValidateFunction>();

/** Schema errors of a manifest, one line each; empty when it is valid. */
export function validateManifest(manifest: Json): string[] {
  const version = String(manifest.manifestVersion);
  let validate = validators.get(version);
  if (!validate) {
    // The schemas declare draft-04 but use nothing Ajv's default draft reads differently; the meta-schema id is dropped.
    const { $schema: _draft, ...body } = loadManifestSchema(version);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
    addFormats(ajv);
    validate = ajv.compile(body);
    validators.set(version, validate);
  }
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`,
  );
}

/** PNG width and height from the IHDR chunk; throws when the file is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('ascii', 12, 16) !== 'IHDR') {
    throw new PackageError('Not a PNG file.');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Builds, validates and zips the app package; returns the zip and the manifest in it. */
export function buildTeamsPackage(env: Record<string, string | undefined>, dir = MANIFEST_DIR) {
  const manifest = buildManifest(readManifestTemplate(dir), env);
  const errors = validateManifest(manifest);
  if (errors.length) throw new PackageError(`The manifest does not match its schema:\n${errors.join('\n')}`);
  const icons = manifest.icons as { color: string; outline: string };
  const color = readFileSync(join(dir, icons.color));
  const outline = readFileSync(join(dir, icons.outline));
  const sizes = [
    [icons.color, pngSize(color), 192],
    [icons.outline, pngSize(outline), 32],
  ] as const;
  for (const [name, size, expected] of sizes) {
    if (size.width !== expected || size.height !== expected) {
      throw new PackageError(`${name} must be ${expected}×${expected} pixels, not ${size.width}×${size.height}.`);
    }
  }
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  zip.addFile(icons.color, color);
  zip.addFile(icons.outline, outline);
  return { zip: zip.toBuffer(), manifest };
}
