// The inspectors' service worker: the villages' inspection pages of a round, opened once while
// online, open again in a village with no network. The record made there is kept on the phone by
// offline-forms.js and sent when the network is back; this worker only keeps pages and their assets.
const CACHE = 'liaison-supervision-v1';
// The pages kept, and the scripts, styles and icon they use (fingerprinted: kept with their ?v=).
const PAGE = /^\/supervision\/(rounds|inspections)\/\d+$/;
const ASSET = /^\/(css|js|lib)\/|^\/favicon\.svg$/;
const USES = /(?:src|href)="(\/(?:css|js|lib)\/[^"]+|\/favicon\.svg)"/g;
const kept = url => url.origin === self.location.origin && (PAGE.test(url.pathname) || ASSET.test(url.pathname));

self.addEventListener('install', event => event.waitUntil(self.skipWaiting()));

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('liaison-supervision-') && k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// Network first, so that a page recorded meanwhile shows as recorded; the kept copy without a network.
self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || !kept(url)) return;
  event.respondWith(fetch(event.request)
    .then(response => {
      if (response.ok && !response.redirected) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(cache => cache.put(url.href, copy)));
      }
      return response;
    })
    .catch(() => caches.match(url.href, { ignoreVary: true }).then(hit => hit || Response.error())));
});

// A page asks for its round's villages to be kept ({ keep: [paths] }) and is told on its port how
// many were: it says "ready to work offline" only once they are in the cache, never before.
self.addEventListener('message', event => {
  const paths = event.data && event.data.keep;
  const port = event.ports && event.ports[0];
  if (!Array.isArray(paths) || !port) return;
  event.waitUntil(keep(paths).then(n => port.postMessage({ kept: n })));
});

async function keep(paths) {
  const cache = await caches.open(CACHE);
  const assets = new Set();
  let n = 0;
  for (const path of paths) {
    const url = new URL(path, self.location.origin);
    if (!PAGE.test(url.pathname) || url.origin !== self.location.origin) continue;
    try {
      const response = await fetch(url.href, { credentials: 'same-origin' });
      if (!response.ok || response.redirected) continue; // signed out: the sign-in page is not the village's
      for (const m of (await response.clone().text()).matchAll(USES)) assets.add(m[1].replace(/&amp;/g, '&'));
      await cache.put(url.href, response);
      n++;
    } catch { /* the network went: what is kept so far stays */ }
  }
  for (const asset of assets) {
    const url = new URL(asset, self.location.origin).href;
    if (await cache.match(url)) continue;
    try {
      const response = await fetch(url);
      if (response.ok) await cache.put(url, response);
    } catch { /* as above */ }
  }
  return n;
}
