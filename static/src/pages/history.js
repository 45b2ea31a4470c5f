// The timeline page: naming the current state as a version. (The chart and the steps are plain HTML.)
// Served by server/routes/history_pages.py (timeline_page).
import { apiClient, congressApi } from '../lib/http.js'
import { byId, pageConfig } from '../lib/dom.js'
import { sayError } from '../lib/messages.js'

const config = pageConfig()
const call = apiClient(congressApi(config.slug, '/history'))

byId('name-version').addEventListener('submit', async (event) => {
  event.preventDefault()
  try {
    await call('POST', '/versions', { name: event.target.elements.name.value })
  } catch (error) {
    sayError(config.words, error)
    return
  }
  location.reload()
})
