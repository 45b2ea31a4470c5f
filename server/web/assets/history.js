// The timeline page: naming the current state as a version. (The chart and the steps are plain HTML.)
'use strict'

const config = JSON.parse(document.getElementById('config').dataset.config)
const api = `/api/congresses/${encodeURIComponent(config.slug)}/history`

document.getElementById('name-version').addEventListener('submit', async (event) => {
  event.preventDefault()
  const form = event.target
  const response = await fetch(api + '/versions', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-Ubiquite-Request': '1', 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: form.elements.name.value })
  })
  const data = await response.json().catch(() => ({}))
  if (!response.ok) {
    document.getElementById('status').textContent = `${config.words.error}: ${data.error || response.statusText}`
    return
  }
  location.reload()
})
