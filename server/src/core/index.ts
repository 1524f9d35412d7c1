// The analysis core's public surface: everything the CLI and the language server may use.
export * from './model';
export { analyzePlan } from './plan';
export { isGenericUnit } from './responsibility';
export { checkPlan, ruleInfo } from './rules';
export { positionAt, type Position } from './positions';
export * from './precedents';
export * from './teamConfig';
export { applySuppressions, fileMatches, taskAt, taskKey, unusedSuppressions, type SuppressionResult } from './suppressions';
export * from './clauseLibrary';
export { addSuppressionEdits, newConfigText, type ConfigEdit } from './teamConfigEdit';
