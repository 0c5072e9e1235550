// A Layerwise server on a pair of streams, for running it inside another process: the protocol
// tests run it in the test process over in-memory pipes. The streams go through message readers
// and writers on purpose: given a raw stream, vscode-languageserver exits the process when it ends.
import type { Readable, Writable } from 'node:stream';
import {
  type Connection,
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { nodeFiles } from '../../core/src/files/nodeFileAccess';
import { createServer } from './createServer';

/** Starts a server that reads LSP messages from `input` and writes to `output`; returns its connection. */
export function startServerOnStreams(input: Readable, output: Writable): Connection {
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(input),
    new StreamMessageWriter(output),
  );
  createServer(connection, { files: nodeFiles });
  return connection;
}
