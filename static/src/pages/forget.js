// Signed out (server/routes/invitations.py): forget what this browser kept of the congress for offline use.
// Laptops in the room are shared; the next person must not find the last one's documents.
// The response also carries Clear-Site-Data, which browsers may apply late or not at all
// while a tab of the congress is still open, so this page does the same work itself.
(async () => {
  const done = []
  if (window.indexedDB && indexedDB.databases) {
    for (const db of await indexedDB.databases()) {
      if (db.name) done.push(new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(db.name)
        request.onsuccess = request.onerror = request.onblocked = resolve
      }))
    }
  }
  if (window.caches) {
    for (const key of await caches.keys()) done.push(caches.delete(key))
  }
  if (navigator.serviceWorker) {
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      done.push(registration.unregister())
    }
  }
  try { localStorage.clear() } catch (error) { /* storage disabled: nothing kept */ }
  await Promise.all(done)
  document.documentElement.dataset.forgotten = 'true'
})()
