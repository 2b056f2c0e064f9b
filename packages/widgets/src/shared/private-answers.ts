// A tool's answers stay in the reader's browser: in the URL's fragment (never
// sent to any server), in a file they download, or in one they pick. Nothing
// here makes a request. Each tool validates what comes back into its own
// shape: a hash or a file is input from anyone who sends a link.

/** Largest answers a hash or an uploaded file may hold, in bytes: a fragment that size still fits every browser's URL limit. */
export const MAX_ANSWER_BYTES = 16_384;

/**
 * The answers stored under `key` in the fragment (`#de-self-assessment=…`),
 * decoded, or undefined when absent, too large or not ours. The rest of the
 * fragment belongs to the page and is never touched.
 */
export function readHashAnswers(key: string, hash: string = location.hash): unknown {
  const encoded = fragmentParts(hash).find((part) => part.startsWith(`${key}=`));
  if (encoded === undefined) return undefined;
  const value = encoded.slice(key.length + 1);
  if (value.length === 0 || value.length > (MAX_ANSWER_BYTES * 4) / 3 + 4) return undefined;
  try {
    return JSON.parse(fromBase64Url(value));
  } catch {
    return undefined;
  }
}

/**
 * The fragment with `key`'s answers replaced (or removed, for `undefined`),
 * keeping the page's own parts in place. Returns undefined when the encoded
 * answers would exceed the bound, so the caller keeps the old link and says so.
 */
export function hashWithAnswers(key: string, answers: unknown, hash: string = location.hash): string | undefined {
  const others = fragmentParts(hash).filter((part) => !part.startsWith(`${key}=`));
  if (answers === undefined) return others.length ? `#${others.join('&')}` : '';
  const encoded = toBase64Url(JSON.stringify(answers));
  if (encoded.length > (MAX_ANSWER_BYTES * 4) / 3 + 4) return undefined;
  return `#${[...others, `${key}=${encoded}`].join('&')}`;
}

/**
 * Writes `key`'s answers into the address bar without a history entry per
 * click and without scrolling. False when they were too large to keep there.
 */
export function storeHashAnswers(key: string, answers: unknown): boolean {
  const hash = hashWithAnswers(key, answers);
  if (hash === undefined) return false;
  if (hash === location.hash || (hash === '' && location.hash === '')) return true;
  history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  return true;
}

/** Offers `value` as a JSON file named `filename`, made in the page: no server sees it. */
export function downloadJson(filename: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; revoking later lets slow browsers read it first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type FileAnswers = { ok: true; value: unknown } | { ok: false; problem: 'too-large' | 'not-json' };

/** A picked file's JSON, refused before reading when larger than the bound. */
export async function readAnswerFile(file: Blob, maxBytes = MAX_ANSWER_BYTES): Promise<FileAnswers> {
  if (file.size > maxBytes) return { ok: false, problem: 'too-large' };
  try {
    return { ok: true, value: JSON.parse(await file.text()) };
  } catch {
    return { ok: false, problem: 'not-json' };
  }
}

function fragmentParts(hash: string): string[] {
  return hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part.length > 0);
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(value: string): string {
  const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
