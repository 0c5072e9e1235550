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
 * Parse once per (uri, version, text): a new version is parsed incrementally from the previous
 * one, so an edit only re-reads the instructions it touched. The text is part of the key: a
 * client may send two changes with the same version, and the second one must not be lost.
 * (Comparing the texts is cheap: an unchanged document hands back the very same string.)
 */
export class DocumentStore {
  private readonly documents = new Map<string, AnalysedDocument>();

  get(document: VersionedText): AnalysedDocument {
    const previous = this.documents.get(document.uri);
    const text = document.getText();
    if (previous && previous.version === document.version && previous.text === text) return previous;
    const parsed = previous ? reparseText(previous.parsed, text) : parseText(text);
    const analysed = new AnalysedDocument(document.uri, document.version, text, parsed);
    this.documents.set(document.uri, analysed);
    return analysed;
  }

  delete(uri: string): void {
    this.documents.delete(uri);
  }
}
