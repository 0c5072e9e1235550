// Custom requests and notifications between the Layerwise client and server, typed once here
// and imported by both sides.

/** Prefix of every Layerwise-specific LSP method. */
export const METHOD_PREFIX = 'layerwise/';
