// Reloading while offline: the page and its bundle are kept in the Cache API and served by sw.js.
//
// The documents themselves live in IndexedDB (y-indexeddb); this only makes
// sure the page can open again without the network to show them.
const CACHE = 'ubiquite-pages'

/** Keep this page and its `assets` (script and style URLs); resolves once the service worker is active. */
export async function keepForOffline (assets) {
  if (!('serviceWorker' in navigator) || !window.caches) return false
  try {
    await navigator.serviceWorker.register('/sw.js')
    // Offline (a reload without network), the copies kept last time are the ones being used.
    if (navigator.onLine) await (await caches.open(CACHE)).addAll([location.href, ...assets])
    await navigator.serviceWorker.ready
    return true
  } catch (error) {
    console.warn('offline copy of the page not kept:', error)
    return false
  }
}
