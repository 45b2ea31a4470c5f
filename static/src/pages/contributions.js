// A participant's contributions: write one, see, edit and withdraw one's own until the phase closes.
// Served by server/routes/contributions_page.py (contributions_page).
import { apiClient, congressApi } from '../lib/http.js'
import { byId, element, pageConfig } from '../lib/dom.js'
import { say, sayError, when as formatWhen } from '../lib/messages.js'

const config = pageConfig()
const words = config.words
const call = apiClient(congressApi(config.slug, '/contributions'))
const form = byId('contribution')
let editing = null

const when = (timestamp) => formatWhen(timestamp, config.lang, 'long', config.timeZone)
const fail = (error) => sayError(words, error)

function startEditing (contribution) {
  editing = contribution.id
  form.elements.title.value = contribution.title
  form.elements.text.value = contribution.text
  form.elements.axis.value = contribution.axis
  byId('form-title').textContent = words.edit + ' — ' + contribution.title
  byId('send').textContent = words.save
  byId('cancel').hidden = false
  form.elements.title.focus()
}

function stopEditing () {
  editing = null
  form.reset()
  byId('form-title').textContent = words.new
  byId('send').textContent = words.send
  byId('cancel').hidden = true
}

async function refresh () {
  const data = await call('GET', '')
  const closed = byId('closed')
  closed.hidden = data.writable
  closed.textContent = config.role === 'observer' ? words.observer : words.closed
  byId('write').hidden = !data.writable
  const axes = [...new Set([...(data.congress_axes || []), ...data.contributions.map((c) => c.axis).filter(Boolean)])]
  byId('axes').replaceChildren(...axes.map((axis) => element('option', { value: axis })))
  const list = byId('mine')
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
            } catch (error) { fail(error) }
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
    fail(error)
    await refresh().catch(() => {})
  }
})
byId('cancel').addEventListener('click', stopEditing)

refresh().catch(fail)
