import type { Message } from './en.js';

export type { Message, WidgetLabel } from './en.js';

/** A language's words: one for every English message, placeholders kept (a test checks them). */
export type Translation = { readonly [M in Message]: string };

/**
 * A catalogue as it arrives at run time: words by their English (one from
 * another build may lack some, which English then fills in), or a recipe
 * that makes them from the English (the pseudo-locales).
 */
export type Catalogue = Partial<Translation> | ((english: Message) => string);

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The values a message's placeholders take: nothing for a message without any. */
export type ValuesFor<M extends Message> = [Placeholders<M>] extends [never]
  ? []
  : [values: { readonly [P in Placeholders<M>]: string | number }];

/** A message in the widgets' own words, before it is said in an element's language. */
export interface Words {
  readonly key: Message;
  readonly values?: Readonly<Record<string, string | number>> | undefined;
}

/** Says a message in an element's language. */
export type Translate = <M extends Message>(key: M, ...values: ValuesFor<M>) => string;

/** A message whose placeholders are checked against the English. */
export const words = <M extends Message>(key: M, ...[values]: ValuesFor<M>): Words => ({ key, values });

/**
 * The message in the catalogue's language, English where it has no such
 * message. Values are put in once: a value that looks like a placeholder
 * stays as written.
 */
export function say(catalogue: Catalogue | undefined, { key, values }: Words): string {
  const text = (typeof catalogue === 'function' ? catalogue(key) : catalogue?.[key]) ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)) : text;
}

/** An error a widget shows in the reader's language; `message` is the English, for logs and callers. */
export class WidgetError extends Error {
  constructor(readonly words: Words) {
    super(say(undefined, words));
  }
}
