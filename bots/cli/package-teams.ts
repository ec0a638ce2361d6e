import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { colorIcon, outlineIcon } from '../teams/icons.js';
import { buildTeamsPackage, MANIFEST_DIR, PackageError } from '../teams/manifest.js';

/**
 * `npm run package:teams`: the Teams app package to sideload or upload (dist/autocase-teams.zip), for the bot whose
 * id is CLIENT_ID. `-- --out <file>` writes elsewhere; `-- --icons` redraws manifests/teams/*.png first.
 */
function main() {
  const args = process.argv.slice(2);
  if (args.includes('--icons')) {
    writeFileSync(join(MANIFEST_DIR, 'color.png'), colorIcon());
    writeFileSync(join(MANIFEST_DIR, 'outline.png'), outlineIcon());
    console.log(`Icons written to ${MANIFEST_DIR}`);
    if (!process.env.CLIENT_ID) return;
  }
  const outIndex = args.indexOf('--out');
  const out = resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : join('dist', 'autocase-teams.zip'));
  const { zip, manifest } = buildTeamsPackage(process.env);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(`Teams app package for bot ${String(manifest.id)}: ${out}`);
  console.log('Upload it in Teams: Apps → Manage your apps → Upload an app (or the Teams Developer Portal).');
}

try {
  main();
} catch (error) {
  if (error instanceof PackageError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
