// The organisers' page: lists people and their links, revokes, changes the phase, shows who is here.
// Served by server/routes/organiser_page.py, which writes the elements this script fills.
import { apiClient, congressApi } from '../lib/http.js'
import { byId, element, pageConfig } from '../lib/dom.js'
import { fill, say, sayError } from '../lib/messages.js'

const config = pageConfig()
const words = config.words
const call = apiClient(congressApi(config.slug))
const PHASES = ['contributions', 'themes', 'writing', 'published']
const fail = (error) => sayError(words, error)

async function copy (link) {
  try {
    await navigator.clipboard.writeText(link)
    say(words.copied)
  } catch {
    window.prompt(words.copy, link) // no clipboard (plain http on another host): let them copy by hand
  }
}

/** A secondary button whose failures are said in the status line. */
function action (label, run) {
  return element('button', {
    type: 'button',
    class: 'secondary',
    onclick: async () => {
      try { await run() } catch (error) { fail(error) }
    }
  }, label)
}

async function refreshCongress () {
  const congress = await call('GET', '')
  byId('congress').textContent =
    [congress.title, congress.edition, [congress.starts_on, congress.ends_on].filter(Boolean).join(' – ')]
      .filter(Boolean).join(' · ')
  byId('phase').textContent = words['phase.' + congress.phase]
  const buttons = byId('phase-buttons')
  buttons.replaceChildren()
  const index = PHASES.indexOf(congress.phase)
  for (const target of [PHASES[index - 1], PHASES[index + 1]].filter(Boolean)) {
    buttons.append(action(`${words.phase_button} « ${words['phase.' + target]} »`, async () => {
      await call('POST', '/phase', { phase: target })
      await refreshCongress()
    }))
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
        actions.append(action(words.new_link, async () => {
          const invited = await call('POST', `/participants/${person.id}/invitations`)
          await copy(invited.link)
          await refreshPeople()
        }))
      }
      if (person.id !== config.me) {
        actions.append(action(words.revoke, async () => {
          if (!window.confirm(fill(words.confirm_revoke, { name: person.name }))) return
          await call('POST', `/participants/${person.id}/revoke`)
          await refreshAll()
        }))
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
  byId('connected').replaceChildren(...(here.length
    ? here.map((p) => element('li', {}, `${p.name} — ${words['role.' + p.role]} (${p.rooms.join(', ')})`))
    : [element('li', {}, words.nobody)]))
}

async function refreshSharedLinks () {
  const invitations = await call('GET', '/invitations')
  const list = byId('shared-links')
  list.replaceChildren()
  for (const invitation of invitations.filter((i) => i.participant_id === null && !i.revoked)) {
    const names = invitation.names.map((n) => n.name + (n.claimed ? ' ✓' : '')).join(', ')
    list.append(element('li', {},
      `${words['role.' + invitation.role]} — ${words.names}${words.colon}${names} `,
      element('button', { type: 'button', onclick: () => copy(invitation.link) }, words.copy),
      action(words.revoke, async () => {
        await call('POST', `/invitations/${invitation.id}/revoke`)
        await refreshSharedLinks()
      })))
  }
}

async function refreshPublication () {
  const shown = byId('publication')
  const state = await call('GET', '/publication')
  if (!state.published) {
    shown.replaceChildren(words.not_published)
    return
  }
  shown.replaceChildren(`${fill(words.published_as, { position: state.position })} `,
    element('a', { href: state.url }, state.url))
}

async function refreshAll () {
  try {
    await Promise.all([
      refreshCongress(), refreshPeople(), refreshConnected(), refreshSharedLinks(), refreshPublication(),
      refreshVersions()
    ])
  } catch (error) { fail(error) }
}

/**
 * The versions one can publish: the text now, and the named versions of the history ("texte
 * adopté"), chosen from a list rather than typed (a typed name was read as a log position).
 * An option's value is "current" or "named:<id>"; `chosenVersion` turns it into the API's fields.
 */
async function refreshVersions () {
  const select = byId('publish').elements.version
  const chosen = select.value
  const named = await call('GET', '/history/versions')
  select.replaceChildren(element('option', { value: 'current' }, words.version_current),
    ...named.map((v) => element('option', { value: `named:${v.id}` },
      fill(words.version_named, { name: v.name, position: v.position }))))
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen
  exportVersion()
}

function chosenVersion () {
  const value = byId('publish').elements.version.value
  return value.startsWith('named:') ? { named: Number(value.slice('named:'.length)) } : { version: 'current' }
}

function exportVersion () {
  const chosen = chosenVersion()
  for (const link of document.querySelectorAll('a.export')) {
    const url = new URL(link.href)
    url.searchParams.delete('version')
    url.searchParams.delete('named')
    for (const [key, value] of Object.entries(chosen)) url.searchParams.set(key, String(value))
    link.href = url.toString()
  }
}

byId('publish').elements.version.addEventListener('change', exportVersion)
byId('publish').elements.version.addEventListener('focus', () => refreshVersions().catch(fail))

byId('publish').addEventListener('submit', async (event) => {
  event.preventDefault()
  try {
    await call('POST', '/publication', chosenVersion())
    await refreshPublication()
    say(words.published_done) // and no earlier error left beside the new state
  } catch (error) { fail(error) }
})

byId('unpublish').addEventListener('click', async () => {
  try {
    await call('DELETE', '/publication')
    await refreshPublication()
    say(words.unpublished_done)
  } catch (error) { fail(error) }
})

byId('add-person').addEventListener('submit', async (event) => {
  event.preventDefault()
  const form = event.target
  try {
    const invited = await call('POST', '/participants', Object.fromEntries(new FormData(form)))
    form.reset()
    await copy(invited.link)
    await refreshPeople()
  } catch (error) { fail(error) }
})

byId('shared-link').addEventListener('submit', async (event) => {
  event.preventDefault()
  const form = event.target
  const names = form.elements.names.value.split('\n').map((n) => n.trim()).filter(Boolean)
  try {
    const invited = await call('POST', '/invitations', { role: form.elements.role.value, names })
    form.reset()
    await copy(invited.link)
    await refreshAll()
  } catch (error) { fail(error) }
})

byId('import').addEventListener('submit', async (event) => {
  event.preventDefault()
  const errors = byId('import-errors')
  errors.replaceChildren()
  const file = event.target.elements.file.files[0]
  try {
    const result = await call('POST', '/participants/import', await file.arrayBuffer(), 'text/csv')
    say(fill(words.import_done, { count: result.imported }))
    event.target.reset()
    await refreshPeople()
  } catch (error) {
    say(`${words.import_refused} ${error.message}`)
    for (const row of error.data?.rows ?? []) {
      errors.append(element('li', {}, `${words.line} ${row.line}${words.colon}${row.reason}`))
    }
  }
})

refreshAll()
setInterval(() => { refreshConnected().catch(() => {}) }, 5000)
