// Keeps the page itself available offline: network first, the last copy when there is none.
// API answers are not cached here (the page keeps its own copies of those).
const CACHE = 'liaison-m-v2';
const SHELL = ['./', 'index.html', 'style.css', 'app.js', 'api.js', 'live.js', 'ui.js', 'inbox.js', 'detail.js', 'login.js',
  'plans.js', 'plan.js', 'proactive.js'];

self.addEventListener('install', e => e.waitUntil(caches.open(CACHE).then(c => c.addAll(SHELL)).then(() => self.skipWaiting())));
self.addEventListener('activate', e => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', e => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith('/m/')) return;
  e.respondWith(fetch(e.request)
    .then(response => {
      const copy = response.clone();
      caches.open(CACHE).then(c => c.put(e.request, copy));
      return response;
    })
    .catch(() => caches.match(e.request).then(hit => hit || caches.match('index.html'))));
});
