// The organisers' review: every contribution (search, filter, import, export), the congress's axes,
// the classification and its progress, the themes as a chart, corrections (rename, merge, split, move),
// near-duplicate pairs side by side (merge into one idea) and placing the themes in the mind map.
// Served by server/routes/contributions_page.py (review_page).
import { apiClient, congressApi } from '../lib/http.js'
import { byId, element, pageConfig } from '../lib/dom.js'
import { fill, say, sayError, when as formatWhen } from '../lib/messages.js'

const config = pageConfig()
const words = config.words
const api = congressApi(config.slug)
const call = apiClient(api)
let themes = []

const colour = (index) => config.colours[index % config.colours.length]
const when = (timestamp) => formatWhen(timestamp, config.lang, 'medium', config.timeZone)
const locale = config.lang === 'en' ? 'en-GB' : 'fr-FR'
// Numbers as the reader writes them: "12,5" and "1 204" in French.
const number = (value, digits = 0) => Number(value).toLocaleString(locale, { maximumFractionDigits: digits })
const count = (n) => fill(n === 1 ? words.count_one : words.count_many, { n: number(n) })

// -- what the page says: a toast where the eye is (role=status), errors until the next message ----

let fading = null

function tell (text, kind = 'done') {
  const status = byId('status')
  clearTimeout(fading)
  status.dataset.kind = kind
  say(text)
  if (text && kind === 'done') fading = setTimeout(() => say(''), 8000)
}

const fail = (error) => { tell('', 'error'); sayError(words, error) }

// -- themes -----------------------------------------------------------------------------------

/** Send a correction; on success redraw and say what was done (`done(themes)` gives the words). */
async function correct (path, body, done) {
  const focus = whereFocus()
  try {
    show(await call('POST', path, body))
    tell(done(themes))
    restoreFocus(focus)
  } catch (error) { fail(error) }
}

const titleAt = (list, index) => (list.find((t) => t.index === index) || {}).title || ''

/** The card and the control that have the focus, so that a redraw does not lose the keyboard's place. */
function whereFocus () {
  const active = document.activeElement
  const card = active && active.closest('article.theme')
  return card ? { index: card.dataset.index, name: active.getAttribute('name'), text: active.textContent } : null
}

function restoreFocus (focus, index = focus && focus.index) {
  if (!focus) return
  const card = document.querySelector(`article.theme[data-index="${CSS.escape(String(index))}"]`)
  if (!card) return
  const same = [...card.querySelectorAll('button, input, select')].find((control) =>
    (focus.name && control.getAttribute('name') === focus.name) || (!focus.name && control.textContent === focus.text))
  ;(same || card.querySelector('input[name=name]')).focus()
}

function themeCard (theme) {
  const i = theme.index
  const name = element('input', { name: 'name', value: theme.title, maxlength: '200', 'aria-label': `${words.theme} ${i + 1}` })
  const heading = element('div', { class: 'theme-head' },
    element('span', { class: 'swatch', style: { background: colour(i) } }),
    element('strong', {}, `${i + 1}.`),
    name,
    element('button', {
      type: 'button',
      class: 'secondary',
      onclick: () => correct('/themes/rename', { theme: i, name: name.value }, (now) => fill(words.renamed, { name: titleAt(now, i) }))
    }, words.rename),
    element('span', { class: 'size' }, count(theme.size)),
    theme.axis ? element('span', { class: 'badge' }, words.axis_badge) : '',
    theme.other ? element('span', { class: 'badge' }, words.other_badge) : '',
    theme.reviewed ? element('span', { class: 'badge' }, words.reviewed) : '')
  const mergePick = element('label', { class: 'merge-pick' },
    element('input', { type: 'checkbox', name: 'merge', value: String(i) }), ' ' + words.merge_pick)
  const merge = element('button', {
    type: 'button',
    class: 'secondary',
    onclick: () => {
      const others = [...document.querySelectorAll('input[name=merge]:checked')].map((box) => Number(box.value)).filter((t) => t !== i)
      const into = i - others.filter((t) => t < i).length // where the kept theme is once the others are gone
      correct('/themes/merge', { into: i, themes: others }, (now) => fill(words.merged_themes, { n: number(others.length), name: titleAt(now, into) }))
    }
  }, words.merge)
  const list = element('ol', { class: 'members' })
  theme.contributions.forEach((c, rank) => {
    const title = c.title || c.text.slice(0, 80) || '—'
    const move = element('select', {
      'aria-label': `${words.move_to} (${title})`,
      onchange: () => {
        const to = Number(move.value)
        correct('/themes/move', { contribution: c.id, theme: to }, (now) => fill(words.moved, { title, theme: titleAt(now, to) }))
      }
    }, element('option', { value: '' }, words.move_to + '…'),
    ...themes.filter((t) => t.index !== i).map((t) => element('option', { value: String(t.index) }, `${t.index + 1}. ${t.title}`)))
    // Most representative first (the server orders them so): the first says it, in words, not a score.
    // A corrected theme pins all its contributions (its badge says so): "pinned" is told only otherwise.
    const meta = [byline(c), c.pinned && !theme.reviewed && words.pinned, c.withdrawn && words.withdrawn].filter(Boolean).join(' · ')
    list.append(element('li', { 'data-id': c.id, class: c.withdrawn ? 'withdrawn' : '' },
      element('label', {}, element('input', { type: 'checkbox', name: `split-${i}`, value: c.id }), ' ',
        element('span', { class: 'member-title', title: c.text }, title)),
      rank === 0 && theme.contributions.length > 1 ? element('span', { class: 'badge central' }, words.most_central) : '',
      meta ? element('span', { class: 'meta' }, ` ${meta}`) : '',
      ' ', move))
  })
  const splitName = element('input', { name: 'split-name', placeholder: words.split_name, 'aria-label': words.split_name, maxlength: '200' })
  const split = element('button', {
    type: 'button',
    class: 'secondary',
    onclick: () => {
      const chosen = [...list.querySelectorAll(`input[name="split-${i}"]:checked`)].map((box) => box.value)
      correct('/themes/split', { theme: i, contributions: chosen, name: splitName.value },
        (now) => fill(words.split_done, { name: titleAt(now, i + 1), count: count(chosen.length) }))
    }
  }, words.split)
  return element('article', { class: 'theme', 'data-index': String(i), style: { '--theme': colour(i) } },
    heading,
    element('p', { class: 'words' }, `${words.words}${words.colon}${theme.words.join(', ')}`),
    subthemeList(theme),
    element('details', { open: '' }, element('summary', {}, count(theme.size)), list,
      element('p', { class: 'actions' }, splitName, split)),
    element('p', { class: 'actions' }, mergePick, merge))
}

function byline (c) {
  const names = (c.authors && c.authors.length ? c.authors : [c.author]).filter(Boolean)
  return names.length ? fill(words.authors, { names: names.join(', ') }) : ''
}

// The sub-themes proposed inside an axis: their label and size, and one click to make one a theme.
function subthemeList (theme) {
  if (!theme.subthemes || !theme.subthemes.length) return ''
  return element('div', { class: 'subthemes' }, element('span', {}, words.subthemes + words.colon),
    element('ul', {}, ...theme.subthemes.map((sub) => {
      const here = new Set(theme.contributions.map((c) => c.id))
      const keys = sub.contributions.filter((key) => here.has(key))
      return element('li', {}, `${sub.label} (${number(keys.length)}) `,
        element('button', {
          type: 'button',
          class: 'link',
          title: words.split_subtheme,
          onclick: () => correct('/themes/split', { theme: theme.index, contributions: keys, name: sub.label },
            (now) => fill(words.split_done, { name: titleAt(now, theme.index + 1), count: count(keys.length) }))
        }, words.split_subtheme))
    })))
}

// A near-duplicate pair: both texts side by side, and one click to make them one idea.
function duplicatePair (d) {
  const side = (c) => element('div', { class: 'duplicate-side' },
    element('strong', {}, c.title || c.text.slice(0, 80)), element('p', {}, c.text),
    element('p', { class: 'meta' }, byline(c)))
  const [first, second] = d.pair
  return element('li', { class: 'duplicate', 'data-pair': `${d.first} ${d.second}` },
    element('div', { class: 'duplicate-sides' }, side(first), side(second)),
    element('button', {
      type: 'button',
      onclick: async () => {
        try {
          show(await call('POST', '/themes/duplicates/merge', { keep: d.first, other: d.second }))
          tell(words.merged)
        } catch (error) { fail(error) }
      }
    }, words.merge_pair))
}

function show (data) {
  themes = data.themes
  const info = byId('run-info')
  const parts = []
  if (data.run) {
    const guided = data.themes.some((t) => t.axis)
    parts.push(fill(guided ? words.ran_axes : words.ran, {
      when: when(data.run.ran_at),
      n: number(data.run.contributions),
      s: number(data.run.seconds, 1),
      k: data.run.proposed_k ?? data.run.k ?? '—',
      a: number(data.axes.length)
    }))
  } else parts.push(words.not_run)
  if (data.run && data.unclassified.length) parts.push(fill(words.unclassified, { n: number(data.unclassified.length) }))
  info.textContent = parts.join(' ')
  const k = document.querySelector('#run input[name=k]')
  if (data.run && !k.value && data.run.proposed_k) k.placeholder = number(data.run.proposed_k) // its title says: proposed by the method
  const chart = byId('chart')
  byId('chart-box').hidden = data.total === 0
  chart.src = `${api}/themes/chart.svg?at=${Date.now()}`
  byId('themes').replaceChildren(...themes.map(themeCard))
  const duplicates = byId('duplicates')
  duplicates.replaceChildren()
  if (data.near_duplicates.length) {
    duplicates.append(element('h3', {}, `${words.duplicates} (${number(data.near_duplicates.length)})`),
      element('p', {}, words.duplicates_help),
      element('ul', { class: 'duplicates' }, ...data.near_duplicates.map(duplicatePair)))
  }
}

async function refreshThemes () {
  show(await call('GET', '/themes'))
}

// -- progress: the worker's steps, polled while a classification or an encoding lasts ---------

let watching = null

function showProgress (status) {
  const box = byId('progress-box')
  box.hidden = !status.kind
  if (!status.kind) return
  const bar = byId('progress')
  bar.max = Math.max(status.total, 1)
  bar.value = status.done
  const values = { step: words['step.' + status.step] || status.step, done: number(status.done), total: number(status.total) }
  byId('progress-text').textContent = status.kind === 'encode'
    ? fill(words.encoding, values)
    : (status.step ? fill(words.progress, values) : words.running)
}

// `grace`: keep asking that long even while the worker is idle (an import is encoded 2 s after it).
function watchProgress (grace = 0) {
  const until = Date.now() + grace
  if (watching) return
  const poll = async () => {
    let status = { kind: '' }
    try { status = await call('GET', '/themes/status') } catch (error) { /* the next poll tells */ }
    showProgress(status)
    watching = status.kind || status.busy || Date.now() < until ? setTimeout(poll, 800) : null
  }
  watching = setTimeout(poll, 300)
}

byId('run').addEventListener('submit', async (event) => {
  event.preventDefault()
  const button = event.target.querySelector('button')
  const value = event.target.elements.k.value
  button.disabled = true
  tell(words.running, 'busy')
  watchProgress()
  try {
    show(await call('POST', '/themes/run', { k: value ? Number(value) : null }))
    tell('')
  } catch (error) { fail(error) } finally {
    button.disabled = false
    showProgress({ kind: '' })
  }
})

// -- the congress's axes: a name and one sentence each ------------------------------------------

function axisRow (axis = { name: '', description: '' }) {
  const row = element('li', { class: 'axis' },
    element('input', { name: 'axis-name', value: axis.name, maxlength: '200', placeholder: words.axis_name, 'aria-label': words.axis_name }),
    element('input', { name: 'axis-description', value: axis.description, maxlength: '1000', placeholder: words.axis_description, 'aria-label': words.axis_description }))
  row.append(element('button', { type: 'button', class: 'secondary', onclick: () => row.remove() }, words.remove_axis))
  return row
}

function showAxes (axes) {
  byId('axes-list').replaceChildren(...axes.map(axisRow))
}

byId('add-axis').addEventListener('click', () => {
  const row = axisRow()
  byId('axes-list').append(row)
  row.querySelector('input').focus()
})

byId('axes-form').addEventListener('submit', async (event) => {
  event.preventDefault()
  const axes = [...document.querySelectorAll('#axes-list .axis')].map((row) => ({
    name: row.querySelector('[name=axis-name]').value,
    description: row.querySelector('[name=axis-description]').value
  })).filter((axis) => axis.name.trim() || axis.description.trim())
  try {
    const saved = await call('PUT', '/axes', { axes })
    showAxes(saved.axes)
    tell(fill(words.axes_saved, { n: number(saved.axes.length) }))
  } catch (error) { fail(error) }
})

byId('place').addEventListener('submit', async (event) => {
  event.preventDefault()
  try {
    const placed = await call('POST', '/themes/mindmap', { key_contributions: Number(event.target.elements.key_contributions.value || 0) })
    tell(fill(words.placed, { n: number(placed.themes) }))
  } catch (error) { fail(error) }
})

// -- every contribution -----------------------------------------------------------------------

let filterTimer = null

async function refreshList () {
  const form = byId('filter')
  const params = new URLSearchParams()
  for (const name of ['q', 'axis', 'source']) if (form.elements[name].value) params.set(name, form.elements[name].value)
  const data = await call('GET', '/contributions?' + params)
  const axis = form.elements.axis
  const chosen = axis.value
  axis.replaceChildren(element('option', { value: '' }, words.any_axis), ...data.axes.map((a) => element('option', { value: a }, a)))
  axis.value = chosen
  byId('count').textContent = count(data.contributions.length)
  document.querySelector('#contributions tbody').replaceChildren(...data.contributions.map((c) => element('tr', { 'data-id': c.id },
    element('td', {}, element('details', {}, element('summary', {}, c.title || c.text.slice(0, 80) || '—'), element('p', {}, c.text))),
    element('td', {}, c.axis),
    element('td', {}, c.author || (c.source === 'import' ? words['source.import'] : '')),
    element('td', {}, when(c.created_at)))))
}

byId('filter').addEventListener('input', () => {
  clearTimeout(filterTimer)
  filterTimer = setTimeout(() => refreshList().catch(fail), 200)
})
byId('filter').addEventListener('submit', (event) => event.preventDefault())

byId('import').addEventListener('submit', async (event) => {
  event.preventDefault()
  const errors = byId('import-errors')
  errors.replaceChildren()
  const file = event.target.elements.file.files[0]
  const type = /\.json$/i.test(file.name) ? 'application/json' : 'text/csv'
  try {
    const result = await call('POST', '/contributions/import', await file.arrayBuffer(), type)
    tell(fill(words.import_done, { n: number(result.imported) }))
    event.target.reset()
    await Promise.all([refreshList(), refreshThemes()])
    watchProgress(8000) // the new contributions are encoded in a moment
  } catch (error) {
    tell(`${words.import_refused} ${error.message}`, 'error')
    for (const row of error.data?.rows ?? []) {
      errors.append(element('li', {}, `${words.line} ${row.line}${words.colon}${row.reason}`))
    }
  }
})

Promise.all([refreshThemes(), refreshList(), call('GET', '/axes').then((data) => showAxes(data.axes))]).catch(fail)
watchProgress()
