// What the test servers' global setup hands to tests through vitest's provide/inject.
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** An Altitude server on the real content. */
    altitudeUrl: string;
    /** An Altitude server whose content carries hostile strings (script tags, event handlers, javascript: links). */
    hostileAltitudeUrl: string;
    /** An Altitude server whose translations fall back to English (see fallbackContent in altitude-servers.ts). */
    fallbackAltitudeUrl: string;
  }
}
