// Completion documentation is sent on completionItem/resolve, not with the list: a keyword
// list with full docs is ~46 KB of JSON, and sending it dominated completion latency.
import type { CompletionItem } from 'vscode-languageserver';

interface DeferredData {
  layerwiseDoc: number;
}

export class DeferredDocumentation {
  /** Documentation of the items of the latest completion list, by index. */
  private documentation: CompletionItem['documentation'][] = [];

  /** Copies of `items` without documentation; `data` says where to find it on resolve. */
  defer(items: CompletionItem[]): CompletionItem[] {
    this.documentation = [];
    return items.map((item) => {
      if (item.documentation === undefined) return item;
      const { documentation, ...rest } = item;
      this.documentation.push(documentation);
      const data: DeferredData = { layerwiseDoc: this.documentation.length - 1 };
      return { ...rest, data };
    });
  }

  resolve(item: CompletionItem): CompletionItem {
    const index = (item.data as Partial<DeferredData> | undefined)?.layerwiseDoc;
    const documentation = typeof index === 'number' ? this.documentation[index] : undefined;
    return documentation === undefined ? item : { ...item, documentation };
  }
}
