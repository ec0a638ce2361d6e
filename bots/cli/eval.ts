/**
 * `npm run eval -- --data <file.jsonl> [--fields <dir>] [--predictor offline|llm] [--json] [--worst N]`
 *
 * Scores a predictor on labelled conversations (format: ../shared/eval/README.md). Bad input lines are reported as
 * file:line and skipped; the exit code is 1 when there were any, 2 when nothing could be run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  formatProblem,
  formatReport,
  type InputProblem,
  parseDataset,
  parseFieldSet,
  runEval,
  summaryJson,
} from '../../core/eval/index.js';
import { createOfflinePredictor } from '../../core/predict/offline/index.js';
import type { Predictor } from '../../core/predict/port.js';
import type { FieldDefinition } from '../../core/types.js';

const USAGE =
  'usage: npm run eval -- --data <file.jsonl> [--fields <dir>] [--predictor offline|llm] [--json] [--worst N] [--region US]';

class UsageError extends Error {}

function loadFieldSets(dir: string): { sets: Map<string, FieldDefinition[]>; problems: InputProblem[] } {
  const sets = new Map<string, FieldDefinition[]>();
  const problems: InputProblem[] = [];
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    throw new UsageError(`field set directory not found: ${dir}`);
  }
  for (const file of files.sort()) {
    const path = join(dir, file);
    try {
      sets.set(basename(file, '.json'), parseFieldSet(JSON.parse(readFileSync(path, 'utf8'))));
    } catch (err) {
      problems.push({ file: path, line: 1, message: `field set not usable: ${(err as Error).message}` });
    }
  }
  return { sets, problems };
}

async function loadPredictor(kind: string): Promise<Predictor> {
  if (kind === 'offline') return createOfflinePredictor();
  if (kind !== 'llm') throw new UsageError(`--predictor must be offline or llm, not "${kind}"`);
  // Imported only when asked for, so the offline eval never loads the LLM client.
  const modulePath = '../../core/predict/config.js';
  let config: {
    loadPredictorConfig: (env: Record<string, string | undefined>) => unknown;
    createPredictorFromConfig: (config: never) => Predictor;
  };
  try {
    config = await import(modulePath);
  } catch (err) {
    throw new UsageError(
      `--predictor llm needs core/predict/config.ts (loadPredictorConfig, createPredictorFromConfig), which could not be loaded: ${(err as Error).message}`,
    );
  }
  if (typeof config.loadPredictorConfig !== 'function' || typeof config.createPredictorFromConfig !== 'function') {
    throw new UsageError(
      'core/predict/config.ts does not export loadPredictorConfig and createPredictorFromConfig yet',
    );
  }
  try {
    const settings = config.loadPredictorConfig({ ...process.env, AUTOCASE_PREDICTOR: 'llm' });
    return config.createPredictorFromConfig(settings as never);
  } catch (err) {
    throw new UsageError(`--predictor llm: ${(err as Error).message}`);
  }
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      fields: { type: 'string' },
      predictor: { type: 'string', default: 'offline' },
      json: { type: 'boolean', default: false },
      worst: { type: 'string', default: '15' },
      region: { type: 'string', default: 'US' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.data) throw new UsageError(`--data is required\n${USAGE}`);
  const worst = Number(values.worst);
  if (!Number.isInteger(worst) || worst < 0)
    throw new UsageError(`--worst must be a whole number, 0 or more\n${USAGE}`);
  const dataPath = resolve(values.data);
  try {
    if (!statSync(dataPath).isFile()) throw new Error();
  } catch {
    throw new UsageError(`data file not found: ${values.data}`);
  }
  const fieldsDir = resolve(values.fields ?? join(dirname(dataPath), 'fields'));
  const { sets, problems: fieldProblems } = loadFieldSets(fieldsDir);
  const { cases, problems } = parseDataset(readFileSync(dataPath, 'utf8'), values.data, sets, {
    phoneRegion: values.region,
  });
  const allProblems = [...fieldProblems, ...problems];
  for (const p of allProblems) console.error(formatProblem(p));
  if (cases.length === 0) {
    console.error('no usable conversations');
    return 2;
  }
  const predictor = await loadPredictor(values.predictor ?? 'offline');
  const report = await runEval(cases, sets, predictor, {
    settings: { phoneRegion: values.region },
    // The offline predictor is timed warm on a few extra runs; an LLM is not called more than needed.
    timingRepeats: predictor.name === 'offline' ? 5 : 0,
  });
  console.log(formatReport(report, { worst }));
  if (allProblems.length) console.log(`\n${allProblems.length} input problem(s) reported above were skipped.`);
  if (values.json) console.log(summaryJson(report));
  return allProblems.length ? 1 : 0;
}

const isEntry = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof UsageError ? err.message : err);
      process.exitCode = 2;
    },
  );
}
