// Budgets for requests about a whole file, so a huge file (100,000 lines, thousands of stages)
// costs a bounded amount per request: work on at most LINE_BUDGET lines, answer with at most
// ITEM_BUDGET items. Real Dockerfiles stay far below both. When a budget cuts an answer the
// server says so once per document and feature in its log.

/** Lines a whole-file request works on: semantic tokens, formatting, inlay hints. */
export const LINE_BUDGET = 20_000;

/** Items a whole-file answer holds: symbols, folding ranges (VS Code shows at most 5,000), code lenses, links. */
export const ITEM_BUDGET = 5_000;

/** Items still allowed; `take` says whether one more fits and notes when the budget ran out. */
export class ItemBudget {
  truncated = false;

  constructor(private remaining: number = ITEM_BUDGET) {}

  take(): boolean {
    if (this.remaining > 0) {
      this.remaining--;
      return true;
    }
    this.truncated = true;
    return false;
  }
}

/** Lines `fromLine` to `toLine` (inclusive) cut to their first LINE_BUDGET; `cut` says whether any were left out. */
export function budgetedLines(fromLine: number, toLine: number): { fromLine: number; toLine: number; cut: boolean } {
  if (toLine - fromLine < LINE_BUDGET) return { fromLine, toLine, cut: false };
  return { fromLine, toLine: fromLine + LINE_BUDGET - 1, cut: true };
}

/** The first ITEM_BUDGET items; `cut` says whether any were left out. */
export function budgetedItems<T>(items: T[]): { items: T[]; cut: boolean } {
  return items.length > ITEM_BUDGET ? { items: items.slice(0, ITEM_BUDGET), cut: true } : { items, cut: false };
}

/** Logs "this answer was cut" once per document and feature (until the document closes). */
export class BudgetNotices {
  private readonly noted = new Map<string, Set<string>>();

  constructor(private readonly log: (message: string) => void) {}

  /** `what` says what the answer leaves out, e.g. "document symbols stop after 5000". */
  note(uri: string, feature: string, what: string): void {
    let features = this.noted.get(uri);
    if (!features) {
      features = new Set();
      this.noted.set(uri, features);
    }
    if (features.has(feature)) return;
    features.add(feature);
    this.log(`Layerwise: ${what} in ${uri} (a budget for huge files; said once per document)`);
  }

  forget(uri: string): void {
    this.noted.delete(uri);
  }
}
