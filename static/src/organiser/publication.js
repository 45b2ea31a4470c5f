// Publishing for the press (not the phase "motion publiée", which freezes the documents): which
// version the public page shows, chosen from a list (the text now, or a named version such as
// "texte adopté"), withdrawn at any time; and the exports of the chosen version.
import { byId, element } from '../lib/dom.js'
import { fill, say } from '../lib/messages.js'
import { moment } from '../lib/clock.js'

export function startPublication (page) {
  const { words, call, lang, config } = page
  const form = byId('publish')
  const select = form.elements.version
  let named = []

  const when = (seconds) => moment(seconds, lang, config.timeZone)

  async function refreshPublication () {
    const shown = byId('publication')
    const state = await call('GET', '/publication')
    if (!state.published) {
      shown.replaceChildren(words.not_published)
      return
    }
    const version = named.find((v) => v.position === state.position)
    shown.replaceChildren(
      fill(words.published_since, {
        when: when(state.published_at),
        version: version ? fill(words.quoted, { name: version.name }) : words.published_version_now
      }), ' ',
      element('a', { href: state.url }, words.open_public))
  }

  /**
   * The versions one can publish: the text now, and the named versions of the history, chosen from
   * a list rather than typed (a typed name was read as a log position). An option's value is
   * "current" or "named:<id>"; `chosen` turns it into the API's fields.
   */
  async function refreshVersions () {
    const kept = select.value
    named = await call('GET', '/history/versions')
    select.replaceChildren(element('option', { value: 'current' }, words.version_current),
      ...named.map((v) => element('option', { value: `named:${v.id}` },
        fill(words.version_named, { name: v.name, when: when(v.created_at) }))))
    if ([...select.options].some((o) => o.value === kept)) select.value = kept
    exportVersion()
  }

  function chosen () {
    const value = select.value
    return value.startsWith('named:') ? { named: Number(value.slice('named:'.length)) } : { version: 'current' }
  }

  function exportVersion () {
    for (const link of document.querySelectorAll('a.export')) {
      const url = new URL(link.href)
      url.searchParams.delete('version')
      url.searchParams.delete('named')
      for (const [key, value] of Object.entries(chosen())) url.searchParams.set(key, String(value))
      link.href = url.toString()
    }
  }

  select.addEventListener('change', exportVersion)
  select.addEventListener('focus', () => refreshVersions().catch(page.fail))
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    try {
      await call('POST', '/publication', chosen())
      await refreshPublication()
      say(words.published_done) // and no earlier error left beside the new state
    } catch (error) { page.fail(error) }
  })
  byId('unpublish').addEventListener('click', async () => {
    try {
      await call('DELETE', '/publication')
      await refreshPublication()
      say(words.unpublished_done)
    } catch (error) { page.fail(error) }
  })

  return {
    async refresh () {
      await refreshVersions()
      await refreshPublication()
    }
  }
}
