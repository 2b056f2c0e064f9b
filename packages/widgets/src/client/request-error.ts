import { say, type Words } from '../i18n/messages.js';

export type RequestErrorKind = 'network' | 'http' | 'graphql' | 'response';

/**
 * Why a widget could not get its data, worded for the person reading the
 * page. `message` is in English; `words`, when the widget itself worded it
 * (not the API), lets each widget say it in its reader's language.
 */
export class AltitudeRequestError extends Error {
  override readonly name = 'AltitudeRequestError';
  readonly words: Words | undefined;
  constructor(
    readonly kind: RequestErrorKind,
    readonly endpoint: string,
    message: string | Words,
    readonly status?: number,
  ) {
    super(typeof message === 'string' ? message : say(undefined, message));
    this.words = typeof message === 'string' ? undefined : message;
  }
}
