/** Scoring a predictor against labelled conversations: used by `npm run eval` and reusable on a tenant's closed cases. */
export { judgedOnFilled, sameForScoring } from './compare.js';
export { type EvalCase, formatProblem, type InputProblem, parseDataset, parseFieldSet } from './dataset.js';
export { formatReport, summaryJson } from './format.js';
export {
  type CaseScore,
  type Checkpoint,
  countOutcome,
  type EvalReport,
  type FieldOutcome,
  type FieldRow,
  percentile,
  type RunEvalOptions,
  runEval,
  scoreCase,
  summarise,
} from './run.js';
