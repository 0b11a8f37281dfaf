// The field app's service worker: keeps the app's shell on the phone so that it opens with no
// network. Records are not kept here: the page queues them itself (localStorage) and syncs them.
// Only its own older caches are dropped: the inspectors' worker keeps its pages in another.
const CACHE = 'liaison-field-v3';
const SHELL = ['/field', '/css/site.css', '/css/field.css', '/js/site.js', '/js/field.js', '/field.webmanifest', '/favicon.svg'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('liaison-field-') && k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !SHELL.includes(url.pathname)) {
    return; // the API and everything else go to the network as usual
  }
  // Network first, so that a new version arrives when online; the cached copy when not.
  event.respondWith(fetch(event.request)
    .then(response => {
      if (response.ok && !response.redirected) {
        const copy = response.clone();
        caches.open(CACHE).then(cache => cache.put(url.pathname, copy));
      }
      return response.redirected ? caches.match(url.pathname).then(c => c || response) : response;
    })
    .catch(() => caches.match(url.pathname)));
});
