/** What the browser benches share: a local server for generated pages, and Chromium. */

import { createServer, type Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';

/** A page or script the server answers with. */
export interface Route {
  type: string;
  body: string;
}

/** Serves `routes` (by exact path) on 127.0.0.1 at a free port; 404 for anything else. */
export function serve(routes: Map<string, Route>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const route = routes.get(req.url ?? '');
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' });
    res.end(route.body);
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      ok({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

/** Debian's Chromium, headless, with the flags every launch here uses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}
