// The example project of the walkthrough (examples/learn-docker in the extension): copied into a
// folder the user can edit and build, with a static busybox when the machine has one, since the
// example builds FROM scratch and needs no registry. Node only; no 'vscode' import.
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  closeSync,
  statSync,
} from 'node:fs';
import * as path from 'node:path';

/**
 * Copies every file of `source` that `destination` lacks, taking a file from `overlay` instead
 * when it has one of the same name (the Korean Dockerfile and README). Files already there are
 * the user's work and are never overwritten. Returns the copied paths, relative and "/"-separated.
 */
export function copyMissingFiles(source: string, destination: string, overlay?: string): string[] {
  const copied: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(source, relative), { withFileTypes: true })) {
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        walk(name);
        continue;
      }
      if (!entry.isFile()) continue;
      const target = path.join(destination, name);
      if (existsSync(target)) continue;
      const translated = overlay === undefined ? undefined : path.join(overlay, name);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(
        translated !== undefined && existsSync(translated) ? translated : path.join(source, name),
        target,
        constants.COPYFILE_EXCL,
      );
      copied.push(name);
    }
  };
  walk('');
  return copied;
}

const PT_INTERP = 3;

/**
 * Whether `bytes` (the start of a file: its ELF header and program headers) are an ELF executable
 * without a program interpreter, i.e. statically linked: it runs in a `FROM scratch` image, where
 * there is no C library to load.
 */
export function isStaticElf(bytes: Uint8Array): boolean {
  if (bytes.length < 52 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46)
    return false;
  const wide = bytes[4] === 2;
  const littleEndian = bytes[5] !== 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const programHeaders = wide ? Number(view.getBigUint64(0x20, littleEndian)) : view.getUint32(0x1c, littleEndian);
  const entrySize = view.getUint16(wide ? 0x36 : 0x2a, littleEndian);
  const count = view.getUint16(wide ? 0x38 : 0x2c, littleEndian);
  if (count === 0 || entrySize < 4) return false;
  for (let index = 0; index < count; index++) {
    const at = programHeaders + index * entrySize;
    if (at + 4 > bytes.length) return false;
    if (view.getUint32(at, littleEndian) === PT_INTERP) return false;
  }
  return true;
}

function readStart(file: string, length: number): Uint8Array {
  const buffer = new Uint8Array(length);
  const fd = openSync(file, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/** The places a busybox is usually found, then every folder on PATH. */
export function busyboxCandidates(pathVariable: string | undefined): string[] {
  const onPath = (pathVariable ?? '')
    .split(path.delimiter)
    .filter((folder) => folder !== '')
    .map((folder) => path.join(folder, 'busybox'));
  return [...new Set(['/bin/busybox', '/usr/bin/busybox', '/usr/local/bin/busybox', ...onPath])];
}

/** The first candidate that is a statically linked executable, if any. */
export function findStaticBusybox(candidates: readonly string[]): string | undefined {
  return candidates.find((candidate) => {
    try {
      return statSync(candidate).isFile() && isStaticElf(readStart(candidate, 64 * 1024));
    } catch {
      return false;
    }
  });
}
