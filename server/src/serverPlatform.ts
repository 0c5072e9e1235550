// What differs between the server on Node (server.ts, the tests' streamServer.ts) and the server in
// a browser's web worker (browserServer.ts): where files are read, how far a context walk may go,
// and what the worker must learn from `initialize` before it can load its WebAssembly.
import type { InitializeParams } from 'vscode-languageserver';
import type { WalkLimits } from '../../core/src/context/contextWalk';
import type { FileAccess } from '../../core/src/files/fileAccess';

export interface ServerPlatform {
  files: FileAccess;
  walkLimits?: Partial<WalkLimits>;
  /** Called first when `initialize` arrives. */
  initialize?(params: InitializeParams): void;
  /** A file access that answers late: its answers make the server check again; file changes clear it. */
  lateFiles?: {
    onAnswered(listener: (paths: readonly string[]) => void): void;
    forget(): void;
  };
}
