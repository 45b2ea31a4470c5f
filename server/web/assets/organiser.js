// The organisers' page: lists people and their links, revokes, changes the phase, shows who is here.
// Every request carries the X-Ubiquite-Request header that cookie-authenticated changes require.
'use strict'

const config = JSON.parse(document.getElementById('config').dataset.config)
const words = config.words
const api = `/api/congresses/${encodeURIComponent(config.slug)}`
const PHASES = ['contributions', 'themes', 'writing', 'published']

function say (text) {
  document.getElementById('status').textContent = text
}

async function call (method, path, body, contentType = 'application/json') {
  const response = await fetch(api + path, {
    method,
    credentials: 'same-origin',
    headers: { 'X-Ubiquite-Request': '1', ...(body !== undefined ? { 'Content-Type': contentType } : {}) },
    body: body === undefined ? undefined : (contentType === 'application/json' ? JSON.stringify(body) : body)
  })
  const data = await response.json().catch(() => ({}))
  if (!response.ok) {
    const error = new Error(data.error || response.statusText)
    error.data = data
    throw error
  }
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

async function copy (link) {
  try {
    await navigator.clipboard.writeText(link)
    say(words.copied)
  } catch {
    window.prompt(words.copy, link) // no clipboard (plain http on another host): let them copy by hand
  }
}

async function refreshCongress () {
  const congress = await call('GET', '')
  document.getElementById('congress').textContent =
    [congress.title, congress.edition, [congress.starts_on, congress.ends_on].filter(Boolean).join(' – ')]
      .filter(Boolean).join(' · ')
  document.getElementById('phase').textContent = words['phase.' + congress.phase]
  const buttons = document.getElementById('phase-buttons')
  buttons.replaceChildren()
  const index = PHASES.indexOf(congress.phase)
  for (const target of [PHASES[index - 1], PHASES[index + 1]].filter(Boolean)) {
    buttons.append(element('button', {
      type: 'button',
      class: 'secondary',
      onclick: async () => {
        try {
          await call('POST', '/phase', { phase: target })
          await refreshCongress()
        } catch (error) { say(`${words.error}${words.colon}${error.message}`) }
      }
    }, `${words.phase_button} « ${words['phase.' + target]} »`))
  }
}

async function refreshPeople () {
  const people = await call('GET', '/participants')
  const body = document.querySelector('#people tbody')
  body.replaceChildren()
  for (const person of people) {
    const actions = element('td')
    if (!person.revoked) {
      if (person.link) {
        actions.append(element('button', { type: 'button', onclick: () => copy(person.link) }, words.copy))
      } else if (!person.shared_link) {
        actions.append(element('button', {
          type: 'button',
          class: 'secondary',
          onclick: async () => {
            try {
              const invited = await call('POST', `/participants/${person.id}/invitations`)
              await copy(invited.link)
              await refreshPeople()
            } catch (error) { say(`${words.error}${words.colon}${error.message}`) }
          }
        }, words.new_link))
      }
      if (person.id !== config.me) {
        actions.append(element('button', {
          type: 'button',
          class: 'secondary',
          onclick: async () => {
            if (!window.confirm(words.confirm_revoke.replace('{name}', person.name))) return
            try {
              await call('POST', `/participants/${person.id}/revoke`)
              await refreshAll()
            } catch (error) { say(`${words.error}${words.colon}${error.message}`) }
          }
        }, words.revoke))
      }
    }
    body.append(element('tr', person.revoked ? { class: 'revoked' } : {},
      element('td', {}, person.name + (person.revoked ? ` (${words.revoked})` : '')),
      element('td', {}, words['role.' + person.role] || person.role),
      element('td', {}, person.commune),
      element('td', {}, person.department),
      element('td', {}, words['site.' + person.site] || person.site),
      element('td', {}, person.connected ? words.yes : words.no),
      actions))
  }
}

async function refreshConnected () {
  const here = await call('GET', '/connected')
  const list = document.getElementById('connected')
  list.replaceChildren(...(here.length
    ? here.map((p) => element('li', {}, `${p.name} — ${words['role.' + p.role]} (${p.rooms.join(', ')})`))
    : [element('li', {}, words.nobody)]))
}

async function refreshSharedLinks () {
  const invitations = await call('GET', '/invitations')
  const list = document.getElementById('shared-links')
  list.replaceChildren()
  for (const invitation of invitations.filter((i) => i.participant_id === null && !i.revoked)) {
    const names = invitation.names.map((n) => n.name + (n.claimed ? ' ✓' : '')).join(', ')
    list.append(element('li', {},
      `${words['role.' + invitation.role]} — ${words.names}${words.colon}${names} `,
      element('button', { type: 'button', onclick: () => copy(invitation.link) }, words.copy),
      element('button', {
        type: 'button',
        class: 'secondary',
        onclick: async () => {
          try {
            await call('POST', `/invitations/${invitation.id}/revoke`)
            await refreshSharedLinks()
          } catch (error) { say(`${words.error}${words.colon}${error.message}`) }
        }
      }, words.revoke)))
  }
}

async function refreshPublication () {
  const shown = document.getElementById('publication')
  const state = await call('GET', '/publication')
  if (!state.published) {
    shown.replaceChildren(words.not_published)
    return
  }
  shown.replaceChildren(`${words.published_as.replace('{position}', state.position)} `,
    element('a', { href: state.url }, state.url))
}

function exportVersion () {
  const version = document.getElementById('publish').elements.version.value.trim() || 'current'
  for (const link of document.querySelectorAll('a.export')) {
    const url = new URL(link.href)
    url.searchParams.set('version', version)
    link.href = url.toString()
  }
}

document.getElementById('publish').elements.version.addEventListener('input', exportVersion)

document.getElementById('publish').addEventListener('submit', async (event) => {
  event.preventDefault()
  const raw = event.target.elements.version.value.trim() || 'current'
  try {
    await call('POST', '/publication', { version: /^\d+$/.test(raw) ? Number(raw) : raw })
    await refreshPublication()
  } catch (error) { say(`${words.error}${words.colon}${error.message}`) }
})

document.getElementById('unpublish').addEventListener('click', async () => {
  try {
    await call('DELETE', '/publication')
    await refreshPublication()
  } catch (error) { say(`${words.error}${words.colon}${error.message}`) }
})

async function refreshAll () {
  try {
    await Promise.all([
      refreshCongress(), refreshPeople(), refreshConnected(), refreshSharedLinks(), refreshPublication()
    ])
  } catch (error) {
    say(`${words.error}${words.colon}${error.message}`)
  }
}

document.getElementById('add-person').addEventListener('submit', async (event) => {
  event.preventDefault()
  const form = event.target
  try {
    const invited = await call('POST', '/participants', Object.fromEntries(new FormData(form)))
    form.reset()
    await copy(invited.link)
    await refreshPeople()
  } catch (error) { say(`${words.error}${words.colon}${error.message}`) }
})

document.getElementById('shared-link').addEventListener('submit', async (event) => {
  event.preventDefault()
  const form = event.target
  const names = form.elements.names.value.split('\n').map((n) => n.trim()).filter(Boolean)
  try {
    const invited = await call('POST', '/invitations', { role: form.elements.role.value, names })
    form.reset()
    await copy(invited.link)
    await refreshAll()
  } catch (error) { say(`${words.error}${words.colon}${error.message}`) }
})

document.getElementById('import').addEventListener('submit', async (event) => {
  event.preventDefault()
  const errors = document.getElementById('import-errors')
  errors.replaceChildren()
  const file = event.target.elements.file.files[0]
  try {
    const result = await call('POST', '/participants/import', await file.arrayBuffer(), 'text/csv')
    say(words.import_done.replace('{count}', result.imported))
    event.target.reset()
    await refreshPeople()
  } catch (error) {
    say(`${words.import_refused} ${error.message}`)
    for (const row of (error.data && error.data.rows) || []) {
      errors.append(element('li', {}, `${words.line} ${row.line}${words.colon}${row.reason}`))
    }
  }
})

refreshAll()
setInterval(() => { refreshConnected().catch(() => {}) }, 5000)
