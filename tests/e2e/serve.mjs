// A static server for dist/ under a sub-path, as an intranet web server would host it.
// Usage: node tests/e2e/serve.mjs [dir] [port] [base]   (defaults: dist 8080 /tools/wengao/)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export function serve(dir, port, base) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('not under ' + base);
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080', base = '/tools/wengao/'] = process.argv.slice(2);
  await serve(dir, Number(port), base);
  console.log(`serving ${dir} at http://127.0.0.1:${port}${base}`);
}

/** Whether a console message is an error of the page's own: the 404 of the
 *  office's template list (templates/templates.json, asked of the server by
 *  every page; none is published in most tests) is not. */
export function consoleError(message) {
  return message.type() === 'error' && !message.location().url.endsWith('/templates/templates.json');
}
