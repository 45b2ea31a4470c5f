// The replay page: a slider over the day, play/pause/speed, previous/next change, jump to a time or a
// named version; the motion and the mind map as they were, optionally coloured by author, each
// person in the colour of the presence list; the map drawn by the live map's own view, read only.
// The URL holds the position (?position=N, &authors=1), so any moment can be shared.
// Served by server/routes/history_pages.py (replay_page).
import { apiClient, congressApi } from '../lib/http.js'
import { byId as $, element, pageConfig } from '../lib/dom.js'
import { say, sayError, fill } from '../lib/messages.js'
import { setLanguage } from '../i18n.js'
import { ReplayedMap } from '../mindmap/replayed.js'

const config = pageConfig()
const words = config.words
setLanguage(config.lang)
const call = apiClient(congressApi(config.slug, '/history'))
const fail = (error) => sayError(words, error)
const locale = config.lang === 'en' ? 'en-GB' : 'fr-FR'
const figure = (n) => Number(n).toLocaleString(locale)

const state = {
  position: config.position,
  changes: [], // positions where a step of someone's edits ends, ascending
  times: [], // the time of each change (running maximum, for searching by time)
  steps: new Map(), // position where a step ends → that step (who, which document)
  versions: [],
  playing: null,
  wanted: null, // the position asked for while a request is in flight
  busy: false
}

// The server-drawn tree (for a page without script) gives way to the live map's drawing.
$('mindmap').replaceChildren()
const map = new ReplayedMap($('mindmap'), {
  label: words.map_label,
  subject: config.title,
  room: `replay:${config.slug}`,
  byLabel: (name) => fill(words.map_by, { name })
})

function legend (people) {
  const list = element('ul', { class: 'legend' })
  for (const person of people) {
    list.append(element('li', {}, element('span', { class: `swatch ${person.css}` }), person.name))
  }
  return list
}

function drawAuthorship (passages) {
  const pre = element('pre', { class: 'authorship' })
  const seen = new Map()
  for (const passage of passages) {
    const span = element('span', { class: `by ${passage.css}` }, passage.text)
    span.title = passage.name
    pre.append(span)
    if (passage.text.trim()) seen.set(passage.author, passage)
  }
  $('legend').replaceChildren(legend(seen.values()))
  $('motion').replaceChildren(pre)
}

/** Where the moment is in the day: its time, and whose change ends there, in words. */
function where (moment) {
  const index = state.changes.findLastIndex((p) => p <= moment.position)
  const parts = [moment.when || words.at_start]
  if (index >= 0) {
    const step = state.steps.get(state.changes[index])
    parts.push(fill(words.step_of, { n: figure(index + 1), total: figure(state.changes.length) }))
    if (step) parts.push(`${fill(words.by, { name: step.name })} (${words[step.kind].toLowerCase()})`)
  }
  return parts.join(' · ')
}

function render (moment) {
  state.position = moment.position
  const authors = Boolean(moment.authorship)
  if (authors) {
    drawAuthorship(moment.authorship)
  } else {
    $('legend').replaceChildren()
    $('motion').innerHTML = moment.motion.html // markdown-it on the server, raw HTML disabled
  }
  map.show(moment.mindmap, authors)
  $('map-legend').replaceChildren(authors ? legend(map.namers()) : '')
  const said = where(moment)
  $('where').textContent = said
  if (moment.at) $('slider').value = String(moment.at)
  $('slider').setAttribute('aria-valuetext', said)
  $('compare').href = `/c/${encodeURIComponent(config.slug)}/comparer?from=${moment.position}&to=now`
  const url = new URL(location.href)
  url.searchParams.set('position', moment.position)
  for (const key of ['version', 'time']) url.searchParams.delete(key)
  if ($('authors').checked) url.searchParams.set('authors', '1')
  else url.searchParams.delete('authors')
  history.replaceState(null, '', url.pathname + url.search)
  document.body.dataset.position = String(moment.position)
}

// Only the newest request matters: while one is in flight, later ones replace each other.
async function show (query) {
  state.wanted = query
  if (state.busy) return
  state.busy = true
  document.body.dataset.loading = '1'
  try {
    while (state.wanted !== null) {
      const asked = state.wanted
      state.wanted = null
      const authors = $('authors').checked ? '&authors=1' : ''
      render(await call('GET', `/at?${asked}${authors}`))
    }
  } catch (error) {
    fail(error)
    stop()
  } finally {
    state.busy = false
    delete document.body.dataset.loading
  }
}

const showPosition = (position) => show(`position=${position}`)

function neighbour (direction) {
  const { changes, position } = state
  if (direction > 0) return changes.find((p) => p > position)
  for (let i = changes.length - 1; i >= 0; i--) if (changes[i] < position) return changes[i]
  return undefined
}

function step (direction) {
  const target = neighbour(direction)
  if (target !== undefined) showPosition(target)
  return target
}

function positionAtTime (at) {
  const { times, changes } = state
  let low = 0
  let high = times.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (times[middle] <= at) low = middle + 1
    else high = middle
  }
  return low ? changes[low - 1] : 0
}

function stop () {
  if (state.playing) clearInterval(state.playing)
  state.playing = null
  $('play').textContent = `▶ ${words.play}`
}

function play () {
  if (state.playing) return stop()
  if (neighbour(1) === undefined && state.changes.length) showPosition(state.changes[0])
  $('play').textContent = `⏸ ${words.pause}`
  const tick = () => {
    if (state.busy) return // never queue faster than the server answers
    if (step(1) === undefined) stop()
  }
  state.playing = setInterval(tick, 800 / Number($('speed').value))
}

async function loadTimeline () {
  const line = await call('GET', '')
  const ends = new Map()
  state.steps = new Map()
  for (const s of line.steps) {
    ends.set(s.last, s.end)
    state.steps.set(s.last, s)
  }
  state.changes = [...ends.keys()].sort((a, b) => a - b)
  let latest = 0
  state.times = state.changes.map((p) => (latest = Math.max(latest, ends.get(p))))
  state.versions = line.versions
  const slider = $('slider')
  if (line.start) {
    slider.min = String(line.start)
    slider.max = String(line.end)
    slider.disabled = false
  }
  const select = $('versions')
  select.replaceChildren(select.options[0])
  for (const version of line.versions) {
    const label = version.when ? fill(words.version_option, { name: version.name, when: version.when }) : version.name
    select.append(element('option', { value: String(version.id) }, label))
  }
}

async function start () {
  const params = new URLSearchParams(location.search)
  $('authors').checked = params.get('authors') === '1'
  document.body.dataset.position = String(state.position)
  $('slider').addEventListener('input', (event) => { stop(); showPosition(positionAtTime(Number(event.target.value))) })
  // The slider's values are seconds, so its own arrow steps mostly land on no change at all: the
  // keys go from change to change instead (Home and End: the first and the last).
  $('slider').addEventListener('keydown', (event) => {
    const moves = { ArrowRight: 1, ArrowUp: 1, PageUp: 1, ArrowLeft: -1, ArrowDown: -1, PageDown: -1 }
    if (event.key in moves) {
      event.preventDefault()
      stop()
      step(moves[event.key])
    } else if ((event.key === 'Home' || event.key === 'End') && state.changes.length) {
      event.preventDefault()
      stop()
      showPosition(event.key === 'Home' ? state.changes[0] : state.changes[state.changes.length - 1])
    }
  })
  $('previous').addEventListener('click', () => { stop(); step(-1) })
  $('next').addEventListener('click', () => { stop(); step(1) })
  $('play').addEventListener('click', play)
  $('speed').addEventListener('change', () => { if (state.playing) { stop(); play() } })
  $('go-time').addEventListener('click', () => {
    // The time of day in the congress's time zone, on its day of writing (the server reads it so).
    if ($('time').value) { stop(); show(`clock=${encodeURIComponent($('time').value)}`) }
  })
  $('versions').addEventListener('change', (event) => {
    if (event.target.value) { stop(); show(`version=${event.target.value}`) }
  })
  $('authors').addEventListener('change', () => showPosition(state.position))
  $('name-version').addEventListener('submit', async (event) => {
    event.preventDefault()
    try {
      await call('POST', '/versions', { name: event.target.elements.name.value, position: state.position })
      event.target.reset()
      await loadTimeline()
      say(words.named)
    } catch (error) { fail(error) }
  })
  $('restore').addEventListener('click', async () => {
    if (!window.confirm(words.confirm_restore)) return
    try {
      const result = await call('POST', '/restore', { position: state.position })
      const changed = Object.values(result.edits).some((edit) => edit !== null)
      await loadTimeline()
      say(changed ? words.restored : words.unchanged)
    } catch (error) { fail(error) }
  })
  try {
    await loadTimeline()
  } catch (error) { fail(error) }
  await showPosition(state.position) // draws authorship if the URL asks for it, sets the slider
  document.body.dataset.ready = '1'
}

start()
