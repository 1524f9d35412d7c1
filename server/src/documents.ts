// Open documents and their plan models: one analysis per (uri, version), read by every feature.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzePlan, type PlanModel } from './core';

/** An open document with the model of exactly this version. */
export interface Plan {
  document: TextDocument;
  /** The version analysed; TextDocuments updates `document` in place, so its own version moves on. */
  version: number;
  text: string;
  model: PlanModel;
}

/**
 * The synced documents plus a model cache keyed by uri and version, like VS Code's
 * languageModelCache: a feature asking for a version already analysed gets the same object,
 * a newer version is analysed once on first demand. Closing a document drops its model.
 */
export class PlanDocuments {
  readonly documents = new TextDocuments(TextDocument);
  private readonly models = new Map<string, Plan>();

  constructor(private readonly onAnalysisFailure: (uri: string, failure: string) => void) {
    this.documents.onDidClose((e) => this.models.delete(e.document.uri));
  }

  /** The plan for an open document, or undefined when the client has not opened it. */
  get(uri: string): Plan | undefined {
    const document = this.documents.get(uri);
    return document && this.of(document);
  }

  /** The plan of this document version, analysed now if no feature has asked for it yet. */
  of(document: TextDocument): Plan {
    const cached = this.models.get(document.uri);
    if (cached && cached.document === document && cached.version === document.version) return cached;
    const text = document.getText();
    const model = analyzePlan(text);
    // analyzePlan never throws; it records an internal error here instead, which must reach the log.
    if (model.failure) this.onAnalysisFailure(document.uri, model.failure);
    const plan = { document, version: document.version, text, model };
    this.models.set(document.uri, plan);
    return plan;
  }

  all(): TextDocument[] {
    return this.documents.all();
  }
}
