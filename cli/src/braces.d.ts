// The part of the `braces` package (micromatch's brace expansion) the CLI uses; it ships no types.
declare module 'braces' {
  interface BracesOptions {
    /** The most characters a pattern may have (at most 10,000). */
    maxLength?: number;
    /** The most values one range (`{1..9}`) may expand to (default 1,000). */
    rangeLimit?: number;
  }
  const braces: {
    expand(pattern: string, options?: BracesOptions): string[];
  };
  export = braces;
}
