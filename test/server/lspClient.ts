// A minimal LSP client for protocol tests: spawns the bundled server with --stdio and speaks JSON-RPC to it.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ApplyWorkspaceEditParams,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const root = path.resolve(__dirname, '../..');
export const seedDir = path.join(root, 'seeds');
export const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();

/** The text of a seed by its number prefix ("003"), and the file: URI a client would use for it. */
export function seed(prefix: string): { file: string; uri: string; text: string } {
  const name = seeds.find((s) => s.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  const file = path.join(seedDir, name);
  return { file, uri: pathToFileURL(file).toString(), text: readFileSync(file, 'utf8') };
}

/**
 * Builds the bundles with the project's build script and hands back a private copy of
 * server/out/server.js, with PDF.js (server/out/pdfjs.js) beside it as in the extension. Other
 * test files (the CLI's) run the same build in parallel and may be rewriting the files at the
 * moment we start node on them; a copy that ends with its source-map comment is complete, and
 * nobody else writes it.
 */
export function buildServer(): string {
  execFileSync(process.execPath, [path.join(root, 'server/build.mjs')], { cwd: root, stdio: 'inherit' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qplan-lsp-'));
  process.once('exit', () => removeDir(dir));
  copyComplete('pdfjs.js', dir);
  return copyComplete('server.js', dir);
}

/** Copies server/out/NAME (and its map) into `dir` once the file is complete; returns the copy. */
function copyComplete(name: string, dir: string): string {
  const bundle = path.join(root, 'server/out', name);
  const copy = path.join(dir, name);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const code = readFileSync(bundle, 'utf8');
    if (code.trimEnd().endsWith(`//# sourceMappingURL=${name}.map`)) {
      writeFileSync(copy, code);
      if (existsSync(`${bundle}.map`)) copyFileSync(`${bundle}.map`, `${copy}.map`);
      return copy;
    }
    if (Date.now() > deadline) throw new Error(`server/out/${name} stayed incomplete after the build`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50); // another build is mid-write
  }
}

export interface StartOptions {
  locale?: string;
  initializationOptions?: Record<string, unknown>;
  /** What the client answers to workspace/configuration for section qplan. */
  settings?: unknown;
  workspaceFolders?: string[];
}

type Waiter = { test: () => boolean; resolve: () => void };

/** One server process and the client side of its connection, recording what the server sends. */
export class LspClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: { type: number; message: string }[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  /** What the client answers to workspace/configuration; tests change it before didChangeConfiguration. */
  settings: unknown;
  initializeResult!: InitializeResult;
  readonly connection: MessageConnection;
  private waiters: Waiter[] = [];
  private exited: string | null = null;

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection = connection;
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => this.record(() => this.diagnostics.push(p)));
    connection.onNotification('window/logMessage', (p: { type: number; message: string }) => this.record(() => this.logs.push(p)));
    connection.onNotification('window/showMessage', (p: { type: number; message: string }) => this.record(() => this.logs.push(p)));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings ?? null));
    connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      this.record(() => this.appliedEdits.push(p));
      return { applied: true };
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      this.record(() => this.logs.push(p));
      return null;
    });
    child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
    child.on('exit', (code, signal) => this.record(() => (this.exited = `exited with ${code ?? signal}`)));
    connection.listen();
  }

  /** Spawns `node <bundle> --stdio` and completes initialize/initialized. */
  static async start(bundle: string, options: StartOptions = {}): Promise<LspClient> {
    const client = new LspClient(spawn(process.execPath, [bundle, '--stdio'], { stdio: 'pipe' }));
    client.settings = options.settings;
    const folders = options.workspaceFolders ?? [];
    client.initializeResult = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      locale: options.locale ?? 'zh-cn',
      rootUri: null,
      workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).toString(), name: path.basename(f) })),
      initializationOptions: options.initializationOptions ?? {},
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true }, applyEdit: true },
        textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, publishDiagnostics: { versionSupport: true } },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /** Runs a recording step, then wakes whoever waits for what it recorded. */
  private record(step: () => void): void {
    step();
    this.waiters = this.waiters.filter((w) => (w.test() ? (w.resolve(), false) : true));
  }

  /** Resolves once `test` holds (checked now and after every message), or fails after `ms`. */
  waitUntil(what: string, test: () => boolean, ms = 5000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}${this.exited ? ` (server ${this.exited})` : ''}`)), ms);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** The first diagnostics published for `uri` at `version` (any version when omitted) from publish number `after` on. */
  async diagnosticsFor(uri: string, version?: number, after = 0): Promise<PublishDiagnosticsParams> {
    const find = () => this.diagnostics.slice(after).find((d) => d.uri === uri && (version === undefined || d.version === version));
    await this.waitUntil(`diagnostics for ${path.basename(uri)} v${version ?? '*'}`, () => find() !== undefined);
    return find()!;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  open(uri: string, text: string, version = 1, languageId = 'quality-plan'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      await this.request('shutdown', null);
      await this.connection.sendNotification('exit');
      await this.waitUntil('server exit', () => this.exited !== null);
    }
    this.connection.dispose();
  }
}

/** `text` with LSP text edits applied, as a client would apply them. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 0, text), edits);
}

/** The text edits a WorkspaceEdit makes to `uri`, whichever of its two shapes it uses. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits : [])) as TextEdit[];
  return [...fromChanges, ...fromDocumentChanges];
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
