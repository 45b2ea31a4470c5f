// The live figures of the organisers' page: GET …/status every few seconds while the page is open
// (less often while it is hidden): connected now, on site / remote, contributions, edits a minute,
// and who is connected in which document, on every server process. Each answer also goes to
// `listeners` (the people table's "Connecté·e" column, the phase shown if another organiser moved it).
// While the answer is `partial` (the other processes could not be read), the notice under the heading
// says "vue partielle : un seul serveur".
import { byId, element } from '../lib/dom.js'
import { fill } from '../lib/messages.js'
import { number, timeOfDay } from '../lib/clock.js'

export const EVERY_MS = 3000
const HIDDEN_EVERY_MS = 15000
const DOCUMENTS = ['motion', 'mindmap'] // the kinds the page names; other rooms are not shown

export function startLive (page, listeners) {
  const { words, lang, config } = page
  let last = null
  let timer = null

  function figure (id, value) { byId(id).textContent = number(value, lang) }

  function personLine (here) {
    const documents = here.documents.filter((d) => DOCUMENTS.includes(d)).map((d) => words['doc.' + d])
    const where = documents.length ? fill(words.here_in, { documents: documents.join(', ') }) : words.here_nowhere
    return element('li', {},
      element('strong', {}, here.name),
      ` — ${words['role.' + here.role]}, ${words['site.' + here.site]}, ${where}`)
  }

  function show (status) {
    figure('live-connected', status.connected.people)
    figure('live-on-site', status.connected.on_site)
    figure('live-remote', status.connected.remote)
    figure('live-contributions', status.contributions)
    figure('live-edits', status.edits_per_minute)
    byId('live-partial').hidden = !status.partial
    byId('connected').replaceChildren(...(status.here.length
      ? status.here.map(personLine)
      : [element('li', {}, words.nobody)]))
    byId('live-updated').textContent =
      fill(words.live_updated, { time: timeOfDay(status.at, lang, config.timeZone, true) })
  }

  async function refresh () {
    try {
      const status = await page.call('GET', '/status')
      last = status
      show(status)
      for (const listener of listeners) listener(status)
    } catch (error) {
      byId('live-updated').textContent = fill(words.live_failed, { error: error.message })
    }
  }

  async function tick () {
    await refresh()
    timer = setTimeout(tick, document.hidden ? HIDDEN_EVERY_MS : EVERY_MS)
  }

  document.addEventListener('visibilitychange', () => {
    if (document.hidden || timer === null) return
    clearTimeout(timer) // back on the page: fresh figures now, not in up to 15 s
    timer = null
    tick()
  })
  tick()
  return { last: () => last }
}
