import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const PAGES = path.resolve('test/e2e/pages');

export interface PageServer {
  url(name: string): string;
  close(): Promise<void>;
}

/** Serves `test/e2e/pages/*.html` on 127.0.0.1 at a free port (a localhost page the content script runs on). */
export async function startPageServer(): Promise<PageServer> {
  const server: Server = createServer(async (req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname);
    try {
      const body = await readFile(path.join(PAGES, name));
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        // A strict policy, as some news sites serve: no script of the page's own may run.
        ...(name === 'csp.html'
          ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" }
          : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
