// One parsed and modelled version of a document, and the per-URI cache of them.
import { buildModel, type DockerfileModel } from '../model';
import { type Dockerfile, parseText, type ParsedText, reparseText } from '../parser';

export class AnalysedDocument {
  private cachedModel: DockerfileModel | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    readonly parsed: ParsedText,
  ) {}

  get tree(): Dockerfile {
    return this.parsed.tree;
  }

  get lines(): readonly string[] {
    return this.parsed.lines;
  }

  /** Built on first use and kept for this version. */
  get model(): DockerfileModel {
    this.cachedModel ??= buildModel(this.parsed.tree);
    return this.cachedModel;
  }
}

export interface VersionedText {
  uri: string;
  version: number;
  getText(): string;
}

/**
 * Parse once per (uri, version): a new version is parsed incrementally from the previous one,
 * so an edit only re-reads the instructions it touched.
 */
export class DocumentStore {
  private readonly documents = new Map<string, AnalysedDocument>();

  get(document: VersionedText): AnalysedDocument {
    const previous = this.documents.get(document.uri);
    if (previous && previous.version === document.version) return previous;
    const text = document.getText();
    const parsed = previous ? reparseText(previous.parsed, text) : parseText(text);
    const analysed = new AnalysedDocument(document.uri, document.version, text, parsed);
    this.documents.set(document.uri, analysed);
    return analysed;
  }

  delete(uri: string): void {
    this.documents.delete(uri);
  }
}
