// The parts of the xliff package (locize/xliff, 6.x) Altitude uses; it ships no types.
declare module 'xliff' {
  /** Text, or text with inline codes (<ph>, <pc>, …) as objects keyed by element type. */
  export type XliffValue = string | Record<string, unknown> | readonly (string | Record<string, unknown>)[];

  /** A <unit> with one <segment>: what the library reads and writes. */
  export interface XliffUnit {
    source?: XliffValue;
    target?: XliffValue;
    /** The unit's <note>s, as text. */
    note?: string | string[];
    /** Every attribute of <unit> but id, kept on reading and written back. */
    additionalAttributes?: Record<string, string | number>;
  }

  /** A <group> of units. */
  export interface XliffGroup {
    groupUnits: Record<string, XliffUnit | XliffGroup>;
    additionalAttributes?: Record<string, string | number>;
  }

  export interface XliffDocument {
    sourceLanguage?: string;
    targetLanguage?: string;
    /** Set on reading 2.1 and 2.2; absent for 2.0. */
    xliffVersion?: string;
    /** Units and groups by id, per <file> id. */
    resources: Record<string, Record<string, XliffUnit | XliffGroup>>;
  }

  export function js2xliff(
    document: XliffDocument,
    options?: { indent?: string; targetXliffVersion?: '2.0' | '2.1' | '2.2' },
  ): Promise<string>;
  /** Rejects on XML it cannot parse; resolves without `resources` for anything but XLIFF 2.x. */
  export function xliff2js(xml: string, options?: { namespace?: string; inlineAsString?: boolean }): Promise<Partial<XliffDocument>>;
}
