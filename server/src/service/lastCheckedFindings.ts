// The findings of the last check of each open document, kept with the version they belong to, so
// requests that only read them (hover) never check again and never show another version's findings.
import type { CheckedFinding } from '../../../core/src/engine/checkEngine';

export class LastCheckedFindings {
  private readonly byUri = new Map<string, { version: number; findings: readonly CheckedFinding[] }>();

  record(uri: string, version: number, findings: readonly CheckedFinding[]): void {
    this.byUri.set(uri, { version, findings });
  }

  /** The findings of `version`, or none when that version was not checked (yet). */
  of(uri: string, version: number): readonly CheckedFinding[] {
    const last = this.byUri.get(uri);
    return last?.version === version ? last.findings : [];
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
