// node:perf_hooks's place in the browser bundle of the server: a worker's own clock.
export const performance: { now(): number } = globalThis.performance;
