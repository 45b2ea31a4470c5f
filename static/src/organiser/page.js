// What every part of the organisers' page shares: its configuration, its words, one API client, and
// the way a failure is said (in the status line, shown as a toast at the bottom of the screen).
import { apiClient, congressApi } from '../lib/http.js'
import { byId, pageConfig } from '../lib/dom.js'
import { sayError } from '../lib/messages.js'

const NOTICE_MS = 8000 // how long a notice stays; an error stays until the next message or a click

/** The toast fades what went well after a while, so it does not cover the page for good. */
function fadeNotices (words) {
  const status = byId('status')
  let timer = null
  new MutationObserver(() => {
    clearTimeout(timer)
    if (status.textContent && !status.textContent.startsWith(words.error)) {
      timer = setTimeout(() => { status.textContent = '' }, NOTICE_MS)
    }
  }).observe(status, { childList: true, characterData: true, subtree: true })
  status.addEventListener('click', () => { status.textContent = '' })
}

export function organiserPage () {
  const config = pageConfig()
  fadeNotices(config.words)
  return {
    config,
    words: config.words,
    lang: config.lang,
    call: apiClient(congressApi(config.slug)),
    fail: (error) => sayError(config.words, error)
  }
}
