/** Admin commands, platform-neutral: Slack's `/autocase` and Teams' `@autocase` both parse, run and render these. */
export * from './command.js';
export * from './field-editor.js';
export * from './fields-yaml.js';
export * from './result.js';
export * from './run.js';
export * from './settings.js';
export * from './simulate.js';
