// A tool's answers stay in the reader's browser: in the URL's fragment (never
// sent to any server), in a file they download, or in one they pick. Nothing
// here makes a request. Each tool validates what comes back into its own
// shape: a hash or a file is input from anyone who sends a link.

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { words, type Words } from '../i18n/messages.js';

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
 * Whether the page uses the fragment itself (an anchor such as `#faq`, a
 * router's `#/careers`): then answers beside it would break its navigation.
 * Only `name=value` parts can sit beside ours.
 */
export function pageOwnsFragment(key: string, hash: string = location.hash): boolean {
  return fragmentParts(hash).some((part) => !part.startsWith(`${key}=`) && !part.includes('='));
}

/**
 * The fragment with `key`'s answers replaced (or removed, for `undefined`),
 * keeping the page's own `name=value` parts in place. Returns undefined when
 * the encoded answers would exceed the bound or the page uses the fragment
 * itself, so the caller keeps the old link and says so.
 */
export function hashWithAnswers(key: string, answers: unknown, hash: string = location.hash): string | undefined {
  const others = fragmentParts(hash).filter((part) => !part.startsWith(`${key}=`));
  if (answers === undefined) return others.length ? `#${others.join('&')}` : '';
  if (pageOwnsFragment(key, hash)) return undefined;
  const encoded = toBase64Url(JSON.stringify(answers));
  if (encoded.length > (MAX_ANSWER_BYTES * 4) / 3 + 4) return undefined;
  return `#${[...others, `${key}=${encoded}`].join('&')}`;
}

/** Whether answers went into the link: `too-large` for it, or `taken` (the page uses its fragment, or the browser refused). */
export type LinkKept = 'kept' | 'too-large' | 'taken';

/**
 * Writes `key`'s answers into the address bar without a history entry per
 * click and without scrolling.
 */
export function storeHashAnswers(key: string, answers: unknown): LinkKept {
  if (answers !== undefined && pageOwnsFragment(key)) return 'taken';
  const hash = hashWithAnswers(key, answers);
  if (hash === undefined) return 'too-large';
  if (hash === location.hash || (hash === '' && location.hash === '')) return 'kept';
  try {
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  } catch {
    // Browsers limit how often a page may rewrite its address (Safari: 100 times in 30 seconds).
    return 'taken';
  }
  return 'kept';
}

/** What to tell the reader when their answers stayed out of the link. */
export function linkProblem(kept: LinkKept): Words | undefined {
  if (kept === 'too-large') return words('The answers no longer fit into the link; download them to keep them.');
  if (kept === 'taken')
    return words('This page keeps its own place in its address, so the answers stay out of the link; download them to keep them.');
  return undefined;
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

/**
 * Has a tool take the answers its link holds: after its first render, and
 * again whenever the fragment changes (a pasted link). After the first
 * render, because a server-rendered page (an embed) never sees the fragment:
 * its markup holds no answers, and hydration must meet that same markup
 * before the answers change it.
 */
export function followLinkAnswers(host: ReactiveControllerHost, read: () => void): void {
  let first = true;
  const controller: ReactiveController = {
    hostConnected: () => window.addEventListener('hashchange', read),
    hostDisconnected: () => window.removeEventListener('hashchange', read),
    hostUpdated: () => {
      if (!first) return;
      first = false;
      read();
    },
  };
  host.addController(controller);
}
