// The drafter's tables: 任务分工表 and 主要指标表, built from the model, rendered as text.
export { buildTaskMatrix, type TaskMatrix, type TaskMatrixRow } from './taskMatrix';
export { buildTargetTable, type TargetTable, type TargetTableRow } from './targetTable';
export { taskDeadline, type Deadline, type DeadlineSource } from './deadline';
export * from './render';
