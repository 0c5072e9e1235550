// Whether a point in an instruction's text is inside a quoted string, so the formatter never
// changes whitespace that is part of a value.

export class QuoteState {
  private quote: string | undefined;
  private escaped = false;

  /** `json`: exec form, where only "..." with backslash escapes quotes. */
  constructor(
    private readonly escape: string,
    private readonly json: boolean,
  ) {}

  get inQuote(): boolean {
    return this.quote !== undefined;
  }

  /** Reads the next piece of the instruction's logical text. */
  read(piece: string): void {
    const escape = this.json ? '\\' : this.escape;
    for (const ch of piece) {
      if (this.escaped) {
        this.escaped = false;
        continue;
      }
      if (this.quote === "'") {
        if (ch === "'") this.quote = undefined;
      } else if (ch === escape) {
        this.escaped = true;
      } else if (this.quote === '"') {
        if (ch === '"') this.quote = undefined;
      } else if (ch === '"' || (ch === "'" && !this.json)) {
        this.quote = ch;
      }
    }
  }
}
