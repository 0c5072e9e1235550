// Parses `docker history --no-trunc --human=false --format '{{json .}}'`: one JSON object per
// layer, newest first, e.g. {"ID":"sha256:…","CreatedBy":"/bin/sh -c make","Size":"12",...}.
// Older CLIs may print human sizes ("1.98MB"); both are read. Podman prints one JSON array of
// the same objects with lower-case keys ({"id":…,"CreatedBy":…,"size":2560,"comment":…}). Pure.

export interface ImageLayer {
  /** Full id (`sha256:…`), or `<missing>` for layers built elsewhere or by BuildKit. */
  readonly id: string;
  readonly createdBy: string;
  readonly sizeBytes: number | undefined;
  readonly comment: string;
}

/** "1234567890123", "1.98 MiB": sizes are short. */
const maxSizeChars = 32;

const unitFactors: Readonly<Record<string, number>> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KIB: 1024,
  MIB: 1024 ** 2,
  GIB: 1024 ** 3,
};

export function parseSize(text: unknown): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  if (typeof text !== 'string') return undefined;
  // Trimmed and bounded first: /^\s*(\d+…)\s*(unit)?\s*$/ backtracked quadratically on a long
  // run of spaces, and a size is never longer than a few characters.
  const trimmed = text.trim();
  if (trimmed.length > maxSizeChars) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([KMGT]?i?B)?$/i.exec(trimmed);
  if (match === null) return undefined;
  const factor = unitFactors[(match[2] ?? 'B').toUpperCase()];
  return factor === undefined ? undefined : Math.round(Number(match[1]) * factor);
}

export function parseImageHistory(stdout: string): ImageLayer[] {
  const records: unknown[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) continue;
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) records.push(...parsed);
      else records.push(parsed);
    } catch {
      // not a history line
    }
  }
  const layers: ImageLayer[] = [];
  for (const record of records) {
    if (typeof record !== 'object' || record === null) continue;
    const fields = record as Record<string, unknown>;
    const id = fields.ID ?? fields.id;
    const createdBy = fields.CreatedBy ?? fields.createdBy;
    const comment = fields.Comment ?? fields.comment;
    layers.push({
      id: typeof id === 'string' ? id : '<missing>',
      createdBy: typeof createdBy === 'string' ? createdBy : '',
      sizeBytes: parseSize(fields.Size ?? fields.size),
      comment: typeof comment === 'string' ? comment : '',
    });
  }
  return layers;
}
