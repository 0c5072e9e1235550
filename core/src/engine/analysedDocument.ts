// One parsed and modelled version of a document, and the per-URI cache of them.
import type { BuildContext } from '../context/buildContext';
import { buildModel, type DockerfileModel } from '../model';
import { type Dockerfile, parseText, type ParsedText, reparseText } from '../parser';

export class AnalysedDocument {
  private latest: DockerfileModel | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    readonly parsed: ParsedText,
    /** The previous version's model: its stage records are reused where they fit (dropped once used). */
    private previousModel?: DockerfileModel,
  ) {}

  get tree(): Dockerfile {
    return this.parsed.tree;
  }

  get lines(): readonly string[] {
    return this.parsed.lines;
  }

  /** The model of this version; built on first use (with the build context last used) and kept. */
  get model(): DockerfileModel {
    return this.latest ?? this.modelWith(this.previousModel?.facts.buildContext);
  }

  /** The model with `buildContext` among its file facts (what rules read); kept while it is asked for. */
  modelWith(buildContext: BuildContext | undefined): DockerfileModel {
    if (this.latest && this.latest.facts.buildContext === buildContext) return this.latest;
    this.latest = buildModel(this.parsed.tree, {
      lines: this.parsed.lines,
      buildContext,
      previous: this.latest ?? this.previousModel,
    });
    this.previousModel = undefined;
    return this.latest;
  }

  /** The model built last, else the one this version started from (for the next version to build on). */
  get lastModel(): DockerfileModel | undefined {
    return this.latest ?? this.previousModel;
  }
}

export interface VersionedText {
  uri: string;
  version: number;
  getText(): string;
}

/**
 * Parse once per (uri, version, text): a new version is parsed incrementally from the previous
 * one, so an edit only re-reads the instructions it touched, and its model reuses the previous
 * model's stage records. The text is part of the key: a client may send two changes with the same
 * version, and the second one must not be lost. (Comparing the texts is cheap: an unchanged
 * document hands back the very same string.)
 */
export class DocumentStore {
  private readonly documents = new Map<string, AnalysedDocument>();

  get(document: VersionedText): AnalysedDocument {
    const previous = this.documents.get(document.uri);
    const text = document.getText();
    if (previous && previous.version === document.version && previous.text === text) return previous;
    const parsed = previous ? reparseText(previous.parsed, text) : parseText(text);
    const analysed = new AnalysedDocument(document.uri, document.version, text, parsed, previous?.lastModel);
    this.documents.set(document.uri, analysed);
    return analysed;
  }

  delete(uri: string): void {
    this.documents.delete(uri);
  }
}
