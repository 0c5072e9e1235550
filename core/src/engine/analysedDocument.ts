// One parsed and modelled version of a document, and the per-URI cache of them.
import type { BuildContext } from '../context/buildContext';
import { buildModel, type DockerfileModel } from '../model';
import type { ImageFactsLookup } from '../model/imageFacts';
import { type Dockerfile, parseText, type ParsedText, reparseText } from '../parser';
import { ImageCatalog } from './imageCatalog';

/** What models start stages on images from; `version` changes whenever any answer may have. */
interface VersionedImageFacts extends ImageFactsLookup {
  readonly version: number;
}

/** The recorded facts only (the CLI, one-off checks): never changes. */
const RECORDED_ONLY: VersionedImageFacts = new ImageCatalog();

export class AnalysedDocument {
  private latest: DockerfileModel | undefined;
  /** The image facts' version `latest` was built with: a newer one rebuilds it (keeping what still fits). */
  private latestImages = -1;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    readonly parsed: ParsedText,
    /** The previous version's model: its stage records are reused where they fit (dropped once used). */
    private previousModel?: DockerfileModel,
    private readonly images: VersionedImageFacts = RECORDED_ONLY,
  ) {}

  get tree(): Dockerfile {
    return this.parsed.tree;
  }

  get lines(): readonly string[] {
    return this.parsed.lines;
  }

  /** The model of this version; built on first use (with the build context last used) and kept. */
  get model(): DockerfileModel {
    const buildContext = this.latest?.facts.buildContext ?? this.previousModel?.facts.buildContext;
    return this.modelWith(buildContext);
  }

  /** The model with `buildContext` among its file facts (what rules read); kept while it is asked for. */
  modelWith(buildContext: BuildContext | undefined): DockerfileModel {
    const images = this.images.version;
    if (this.latest && this.latest.facts.buildContext === buildContext && this.latestImages === images)
      return this.latest;
    this.latest = buildModel(this.parsed.tree, {
      lines: this.parsed.lines,
      buildContext,
      previous: this.latest ?? this.previousModel,
      images: this.images,
    });
    this.latestImages = images;
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

  /** `images`: what the models know about base images (the server's catalog; else recorded facts only). */
  constructor(private readonly images: VersionedImageFacts = RECORDED_ONLY) {}

  get(document: VersionedText): AnalysedDocument {
    const previous = this.documents.get(document.uri);
    const text = document.getText();
    if (previous && previous.version === document.version && previous.text === text) return previous;
    const parsed = previous ? reparseText(previous.parsed, text) : parseText(text);
    const analysed = new AnalysedDocument(
      document.uri,
      document.version,
      text,
      parsed,
      previous?.lastModel,
      this.images,
    );
    this.documents.set(document.uri, analysed);
    return analysed;
  }

  delete(uri: string): void {
    this.documents.delete(uri);
  }
}
