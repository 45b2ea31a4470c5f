// What every part of the organisers' page shares: its configuration, its words, one API client, and
// the way a failure is said (in the status line).
import { apiClient, congressApi } from '../lib/http.js'
import { pageConfig } from '../lib/dom.js'
import { sayError } from '../lib/messages.js'

export function organiserPage () {
  const config = pageConfig()
  return {
    config,
    words: config.words,
    lang: config.lang,
    call: apiClient(congressApi(config.slug)),
    fail: (error) => sayError(config.words, error)
  }
}
