// The analysis core's public surface: everything the CLI and the language server may use.
export * from './model';
export { analyzePlan } from './plan';
export { headingSpan } from './outline';
export { isGenericUnit } from './responsibility';
export { unitsInClause, unitAt, unitMentions, unitsOfPlan, tasksOfUnit, taskAtLine, type ClauseUnit, type UnitAt, type UnitRole, type UnitTasks } from './clauseUnits';
export { checkPlan, ruleInfo } from './rules';
export { positionAt, type Position } from './positions';
export * from './precedents';
export { unitInPrecedents, type UnitInPlan, type UnitInPrecedents } from './unitPrecedents';
export { sentencePerLine, taskSource } from './taskSource';
export * from './teamConfig';
export { applySuppressions, fileMatches, taskAt, taskKey, unusedSuppressions, type SuppressionResult } from './suppressions';
export * from './clauseLibrary';
export { addSuppressionEdits, newConfigText, type ConfigEdit } from './teamConfigEdit';
