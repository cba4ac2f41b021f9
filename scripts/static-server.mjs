#!/usr/bin/env node
// A plain static server for the built app (no live-reload script injected, unlike
// `trunk serve`). Used by scripts/serve and by the end-to-end tests.
//   node scripts/static-server.mjs <dir> [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.ics': 'text/calendar; charset=utf-8',
};

// With `compress`, text and wasm are sent brotli- or gzip-encoded when the browser accepts
// it, as a static host does (bench/run.mjs measures that way; the tests do not need it).
const COMPRESSIBLE = /\.(html|js|mjs|wasm|css|json|webmanifest|svg|txt|csv|ics)$/;
function encode(req, file, body, cache) {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  if (!encoding || !COMPRESSIBLE.test(file)) return { body };
  const key = `${encoding}:${file}`;
  if (!cache.has(key) || !cache.get(key).source.equals(body)) {
    const packed = encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      : gzipSync(body, { level: 9 });
    cache.set(key, { source: body, packed });
  }
  return { body: cache.get(key).packed, encoding };
}

/** Starts serving `dir`; resolves to the node http.Server once listening. */
export function serve(dir, port = 0, host = '127.0.0.1', { compress = false } = {}) {
  const root = resolve(dir);
  const packed = new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) { file = join(file, 'index.html'); info = await stat(file).catch(() => null); }
      if (!info && !extname(path)) { file = join(root, 'index.html'); info = await stat(file).catch(() => null); } // app routes
      if (!info) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const raw = await readFile(file);
      const { body, encoding } = compress ? encode(req, file, raw, packed) : { body: raw };
      const hashed = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(file); // Trunk's hash drops leading zeros
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
        ...(encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serve(dir, Number(port));
  console.log(`serving ${dir} on http://127.0.0.1:${server.address().port}`);
}
