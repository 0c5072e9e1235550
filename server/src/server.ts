// The entry of dist/server.js: a connection over the transport the client chose (--stdio,
// --node-ipc, --socket=…) with the Layerwise server on it. Everything else is in createServer.ts.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './createServer';

createServer(createConnection(ProposedFeatures.all));
