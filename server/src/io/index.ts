// The file layer: reading plan files and expanding folders. Uses fs/path so that the core need not.
export { PlanReadError } from './errors';
export { decodePlanBytes, type DecodedText, type TextEncodingName } from './decode';
export { readPlanFile, readPlanStream, readPlanBytes, MAX_PLAN_BYTES, type PlanFile, type PlanFormat } from './read';
export { listPlanFiles, isPlanFileName, PLAN_EXTENSIONS, PLAN_EXTENSIONS_LISTED } from './list';
export { builtinSeedsDir } from './seeds';
export { fileStamp, findTeamConfig, teamPrecedentDirs, readTeamConfig, readClauseFolder, readTextFile, writeClauseFile, writeTextFile, type LoadedTeamConfig, type ClauseFolder } from './teamConfig';
