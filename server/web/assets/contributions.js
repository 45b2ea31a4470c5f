// A participant's contributions: write one, see, edit and withdraw one's own until the phase closes.
// Every request carries the X-Ubiquite-Request header that cookie-authenticated changes require.
'use strict'

const config = JSON.parse(document.getElementById('config').dataset.config)
const words = config.words
const api = `/api/congresses/${encodeURIComponent(config.slug)}/contributions`
const form = document.getElementById('contribution')
let editing = null

function say (text) {
  document.getElementById('status').textContent = text
}

async function call (method, path, body) {
  const response = await fetch(api + path, {
    method,
    credentials: 'same-origin',
    headers: { 'X-Ubiquite-Request': '1', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const data = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(data.error || response.statusText)
  return data
}

function element (tag, attributes = {}, ...children) {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'onclick') node.addEventListener('click', value)
    else node.setAttribute(key, value)
  }
  for (const child of children) node.append(child)
  return node
}

function when (timestamp) {
  return new Date(timestamp * 1000).toLocaleString(config.lang === 'en' ? 'en-GB' : 'fr-FR',
    { dateStyle: 'long', timeStyle: 'short' })
}

function startEditing (contribution) {
  editing = contribution.id
  form.elements.title.value = contribution.title
  form.elements.text.value = contribution.text
  form.elements.axis.value = contribution.axis
  document.getElementById('form-title').textContent = words.edit + ' — ' + contribution.title
  document.getElementById('send').textContent = words.save
  document.getElementById('cancel').hidden = false
  form.elements.title.focus()
}

function stopEditing () {
  editing = null
  form.reset()
  document.getElementById('form-title').textContent = words.new
  document.getElementById('send').textContent = words.send
  document.getElementById('cancel').hidden = true
}

async function refresh () {
  const data = await call('GET', '')
  const closed = document.getElementById('closed')
  closed.hidden = data.writable
  closed.textContent = config.role === 'observer' ? words.observer : words.closed
  document.getElementById('write').hidden = !data.writable
  const axes = [...new Set([...(data.congress_axes || []), ...data.contributions.map((c) => c.axis).filter(Boolean)])]
  document.getElementById('axes').replaceChildren(...axes.map((axis) => element('option', { value: axis })))
  const list = document.getElementById('mine')
  if (!data.contributions.length) {
    list.replaceChildren(element('li', { class: 'empty' }, words.none_yet))
    return
  }
  list.replaceChildren(...data.contributions.slice().reverse().map((c) => {
    const changed = c.updated_at - c.created_at > 1 ? ` · ${words.updated} ${when(c.updated_at)}` : ''
    const card = element('li', { class: 'card', 'data-id': c.id },
      element('h3', {}, c.title || '—'),
      element('p', { class: 'meta' }, (c.axis ? `${words.axis_short}${words.colon}${c.axis} · ` : '') +
        `${words.sent_on} ${when(c.created_at)}${changed}`),
      element('p', { class: 'text' }, c.text))
    if (data.writable) {
      card.append(element('p', {},
        element('button', { type: 'button', class: 'secondary', onclick: () => startEditing(c) }, words.edit),
        element('button', {
          type: 'button',
          class: 'secondary',
          onclick: async () => {
            if (!window.confirm(words.confirm_withdraw)) return
            try {
              await call('DELETE', '/' + encodeURIComponent(c.id))
              if (editing === c.id) stopEditing()
              await refresh()
            } catch (error) { say(`${words.error}${words.colon}${error.message}`) }
          }
        }, words.withdraw)))
    }
    return card
  }))
}

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  const body = Object.fromEntries(new FormData(form))
  try {
    if (editing) await call('PATCH', '/' + encodeURIComponent(editing), body)
    else await call('POST', '', body)
    say(editing ? words.saved : words.sent)
    stopEditing()
    await refresh()
  } catch (error) {
    say(`${words.error}${words.colon}${error.message}`)
    await refresh().catch(() => {})
  }
})
document.getElementById('cancel').addEventListener('click', stopEditing)

refresh().catch((error) => say(`${words.error}${words.colon}${error.message}`))
