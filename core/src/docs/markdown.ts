// Putting user text (a value from the Dockerfile, a file name, an image reference) into Markdown
// that the editor renders: as inline code, or as plain text. Either way the text cannot end the
// span it sits in, start a block (a heading, a list, a fence) or add a link, image or HTML.

/** Line breaks of any kind: inside a paragraph one could start a block (`# `, `- `, a fence). */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * `text` as a CommonMark code span. The fence is one backtick longer than the longest run of
 * backticks in the text, so nothing in it can close the span (a fixed two-backtick fence is
 * closed by a value holding two backticks). A space pads each side when the text starts or ends
 * with a backtick, or starts and ends with a space: CommonMark strips one space from each side
 * then, so the reader sees the text as it is. Line breaks become spaces, as a code span shows
 * them anyway.
 */
export function inlineCode(text: string): string {
  const flat = text.replace(LINE_BREAKS, ' ');
  if (flat === '') return '` `';
  let longest = 0;
  let run = 0;
  for (let i = 0; i < flat.length; i++) {
    if (flat.charCodeAt(i) === 0x60) {
      run++;
      if (run > longest) longest = run;
    } else run = 0;
  }
  const fence = '`'.repeat(longest + 1);
  const bothSpaces = flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '';
  const pad = flat.startsWith('`') || flat.endsWith('`') || bothSpaces ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Every ASCII punctuation character: CommonMark lets a backslash make each one literal. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * `text` as literal Markdown text: each ASCII punctuation character is backslash-escaped (so no
 * emphasis, link, image, HTML, entity or code span can start), line breaks become spaces (so no
 * block can start) and a leading blank is written as a character reference (so text placed at
 * the start of a line cannot indent it into a code block).
 */
export function escapeMarkdown(text: string): string {
  const escaped = text.replace(LINE_BREAKS, ' ').replace(PUNCTUATION, '\\$&');
  if (escaped.startsWith(' ')) return `&#32;${escaped.slice(1)}`;
  if (escaped.startsWith('\t')) return `&#9;${escaped.slice(1)}`;
  return escaped;
}
