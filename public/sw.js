// Cocon's service worker: the whole app is precached at install, so it opens with no
// network. The two lines below are filled in by scripts/postbuild.mjs at each build:
// the cache name comes from the content hash of every file, the list names every file.
const CACHE = 'cocon-__BUILD_HASH__';
const PRECACHE = __PRECACHE_LIST__;
const SHELL = '/index.html';
// Pages that are not the app: the urgent page opens on its own, even when the app cannot.
const PAGES = ['/urgent.html', '/urgent.en.html'];
// The directory's département packs: fetched when first needed, then kept across updates
// (the address carries the pack's hash, so a changed pack is fetched again).
const PACKS = 'cocon-packs';
const PACK_PATH = /^\/content\/directory\/(?!index\.json$)[^/]+\.json$/;

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the parent chooses to update.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith('cocon-') && key !== CACHE && key !== PACKS).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && PAGES.includes(url.pathname)) {
    event.respondWith(
      caches.match(url.pathname, { cacheName: CACHE }).then((cached) => cached || fetch(request)),
    );
    return;
  }
  if (PACK_PATH.test(url.pathname)) {
    event.respondWith(pack(request, url));
    return;
  }
  if (request.mode === 'navigate') {
    // Every page of the app is the same shell: answer from the cache, even offline.
    event.respondWith(
      caches.match(SHELL, { cacheName: CACHE }).then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((cached) => cached || fetch(request)),
  );
});

// A pack from the PACKS cache, else from the network (then kept, older versions of the same
// pack dropped). Offline and never fetched: the network error reaches the app, which says so.
async function pack(request, url) {
  const cache = await caches.open(PACKS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    for (const old of await cache.keys()) {
      if (new URL(old.url).pathname === url.pathname) await cache.delete(old);
    }
    await cache.put(request, response.clone());
  }
  return response;
}
