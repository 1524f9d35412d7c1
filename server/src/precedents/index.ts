// The precedent library as the server and the CLI use it: folders, files, disk cache, watching.
export { PrecedentLibrary, draftFile, type LibraryOptions } from './library';
export { PrecedentCache, CACHE_FORMAT } from './cache';
export { SNAPSHOT_FORMAT, readSnapshot, writeSnapshot } from './snapshot';
export { readPrecedent, sidecarsOf, fingerprint, type PrecedentRecord } from './files';
export { precedentFoldersOf, syncPrecedentFolders } from './settings';
