// Reloading while offline: the page and its bundle are kept in the Cache API and served by sw.js.
//
// The documents themselves live in IndexedDB (y-indexeddb); this only makes
// sure the page can open again without the network to show them.
const CACHE = 'ubiquite-pages'

/** Keep this page and its `assets` (script and style URLs); resolves once the service worker is active. */
export async function keepForOffline (assets) {
  if (!('serviceWorker' in navigator) || !window.caches) return false
  await navigator.serviceWorker.register('/sw.js')
  const cache = await caches.open(CACHE)
  await cache.addAll([location.href, ...assets])
  await navigator.serviceWorker.ready
  return true
}
