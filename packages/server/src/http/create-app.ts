import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContentStore } from '../content/content-store.js';
import type { Logger } from '../logger.js';
import { sendGraphiql, wantsGraphiql } from './graphiql-page.js';
import { GRAPHQL_PATH, createGraphqlHandler } from './graphql-handler.js';
import { sendHealth, sendReadiness } from './health.js';
import { renderIndexPage } from './index-page.js';
import { logRequest } from './request-log.js';
import { sendHtml, sendJson } from './send.js';

export interface App {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Readiness turns 503 from now on; used when shutting down. */
  startDraining(): void;
}

/** Routes every HTTP surface of Altitude. */
export function createApp(store: ContentStore, logger: Logger): App {
  const graphql = createGraphqlHandler(store, logger);
  let draining = false;

  const app = (req: IncomingMessage, res: ServerResponse) => {
    logRequest(req, res, logger);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { pathname } = url;
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (pathname === GRAPHQL_PATH && wantsGraphiql(req, url)) {
      sendGraphiql(req, res, GRAPHQL_PATH);
    } else if (pathname === GRAPHQL_PATH) {
      void graphql(req, res);
    } else if (pathname === '/health' && read) {
      sendHealth(res);
    } else if (pathname === '/ready' && read) {
      sendReadiness(res, store, draining);
    } else if (pathname === '/' && read) {
      sendHtml(res, 200, renderIndexPage(store.framework), { 'cache-control': 'no-cache' });
    } else if (pathname === '/health' || pathname === '/ready' || pathname === '/') {
      sendJson(res, 405, { error: `${req.method ?? '?'} is not allowed on ${pathname}; use GET` }, { allow: 'GET, HEAD' });
    } else {
      sendJson(res, 404, { error: `nothing at ${pathname}`, endpoints: [GRAPHQL_PATH, '/health', '/ready', '/'] });
    }
  };
  return Object.assign(app, { startDraining: () => void (draining = true) });
}
