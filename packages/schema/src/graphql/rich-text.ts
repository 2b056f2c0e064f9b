import type { ObjectRef } from '@pothos/core';
import type { RichText } from '../graph/types.js';
import { builder, type Types } from './builder.js';
import { RICH_TEXT, RICH_TEXT_LIST } from './cost-hints.js';
import { RichTextDocRef } from './refs.js';
import { TextFormat } from './types/text-format.js';

export type TextFormatValue = 'MARKDOWN' | 'HTML' | 'TEXT';
export const FORMAT_ARG_DESCRIPTION = 'MARKDOWN as authored (default), sanitised HTML, or plain TEXT.';

export function formatText(text: RichText, format: TextFormatValue): string {
  return format === 'HTML' ? text.html : format === 'TEXT' ? text.text : text.markdown;
}

type Ref<T> = ObjectRef<Types, T>;

// Every rich field has a sibling `<field>Doc` serving the same RichText as
// blocks of spans, so widgets render it with their own templates instead of
// sanitising HTML in the browser. Added beside the string field, which stays
// as it is for the clients that read HTML or Markdown.

/** The name of the structured sibling of the rich field `name`. */
export const docFieldName = (name: string) => `${name}Doc`;

/** The description of the structured sibling of the rich field `name`. */
export const docFieldDescription = (name: string) =>
  `\`${name}\` as blocks of spans, for rendering with your own templates instead of parsing HTML.`;

/** A Markdown field that can also be read as sanitised HTML or plain text. */
export function textField<T>(ref: Ref<T>, name: string, description: string, get: (parent: T) => RichText) {
  builder.objectField(ref, name, (t) =>
    t.string({
      description,
      extensions: RICH_TEXT,
      args: { format: t.arg({ type: TextFormat, defaultValue: 'MARKDOWN', description: FORMAT_ARG_DESCRIPTION }) },
      resolve: (parent, args) => formatText(get(parent), args.format),
    }),
  );
  builder.objectField(ref, docFieldName(name), (t) =>
    t.field({ type: RichTextDocRef, description: docFieldDescription(name), extensions: RICH_TEXT, resolve: get }),
  );
}

/** A Markdown field that may be absent (null), readable as HTML or plain text when present. */
export function optionalTextField<T>(ref: Ref<T>, name: string, description: string, get: (parent: T) => RichText | null) {
  builder.objectField(ref, name, (t) =>
    t.string({
      description,
      nullable: true,
      extensions: RICH_TEXT,
      args: { format: t.arg({ type: TextFormat, defaultValue: 'MARKDOWN', description: FORMAT_ARG_DESCRIPTION }) },
      resolve: (parent, args) => {
        const text = get(parent);
        return text && formatText(text, args.format);
      },
    }),
  );
  builder.objectField(ref, docFieldName(name), (t) =>
    t.field({
      type: RichTextDocRef,
      nullable: true,
      description: `${docFieldDescription(name)} Null when \`${name}\` is.`,
      extensions: RICH_TEXT,
      resolve: get,
    }),
  );
}

/** A list of Markdown items, each readable as HTML or plain text. */
export function textListField<T>(ref: Ref<T>, name: string, description: string, get: (parent: T) => readonly RichText[]) {
  builder.objectField(ref, name, (t) =>
    t.stringList({
      description,
      extensions: RICH_TEXT_LIST,
      args: { format: t.arg({ type: TextFormat, defaultValue: 'MARKDOWN', description: FORMAT_ARG_DESCRIPTION }) },
      resolve: (parent, args) => get(parent).map((text) => formatText(text, args.format)),
    }),
  );
  builder.objectField(ref, docFieldName(name), (t) =>
    t.field({ type: [RichTextDocRef], description: docFieldDescription(name), extensions: RICH_TEXT_LIST, resolve: get }),
  );
}
