// Custom requests and notifications between the Layerwise client and server, typed once here
// and imported by both sides: the server registers them with `connection.onRequest(TYPE, …)`,
// the client sends them with `client.sendRequest(TYPE, …)`, and the compiler checks both ends.
// vscode-jsonrpc is pinned to the version vscode-languageclient uses: a request type made by
// another copy of the library would be rejected at run time (its parameter structure differs).
import { NotificationType, NotificationType0, RequestType } from 'vscode-jsonrpc';

/** Prefix of every Layerwise-specific LSP method. */
const METHOD_PREFIX = 'layerwise/';

// --- Build results: client -> server after `docker build` -------------------------------------

/** `not-built`: the instruction's stage was not built (the target does not need it, or it comes after the target). */
export type BuildStepOutcome = 'cached' | 'ran' | 'failed' | 'canceled' | 'incomplete' | 'not-built';

/** What the last build did for one instruction. */
export interface InstructionBuildResult {
  /** 0-based first line of the instruction in the Dockerfile that was built. */
  line: number;
  /** Upper-case keyword at that line, so a result never lands on another instruction. */
  keyword: string;
  status: BuildStepOutcome;
  durationMs?: number;
  /** Bytes the layer added, when the builder tells. */
  sizeBytes?: number;
}

export interface BuildResultsParams {
  /** The Dockerfile's URI. */
  uri: string;
  /** Per-instruction results; an empty list forgets the previous build. */
  instructions: InstructionBuildResult[];
}

/**
 * Sent by the client when a build of a Dockerfile finishes. The server keeps the results per
 * URI and shows them in the layer hints until an edit changes the instruction or one before it.
 */
export const BUILD_RESULTS = new NotificationType<BuildResultsParams>(`${METHOD_PREFIX}buildResults`);

// --- What does changing this file rebuild? -----------------------------------------------------

export interface FileImpactParams {
  /** The file (or folder) the user asks about. */
  fileUri: string;
  /** The Dockerfiles to check, found by the client in the workspace. */
  dockerfileUris: string[];
}

export interface DockerfileImpact {
  uri: string;
  /** The first instruction whose cache the change invalidates; absent when nothing rebuilds. */
  first?: {
    /** 0-based line of the instruction. */
    line: number;
    /** The instruction, shortened for display. */
    text: string;
    /** Stage name, or its index when unnamed. */
    stage: string;
    /** Layer number within the stage. */
    layer: number;
  };
  /** Layers after `first` that rebuild too. */
  rebuiltAfter: number;
  /** Why nothing rebuilds, when nothing does. */
  reason?: 'outside-context' | 'ignored' | 'not-copied' | 'unreadable';
}

export interface FileImpactResult {
  dockerfiles: DockerfileImpact[];
}

export const FILE_IMPACT = new RequestType<FileImpactParams, FileImpactResult, void>(`${METHOD_PREFIX}fileImpact`);

/**
 * The client command the "Build this stage" code lens runs (the docker client's Build Image):
 * builds the Dockerfile at `documentUri` with `--target <target>`, without asking for a target.
 */
export const BUILD_STAGE_COMMAND = 'layerwise.docker.buildImage';

export interface BuildStageOptions {
  target: string;
}

export type BuildStageArguments = [documentUri: string, options: BuildStageOptions];

/** The options a build command was run with, when well formed (menus and the palette pass none). */
export function readBuildStageOptions(value: unknown): BuildStageOptions | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const target = (value as { target?: unknown }).target;
  return typeof target === 'string' && target !== '' ? { target } : undefined;
}

// --- Documentation pages: the "full page" link of a hover --------------------------------------

/** The client command a hover's "full page" link runs, with `ShowDocsArguments`. */
export const SHOW_DOCS_COMMAND = 'layerwise.showDocs';

export interface DocPageParams {
  /** The doc's path under its language folder, e.g. `instruction/RUN.md`. */
  path: string;
  language: 'en' | 'ko';
}

export interface DocPageResult {
  /** A short title for the editor tab, e.g. `RUN --mount`. */
  title: string;
  /** The whole page. */
  markdown: string;
}

/** The arguments of the command link: the doc's path and language, kept short for the hover's Markdown. */
export type ShowDocsArguments = [path: string, language: DocPageParams['language']];

/** Asked by the client to show a doc page in full; null when there is no such doc. */
export const DOC_PAGE = new RequestType<DocPageParams, DocPageResult | null, void>(`${METHOD_PREFIX}docPage`);

/** The parameters of a doc page request or command link, when well formed. */
export function readDocPageParams(value: unknown): DocPageParams | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { path, language } = value as { path?: unknown; language?: unknown };
  if (typeof path !== 'string' || !/^[a-z]+\/[A-Za-z0-9_.-]+\.md$/.test(path) || path.includes('..')) return undefined;
  return language === 'en' || language === 'ko' ? { path, language } : undefined;
}

// --- Base images: server -> client, what the local engine knows about them ---------------------

/**
 * What `docker image inspect` (or podman's) says an image's config sets up: the wire form of
 * core's ImageFacts (core/src/model/imageFacts.ts), which the server checks field by field.
 */
export interface LocalImageFacts {
  /** The reference asked for, as the FROM resolves it. */
  reference: string;
  source: { kind: 'local'; imageId: string; created?: string };
  /** Config.Env as `[name, value]` pairs, in order. */
  env: [name: string, value: string][];
  user: string;
  workdir: string;
  entrypoint?: string[];
  cmd?: string[];
  exposedPorts: string[];
  volumes: string[];
  labels: Record<string, string>;
  os?: string;
  architecture?: string;
  sizeBytes?: number;
  layerCount?: number;
  /** The config has a HEALTHCHECK with a test other than NONE. */
  healthcheck?: boolean;
  /** Config.Shell, when set (podman's inspect does not show it). */
  shell?: string[];
}

export interface ImageFactsParams {
  /** Image references as the FROM lines resolve them, e.g. `node:22`. */
  references: string[];
}

export interface ImageFactsResult {
  /** One entry per reference, in order; null when the image is not on the local engine. */
  images: (LocalImageFacts | null)[];
}

/**
 * `initializationOptions` flag: the client answers IMAGE_FACTS. Only then does the server ask,
 * so other editors and the CLI never get the request.
 */
export const IMAGE_FACTS_OPTION = 'imageFacts';

/** Asked by the server for the base images of open Dockerfiles; never pulls anything. */
export const IMAGE_FACTS = new RequestType<ImageFactsParams, ImageFactsResult, void>(`${METHOD_PREFIX}imageFacts`);

/** Sent by the client when local images may have changed (a build finished): the server asks again. */
export const IMAGES_CHANGED = new NotificationType0(`${METHOD_PREFIX}imagesChanged`);

// --- Files read through the client (the server in a browser's web worker) ----------------------

/**
 * `initializationOptions` of the browser client: where the worker fetches its .wasm files, either
 * the URL of the folder holding them or one URL per file name (`tree-sitter.wasm`: `blob:...`).
 */
export const WASM_LOCATION_OPTION = 'wasm';

export interface ReadFileParams {
  uri: string;
  /** The text comes with the answer for a file of at most this many bytes (0: only what is there). */
  maxBytes: number;
}

/** What is at a URI (links followed), with the text of a small file; `code` is Node-style (ENOENT, EACCES...). */
export type ReadFileResult =
  | { kind: 'file'; size: number; text?: string }
  | { kind: 'directory' | 'other'; size: number }
  | { kind: 'error'; code: string; message: string };

/** Asked by the server in the browser: answered with `workspace.fs` (stat, then readFile when small). */
export const READ_FILE = new RequestType<ReadFileParams, ReadFileResult, void>(`${METHOD_PREFIX}fs/readFile`);

export interface ReadDirectoryParams {
  uri: string;
  /** Names sent at most; `complete` says whether there were more. */
  max: number;
}

export type ReadDirectoryResult =
  | { kind: 'directory'; entries: [name: string, isDirectory: boolean][]; complete: boolean }
  | { kind: 'error'; code: string; message: string };

/** Asked by the server in the browser: one folder's names by `workspace.fs.readDirectory` (links not followed). */
export const READ_DIRECTORY = new RequestType<ReadDirectoryParams, ReadDirectoryResult, void>(
  `${METHOD_PREFIX}fs/readDirectory`,
);
