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

/** Each id as a function from its parameters to both texts; a message without parameters takes none. */
export type MessageCatalog<ParamsById> = {
  [Id in keyof ParamsById]: unknown extends ParamsById[Id]
    ? () => CatalogMessage
    : (params: ParamsById[Id]) => CatalogMessage;
};

/** Message ids of any rule's catalog, with their templates (for tests and docs). */
export type CatalogTemplates = Readonly<Record<string, MessageTemplate<never>>>;

/**
 * Builds a catalog: each id becomes a function from the message's parameters to both texts.
 * The parameters are inferred from `en`, so `ko: (p) => ...` needs no annotation.
 */
export function defineMessages<ParamsById>(
  templates: {
    [Id in keyof ParamsById]: MessageTemplate<ParamsById[Id]>;
  },
): MessageCatalog<ParamsById> & { readonly templates: CatalogTemplates } {
  const catalog: Record<string, unknown> = { templates };
  for (const [id, template] of Object.entries(templates)) {
    const { en, ko } = template as MessageTemplate<unknown>;
    catalog[id] = (params: unknown): CatalogMessage => ({ id, en: en(params), ko: ko(params) });
  }
  return catalog as MessageCatalog<ParamsById> & { readonly templates: CatalogTemplates };
}
