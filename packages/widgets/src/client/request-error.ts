export type RequestErrorKind = 'network' | 'http' | 'graphql' | 'response';

/** Why a widget could not get its data, worded for the person reading the page. */
export class AltitudeRequestError extends Error {
  override readonly name = 'AltitudeRequestError';
  constructor(
    readonly kind: RequestErrorKind,
    readonly endpoint: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
