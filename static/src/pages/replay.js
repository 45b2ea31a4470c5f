// The replay page: a slider over the day, play/pause/speed, previous/next change, jump to a time or a
// named version; the motion and the mind map as they were, optionally coloured by author.
// The URL holds the position (?position=N, &authors=1), so any moment can be shared.
// Served by server/routes/history_pages.py (replay_page).
import { apiClient, congressApi } from '../lib/http.js'
import { byId as $, element, pageConfig } from '../lib/dom.js'
import { say, sayError } from '../lib/messages.js'

const config = pageConfig()
const words = config.words
const call = apiClient(congressApi(config.slug, '/history'))
const fail = (error) => sayError(words, error)

const state = {
  position: config.position,
  changes: [], // positions where a step of someone's edits ends, ascending
  times: [], // the time of each change (running maximum, for searching by time)
  versions: [],
  playing: null,
  wanted: null, // the position asked for while a request is in flight
  busy: false
}

function drawTree (node) {
  const fragment = document.createDocumentFragment()
  const label = element('span', { class: 'node' }, node.label || '—')
  if (/^#[0-9a-fA-F]{3,8}$/.test(node.colour)) label.style.borderColor = node.colour // CSSOM: allowed by the CSP
  fragment.append(label)
  if (node.children.length) {
    const list = element('ul')
    for (const child of node.children) {
      const item = element('li')
      item.append(drawTree(child))
      list.append(item)
    }
    fragment.append(list)
  }
  return fragment
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
  const legend = element('ul', { class: 'legend' })
  for (const passage of seen.values()) {
    const item = element('li')
    item.append(element('span', { class: `swatch ${passage.css}` }), passage.name)
    legend.append(item)
  }
  $('legend').replaceChildren(legend)
  $('motion').replaceChildren(pre)
}

function render (moment) {
  state.position = moment.position
  if (moment.authorship) {
    drawAuthorship(moment.authorship)
  } else {
    $('legend').replaceChildren()
    $('motion').innerHTML = moment.motion.html // markdown-it on the server, raw HTML disabled
  }
  $('mindmap').replaceChildren(drawTree(moment.mindmap))
  $('where').textContent = `${words.position} ${moment.position} · ${moment.when}`
  if (moment.at) $('slider').value = String(Math.round(moment.at))
  $('slider').setAttribute('aria-valuetext', `${words.position} ${moment.position} · ${moment.when}`)
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
  for (const s of line.steps) ends.set(s.last, s.end)
  state.changes = [...ends.keys()].sort((a, b) => a - b)
  let latest = 0
  state.times = state.changes.map((p) => (latest = Math.max(latest, ends.get(p))))
  state.versions = line.versions
  const slider = $('slider')
  if (line.start) {
    slider.min = String(Math.floor(line.start))
    slider.max = String(Math.ceil(line.end))
    slider.disabled = false
  }
  const select = $('versions')
  select.replaceChildren(select.options[0])
  for (const version of line.versions) {
    const option = element('option', { value: String(version.id) }, `${version.name} (${version.position})`)
    select.append(option)
  }
}

function timeOfDay (value) {
  // "HH:MM[:SS]" on the day the congress wrote (its first edit), in the browser's time zone.
  const day = new Date(Number($('slider').min) * 1000)
  const [h, m, s] = value.split(':').map(Number)
  day.setHours(h, m, s || 0, 0)
  return day.getTime() / 1000
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
    if ($('time').value) { stop(); show(`time=${timeOfDay($('time').value)}`) }
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
