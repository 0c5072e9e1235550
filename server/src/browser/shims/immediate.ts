// Injected into the browser bundle of the server (scripts/build.mjs): setImmediate, which the
// validation queue and idle work use to yield between slices, is Node's; a MessageChannel gives the
// same "after pending messages" turn in a worker without setTimeout's clamping.

type Callback = () => void;
const waiting = new Map<number, Callback>();
let nextId = 1;
const channel = new MessageChannel();
// The browser's MessagePort (the project's lib types are Node's): setting onmessage starts the port.
(channel.port1 as unknown as { onmessage: (event: { data: number }) => void }).onmessage = (event) => {
  const callback = waiting.get(event.data);
  waiting.delete(event.data);
  callback?.();
};

function setImmediatePolyfill(callback: Callback): number {
  const id = nextId++;
  waiting.set(id, callback);
  channel.port2.postMessage(id);
  return id;
}

function clearImmediatePolyfill(id: number | undefined): void {
  if (id !== undefined) waiting.delete(id);
}

export { clearImmediatePolyfill as clearImmediate, setImmediatePolyfill as setImmediate };
