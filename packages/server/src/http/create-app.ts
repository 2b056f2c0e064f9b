import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContentStore } from '../content/content-store.js';
import type { Logger } from '../logger.js';
import { sendGraphiql, wantsGraphiql } from './graphiql-page.js';
import { GRAPHQL_PATH, createGraphqlYoga } from '../graphql/yoga.js';
import { CompleteAnswers } from '../graphql/complete-answers.js';
import { readServerOptions, type ServerOptions } from '../config/server-options.js';
import { createGraphqlRoute, yogaExecutor } from './graphql-route.js';
import { sendHealth, sendReadiness } from './health.js';
import { DEFAULT_CONFIG, envPublicUrl, type ResolvedConfig } from '../config/altitude-config.js';
import { sendDemoCss, sendDemoJs, sendEmbedCss, sendEmbedResize } from './demo-assets.js';
import { sendEmbed, sendEmbedForms, sendOEmbed, sendSnippet } from './embed-routes.js';
import { PRINT_PREFIX, sendPrint } from '../print/print-routes.js';
import { EXPORT_PATHS, EXPORT_SCHEMA_PATH_URL, isExportPath, sendExport } from './export-routes.js';
import { renderDemoPage } from './demo-page.js';
import { HR_SUITE_INDEX_PATHS } from './hr-suite-routes.js';
import { PAGE_SECURITY_HEADERS, cacheControlFor, readerOrigin } from './security-headers.js';
import {
  WIDGET_FILES_PATH,
  sendEmbedBundle,
  sendWidgetFile,
  sendWidgetsAllInOne,
  sendWidgetsAllInOneMap,
  sendWidgetsLoader,
  sendWidgetsLoaderMap,
} from './widgets-bundle.js';
import { logRequest } from './request-log.js';
import { sendHtml, sendJson } from './send.js';

export interface App {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Readiness turns 503 from now on; used when shutting down. */
  startDraining(): void;
}

const ASSETS = new Map<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>([
  ['/widgets.js', sendWidgetsLoader],
  ['/altitude-widgets.js.map', sendWidgetsLoaderMap],
  ['/widgets-all.js', sendWidgetsAllInOne],
  ['/altitude-widgets-all.js.map', sendWidgetsAllInOneMap],
  ['/demo.css', sendDemoCss],
  ['/demo.js', sendDemoJs],
  ['/embed.js', sendEmbedBundle],
  ['/embed.css', sendEmbedCss],
  ['/embed-resize.js', sendEmbedResize],
]);

const GRAPHQL_QUERY = `${GRAPHQL_PATH}?`;

/** Whether the app asks the GraphQL cache before parsing the URL (a query to /graphql). */
function triesCacheFirst(target: string): boolean {
  return target.startsWith(GRAPHQL_QUERY);
}

/** The path of a request target as the client wrote it, for the log. */
function pathOf(target: string): string {
  const end = target.indexOf('?');
  return (end === -1 ? target : target.slice(0, end)).slice(0, 200);
}

/** Routes every HTTP surface of Altitude. */
export function createApp(
  store: ContentStore,
  logger: Logger,
  config: ResolvedConfig = DEFAULT_CONFIG,
  options: ServerOptions = readServerOptions(),
): App {
  const answers = new CompleteAnswers();
  const graphql = createGraphqlRoute(
    store,
    logger,
    options,
    yogaExecutor(createGraphqlYoga(store, logger, options, [answers.plugin]), answers),
  );
  let draining = false;
  // loadConfig already falls back to ALTITUDE_PUBLIC_URL; a server started
  // without a config (tests, build-static) reads it here.
  const publicUrl = config.publicUrl ?? envPublicUrl();

  const app = (req: IncomingMessage, res: ServerResponse) => {
    const target = req.url ?? '/';
    logRequest(req, res, logger, pathOf(target));
    try {
      // The widgets' traffic, answered from memory before any URL parsing.
      if (triesCacheFirst(target) && graphql.answerFromCache(req, res)) return;
      const url = URL.parse(target, 'http://localhost');
      // Request targets like `//` or `*` are not paths on this server.
      if (!url) sendJson(res, 400, { error: `${target.slice(0, 100)} is not a path on this server` });
      // Nor is one with a fragment, which HTTP never sends: yoga would read
      // the query string with it, the router without, and the two must agree.
      else if (target.includes('#'))
        sendJson(res, 400, { error: `${target.slice(0, 100)} has a fragment (#…); send the path and query only` });
      else route(req, res, url);
    } catch (error) {
      // One bad request must never take the server down with it.
      logger.error('request failed', { url: req.url, error: String(error) });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error; the server log has the details' });
      else res.destroy();
    }
  };

  const route = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const { pathname } = url;
    const read = req.method === 'GET' || req.method === 'HEAD';
    const origin = () => readerOrigin(publicUrl, req.headers);
    if (pathname === GRAPHQL_PATH && wantsGraphiql(req, url)) {
      sendGraphiql(req, res, GRAPHQL_PATH);
    } else if (pathname === GRAPHQL_PATH) {
      graphql(req, res, url, triesCacheFirst(req.url ?? ''));
    } else if (pathname === '/health' && read) {
      sendHealth(res);
    } else if (pathname === '/ready' && read) {
      sendReadiness(res, store, draining);
    } else if (pathname === '/' && read) {
      const reader = origin();
      sendHtml(res, 200, renderDemoPage(store.framework, reader.url), {
        'cache-control': cacheControlFor(reader, 'no-cache'),
        ...PAGE_SECURITY_HEADERS,
      });
    } else if (isExportPath(pathname) && read) {
      sendExport(req, res, store.framework, config.jobProfile, origin()).catch((error: unknown) => {
        logger.error('export failed', { path: pathname, error: String(error) });
        if (!res.headersSent) sendJson(res, 500, { error: 'the export could not be rendered' });
      });
    } else if (pathname.startsWith('/embed/') && read) {
      void sendEmbed(req, res, store.framework, origin(), logger);
    } else if (pathname.startsWith(PRINT_PREFIX) && read) {
      sendPrint(req, res, store.framework);
    } else if (pathname.startsWith('/snippet/') && read) {
      sendSnippet(req, res, store.framework, origin());
    } else if (pathname === '/embed-forms' && read) {
      sendEmbedForms(req, res, store.framework, origin());
    } else if (pathname === '/oembed' && read) {
      sendOEmbed(req, res, store.framework, origin());
    } else if (pathname === '/favicon.ico' && read) {
      // Browsers ask on every page; an empty answer keeps their consoles clean.
      res.writeHead(204, { 'cache-control': 'public, max-age=86400' }).end();
    } else if (ASSETS.has(pathname) && read) {
      void ASSETS.get(pathname)!(req, res);
    } else if (pathname.startsWith(WIDGET_FILES_PATH) && read) {
      void sendWidgetFile(req, res, pathname);
    } else if (
      pathname === '/health' ||
      pathname === '/ready' ||
      pathname === '/' ||
      ASSETS.has(pathname) ||
      isExportPath(pathname) ||
      pathname.startsWith(WIDGET_FILES_PATH)
    ) {
      sendJson(res, 405, { error: `${req.method ?? '?'} is not allowed on ${pathname}; use GET` }, { allow: 'GET, HEAD' });
    } else {
      sendJson(res, 404, {
        error: `nothing at ${pathname}`,
        endpoints: [
          GRAPHQL_PATH,
          '/widgets.js',
          '/widgets-all.js',
          ...EXPORT_PATHS.keys(),
          EXPORT_SCHEMA_PATH_URL,
          ...HR_SUITE_INDEX_PATHS,
          '/health',
          '/ready',
          '/',
        ],
      });
    }
  };
  return Object.assign(app, { startDraining: () => void (draining = true) });
}
