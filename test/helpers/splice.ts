// A random edit for property tests: delete `deleteCount` characters at `start` and insert `insert`.
export function spliceText(text: string, start: number, deleteCount: number, insert: string): string {
  const at = Math.min(start, text.length);
  return text.slice(0, at) + insert + text.slice(at + deleteCount);
}
