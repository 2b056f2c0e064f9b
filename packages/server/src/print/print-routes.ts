import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Framework } from '@altitude/schema';
import { safeDecode } from '../embeds/widget-spec.js';
import { MadeOnce } from '../http/made-once.js';
import { PAGE_SECURITY_HEADERS } from '../http/security-headers.js';
import { representationOf, sendBytes, sendHtml, type Representation } from '../http/send.js';
import { printError, type PrintPage } from './print-layout.js';
import { parsePrintRequest } from './print-request.js';
import { renderPrint } from './render-print.js';

export const PRINT_PREFIX = '/print/';

const made = new MadeOnce<{ readonly page: PrintPage; readonly bytes: Representation }>();

/** The pages' headers: the site's, with the handout's own policy (its stylesheet by hash). */
const headers = (page: PrintPage) => ({ ...PAGE_SECURITY_HEADERS, 'content-security-policy': page.csp });

/**
 * `/print/level/<slug>` and `/print/compare?levels=…`: handouts for paper,
 * rendered once per content version, date and address, sent with an ETag.
 * `now` dates handouts of content that is not a release.
 */
export function sendPrint(req: IncomingMessage, res: ServerResponse, framework: Framework, now: () => Date = () => new Date()): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = safeDecode(url.pathname.slice(PRINT_PREFIX.length));
  const parsed =
    path === undefined
      ? ({ ok: false, status: 400, message: 'The address is not valid percent-encoding.' } as const)
      : parsePrintRequest(path, url.searchParams, framework);
  if (!parsed.ok) {
    const page = printError(parsed.status === 404 ? 'No such handout' : 'This handout cannot be printed', parsed.message);
    sendHtml(res, parsed.status, page.html, { ...headers(page), 'cache-control': 'no-store' });
    return;
  }
  const today = now();
  const sent = made.get(framework, `${parsed.key}|${today.toISOString().slice(0, 10)}`, () => {
    const page = renderPrint(parsed, () => today);
    return { page, bytes: representationOf(Buffer.from(page.html)) };
  });
  sendBytes(req, res, sent.bytes, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    'content-language': parsed.locale,
    ...headers(sent.page),
  });
}
