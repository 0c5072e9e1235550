// A rule's message catalog: every text it can show, keyed by id, written in both languages
// side by side. `defineMessages` keeps the ids and parameter types, so a finding names its
// message as `messages.relativeDestination({ path })` and tests can walk every catalog.
import type { LocalizedText } from '../parser';

/** One message: its text in each language, from the same parameters. */
export interface MessageTemplate<Params> {
  en: (params: Params) => string;
  ko: (params: Params) => string;
}

/** A message ready to show, with the id it came from. */
export interface CatalogMessage extends LocalizedText {
  id: string;
}

export type MessageCatalog<Templates extends Record<string, MessageTemplate<never>>> = {
  [Id in keyof Templates]: Templates[Id] extends MessageTemplate<infer Params>
    ? [Params] extends [void]
      ? () => CatalogMessage
      : (params: Params) => CatalogMessage
    : never;
};

/** Message ids of any rule's catalog, with their templates (for tests and docs). */
export type CatalogTemplates = Readonly<Record<string, MessageTemplate<never>>>;

/** Builds a catalog: each id becomes a function from the message's parameters to both texts. */
export function defineMessages<Templates extends Record<string, MessageTemplate<never>>>(
  templates: Templates,
): MessageCatalog<Templates> & { readonly templates: Templates } {
  const catalog: Record<string, unknown> = { templates };
  for (const [id, template] of Object.entries(templates)) {
    const { en, ko } = template as MessageTemplate<unknown>;
    catalog[id] = (params: unknown): CatalogMessage => ({ id, en: en(params), ko: ko(params) });
  }
  return catalog as MessageCatalog<Templates> & { readonly templates: Templates };
}
