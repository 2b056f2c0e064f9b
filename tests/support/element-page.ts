import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './cli.js';

/**
 * One element's define module and what it imports, bundled by the widgets'
 * own Vite as ES modules by path (`/<folder>.js`, `/chunks/…`): a page can
 * hold the element alone, whatever the shared bundles hold.
 */
export async function bundleElement(folder: string): Promise<Map<string, string>> {
  const widgets = path.join(REPO_ROOT, 'packages/widgets');
  // The widgets' Vite (tests/ does not depend on it), typed by the little used here.
  const { build } = (await import(createRequire(path.join(widgets, 'package.json')).resolve('vite'))) as {
    build: (config: object) => Promise<unknown>;
  };
  const result = await build({
    root: widgets,
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    build: {
      write: false,
      target: 'es2022',
      minify: false,
      lib: { entry: { [folder]: `src/${folder}/define.ts` }, formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name].js' } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: { fileName: string; type: string; code?: string }[] }[];
  return new Map(outputs.flatMap((o) => o.output.filter((f) => f.type === 'chunk').map((f) => [`/${f.fileName}`, f.code!] as const)));
}

/**
 * A page of its own origin on 127.0.0.1 holding `<tag endpoint=… attributes>`
 * and its bundled modules, under the strict CSP: scripts and styles only from
 * itself, data only from the API.
 */
export async function serveElementPage(options: {
  api: string;
  files: ReadonlyMap<string, string>;
  folder: string;
  title: string;
  attributes?: string;
}) {
  const { api, files, folder, title, attributes = '' } = options;
  const tag = `de-${folder}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script type="module" src="/${folder}.js"></script></head>
<body><main><${tag} endpoint="${api}/graphql" ${attributes}></${tag}></main></body></html>`;
  const csp = `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${api}; img-src 'self'`;
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const file = files.get(pathname);
    if (file !== undefined) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'content-security-policy': csp });
      res.end(file);
    } else if (pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      res.end(html);
    } else if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
