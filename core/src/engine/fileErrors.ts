// Short, plain reasons for file-system errors, for messages that name the file.
import type { LocalizedText } from '../rules';

export function describeFileError(error: unknown): LocalizedText {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { en: 'no such file or folder', ko: '파일이나 폴더가 없습니다' };
  if (code === 'EACCES' || code === 'EPERM') return { en: 'permission denied', ko: '읽을 권한이 없습니다' };
  if (code === 'EISDIR') return { en: 'it is a folder', ko: '파일이 아니라 폴더입니다' };
  if (code === 'ENOTDIR')
    return { en: 'a part of the path is not a folder', ko: '경로 중간에 폴더가 아닌 것이 있습니다' };
  const message = error instanceof Error ? error.message : String(error);
  return { en: message, ko: message };
}
