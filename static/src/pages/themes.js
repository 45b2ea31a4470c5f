// The organisers' review: every contribution (search, filter, import, export), the classification,
// the themes as a chart, corrections (rename, merge, split, move) and placing the themes in the mind map.
// Served by server/routes/contributions_page.py (review_page).
import { apiClient, congressApi } from '../lib/http.js'
import { byId, element, pageConfig } from '../lib/dom.js'
import { fill, say, sayError, when as formatWhen } from '../lib/messages.js'

const config = pageConfig()
const words = config.words
const api = congressApi(config.slug)
const call = apiClient(api)
let themes = []

const fail = (error) => sayError(words, error)
const colour = (index) => config.colours[index % config.colours.length]
const when = (timestamp) => formatWhen(timestamp, config.lang, 'medium')

// -- themes -----------------------------------------------------------------------------------

async function correct (path, body) {
  try {
    show(await call('POST', path, body))
  } catch (error) { fail(error) }
}

function themeCard (theme) {
  const i = theme.index
  const name = element('input', { name: 'name', value: theme.title, maxlength: '200', 'aria-label': `${words.theme} ${i + 1}` })
  const heading = element('div', { class: 'theme-head' },
    element('span', { class: 'swatch', style: `background:${colour(i)}` }),
    element('strong', {}, `${i + 1}.`),
    name,
    element('button', { type: 'button', class: 'secondary', onclick: () => correct('/themes/rename', { theme: i, name: name.value }) }, words.rename),
    element('span', { class: 'size' }, fill(words.count, { n: theme.size })),
    theme.reviewed ? element('span', { class: 'badge' }, words.reviewed) : '')
  const mergePick = element('label', { class: 'merge-pick' },
    element('input', { type: 'checkbox', name: 'merge', value: String(i) }), ' ' + words.merge_pick)
  const merge = element('button', {
    type: 'button',
    class: 'secondary',
    onclick: () => {
      const others = [...document.querySelectorAll('input[name=merge]:checked')].map((box) => Number(box.value)).filter((t) => t !== i)
      correct('/themes/merge', { into: i, themes: others })
    }
  }, words.merge)
  const list = element('ol', { class: 'members' })
  for (const c of theme.contributions) {
    const move = element('select', {
      'aria-label': `${words.move_to} (${c.title || c.id})`,
      onchange: () => correct('/themes/move', { contribution: c.id, theme: Number(move.value) })
    }, element('option', { value: '' }, words.move_to + '…'),
    ...themes.filter((t) => t.index !== i).map((t) => element('option', { value: String(t.index) }, `${t.index + 1}. ${t.title}`)))
    list.append(element('li', { 'data-id': c.id, class: c.withdrawn ? 'withdrawn' : '' },
      element('label', {}, element('input', { type: 'checkbox', name: `split-${i}`, value: c.id }), ' ',
        element('span', { class: 'member-title', title: c.text }, c.title || c.text.slice(0, 80) || c.id)),
      element('span', { class: 'meta' }, ` ${c.id} · ${words.centrality} ${c.centrality.toFixed(2)}` +
        (c.pinned ? ` · ${words.pinned}` : '') + (c.withdrawn ? ` · ${words.withdrawn}` : '')),
      ' ', move))
  }
  const splitName = element('input', { name: 'split-name', placeholder: words.split_name, 'aria-label': words.split_name, maxlength: '200' })
  const split = element('button', {
    type: 'button',
    class: 'secondary',
    onclick: () => {
      const chosen = [...list.querySelectorAll(`input[name="split-${i}"]:checked`)].map((box) => box.value)
      correct('/themes/split', { theme: i, contributions: chosen, name: splitName.value })
    }
  }, words.split)
  return element('article', { class: 'theme', 'data-index': String(i), style: `--theme:${colour(i)}` },
    heading,
    element('p', { class: 'words' }, `${words.words}${words.colon}${theme.words.join(', ')}`),
    element('details', { open: '' }, element('summary', {}, fill(words.count, { n: theme.size })), list,
      element('p', { class: 'actions' }, splitName, split)),
    element('p', { class: 'actions' }, mergePick, merge))
}

function show (data) {
  themes = data.themes
  const info = byId('run-info')
  const parts = []
  if (data.run) {
    parts.push(fill(words.ran, {
      when: when(data.run.ran_at), n: data.run.contributions, s: data.run.seconds, k: data.run.proposed_k ?? data.run.k ?? '—'
    }))
  } else parts.push(words.not_run)
  if (data.run && data.unclassified.length) parts.push(fill(words.unclassified, { n: data.unclassified.length }))
  info.textContent = parts.join(' ')
  const k = document.querySelector('#run input[name=k]')
  if (data.run && !k.value && data.run.proposed_k) k.placeholder = `${data.run.proposed_k} (${words.k_auto})`
  const chart = byId('chart')
  byId('chart-box').hidden = data.total === 0
  chart.src = `${api}/themes/chart.svg?at=${Date.now()}`
  byId('themes').replaceChildren(...themes.map(themeCard))
  const duplicates = byId('duplicates')
  duplicates.replaceChildren()
  if (data.near_duplicates.length) {
    duplicates.append(element('h3', {}, words.duplicates),
      element('ul', {}, ...data.near_duplicates.map((d) => element('li', {}, `${d.first} ≈ ${d.second} (${d.similarity.toFixed(2)})`))))
  }
}

async function refreshThemes () {
  show(await call('GET', '/themes'))
}

byId('run').addEventListener('submit', async (event) => {
  event.preventDefault()
  const button = event.target.querySelector('button')
  const value = event.target.elements.k.value
  button.disabled = true
  say(words.running)
  try {
    show(await call('POST', '/themes/run', { k: value ? Number(value) : null }))
    say('')
  } catch (error) { fail(error) } finally { button.disabled = false }
})

byId('place').addEventListener('submit', async (event) => {
  event.preventDefault()
  try {
    const placed = await call('POST', '/themes/mindmap', { key_contributions: Number(event.target.elements.key_contributions.value || 0) })
    say(fill(words.placed, { n: placed.themes }))
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
  byId('count').textContent = fill(words.count, { n: data.contributions.length })
  document.querySelector('#contributions tbody').replaceChildren(...data.contributions.map((c) => element('tr', { 'data-id': c.id },
    element('td', {}, element('details', {}, element('summary', {}, c.title || c.id), element('p', {}, c.text))),
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
    say(fill(words.import_done, { n: result.imported }))
    event.target.reset()
    await Promise.all([refreshList(), refreshThemes()])
  } catch (error) {
    say(`${words.import_refused} ${error.message}`)
    for (const row of error.data?.rows ?? []) {
      errors.append(element('li', {}, `${words.line} ${row.line}${words.colon}${row.reason}`))
    }
  }
})

Promise.all([refreshThemes(), refreshList()]).catch(fail)
