// The entry of dist/server.js: a connection over the transport the client chose (--stdio,
// --node-ipc, --socket=…) with the Layerwise server on it, reading files with Node's fs.
// Everything else is in createServer.ts; the browser's entry is browserServer.ts.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeFiles } from '../../core/src/files/nodeFileAccess';
import { createServer } from './createServer';

createServer(createConnection(ProposedFeatures.all), { files: nodeFiles });
