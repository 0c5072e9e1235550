// Durations for people ("250 ms", "4.2 s", "12 s", "2 min 5 s"; in Korean "4.2초", "2분 5초"):
// shared by the server's layer hints and the client's build decorations, so both word a step's
// time the same way. Pure.
import type { Language } from './engine/language';

export function formatDuration(ms: number, language: Language = 'en'): string {
  const ko = language === 'ko';
  const milliseconds = Math.round(ms);
  if (milliseconds < 1000) return ko ? `${milliseconds}ms` : `${milliseconds} ms`;
  // Tenths below 10 s, whole seconds after; rounding up carries into the next form.
  const tenths = Math.round(ms / 100);
  if (tenths < 100) return ko ? `${(tenths / 10).toFixed(1)}초` : `${(tenths / 10).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return ko ? `${seconds}초` : `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return ko ? `${minutes}분 ${seconds % 60}초` : `${minutes} min ${seconds % 60} s`;
}
