// The docs' public surface: typed lookups over the bundled Markdown and the image list.
export * from './docs';
export { officialImage, officialImages, splitImageReference } from './images';
export type { TableRow } from './markdownTable';
export { escapeMarkdown, inlineCode } from './markdown';
