// The language server's entry point: a connection over whatever transport the client chose (IPC from VS Code, --stdio, --socket), then startServer.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from './lsp/safe';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// Last line of defence: Node ends the process on an unhandled rejection, and a server that dies
// mid-edit loses the drafter's diagnostics. Log it and keep serving.
process.on('unhandledRejection', (e) => connection.console.error(`qplan：未处理的异常：${describeError(e)}`));
startServer(connection);
