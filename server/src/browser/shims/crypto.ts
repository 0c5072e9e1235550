// node:crypto's place in the browser bundle of the server. Only the build results' digests use it
// (service/buildResults.ts), and builds never run in the browser; they still get a stable digest:
// two independent 32-bit FNV-1a hashes of everything hashed, in hex.

class Fnv {
  private low = 0x811c9dc5;
  private high = 0x01000193 ^ 0x5bd1e995;

  update(text: string): this {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      this.low = Math.imul(this.low ^ unit, 0x01000193) >>> 0;
      this.high = Math.imul(this.high ^ (unit + 0x9e37), 0x01000193) >>> 0;
    }
    return this;
  }

  digest(_encoding?: string): string {
    return this.low.toString(16).padStart(8, '0') + this.high.toString(16).padStart(8, '0');
  }
}

export function createHash(_algorithm: string): Fnv {
  return new Fnv();
}
