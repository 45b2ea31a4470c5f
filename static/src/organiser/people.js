// The people of the congress in one table: find them (name or commune, role, site, connected now),
// copy a link, make a new one, print an invitation, revoke. The "Connecté·e" column follows the live
// status (live.js), not only the load of the page.
import { byId, element } from '../lib/dom.js'
import { fill, say } from '../lib/messages.js'
import { number } from '../lib/clock.js'

/** Copies a link; without a clipboard (plain http on another host) shows it to copy by hand. */
export async function copy (words, link, done = words.copied) {
  try {
    await navigator.clipboard.writeText(link)
    say(done)
  } catch {
    window.prompt(words.copy, link)
  }
}

const fold = (text) => (text || '').normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()

export function startPeople (page) {
  const { words, call, config, lang } = page
  const body = document.querySelector('#people tbody')
  const filter = byId('people-filter')
  const headings = [...document.querySelectorAll('#people thead th')].map((th) => th.textContent)
  let people = []
  let connected = new Set()

  function button (label, name, run, secondary = true) {
    return element('button', {
      type: 'button',
      class: secondary ? 'secondary' : '',
      'aria-label': fill(words[label + '_label'], { name }),
      onclick: async () => {
        try { await run() } catch (error) { page.fail(error) }
      }
    }, words[label])
  }

  function actions (person) {
    const cell = element('td', { 'data-label': headings[5], class: 'actions-cell' })
    if (person.revoked) return cell
    if (person.link) cell.append(button('copy', person.name, () => copy(words, person.link), false))
    if (!person.shared_link) {
      cell.append(button('new_link', person.name, async () => {
        const invited = await call('POST', `/participants/${person.id}/invitations`)
        await copy(words, invited.link, words.new_link_done)
        await refresh()
      }))
    }
    cell.append(element('a', {
      class: 'button secondary',
      href: `/c/${encodeURIComponent(config.slug)}/organisation/invitations?person=${person.id}`,
      'aria-label': fill(words.print_one_label, { name: person.name })
    }, words.print_one))
    if (person.id !== config.me) {
      cell.append(button('revoke', person.name, async () => {
        if (!window.confirm(fill(words.confirm_revoke, { name: person.name }))) return
        await call('POST', `/participants/${person.id}/revoke`)
        await refresh()
      }))
    }
    return cell
  }

  function connectedCell (row, on) {
    const cell = row.querySelector('.connected-cell')
    row.dataset.connected = on ? '1' : ''
    cell.replaceChildren(element('span', { class: on ? 'dot on' : 'dot', 'aria-hidden': 'true' }),
      on ? words.yes : words.no)
  }

  function row (person) {
    const cells = [
      element('td', { 'data-label': headings[0] }, element('strong', {}, person.name),
        person.revoked ? ` (${words.revoked})` : ''),
      element('td', { 'data-label': headings[1] }, words['role.' + person.role] || person.role),
      element('td', { 'data-label': headings[2] },
        [person.commune, person.department && `(${person.department})`].filter(Boolean).join(' ')),
      element('td', { 'data-label': headings[3] }, words['site.' + person.site] || person.site),
      element('td', { 'data-label': headings[4], class: 'connected-cell' }),
      actions(person)
    ]
    const tr = element('tr', { class: person.revoked ? 'revoked' : '', 'data-id': String(person.id) }, ...cells)
    tr.dataset.search = fold(`${person.name} ${person.commune} ${person.department}`)
    tr.dataset.role = person.role
    tr.dataset.site = person.site
    connectedCell(tr, connected.has(person.id))
    return tr
  }

  function applyFilter () {
    const form = filter.elements
    const terms = fold(form.q.value).split(/\s+/).filter(Boolean)
    let shown = 0
    for (const tr of body.rows) {
      const visible = terms.every((w) => tr.dataset.search.includes(w)) &&
        (!form.role.value || tr.dataset.role === form.role.value) &&
        (!form.site.value || tr.dataset.site === form.site.value) &&
        (!form.connected.checked || tr.dataset.connected === '1')
      tr.hidden = !visible
      if (visible) shown += 1
    }
    byId('people-count').textContent = shown || !people.length
      ? fill(words.people_count, { shown: number(shown, lang), total: number(people.length, lang) })
      : words.people_none
  }

  async function refresh () {
    people = await call('GET', '/participants')
    body.replaceChildren(...people.map(row))
    applyFilter()
  }

  /** The live status's connected people: the column and the "connected now" filter follow it. */
  function markConnected (ids) {
    connected = new Set(ids)
    for (const tr of body.rows) connectedCell(tr, connected.has(Number(tr.dataset.id)))
    applyFilter()
  }

  function counts () {
    const active = people.filter((p) => !p.revoked)
    return {
      participants: number(active.filter((p) => p.role === 'participant').length, lang),
      organisers: number(active.filter((p) => p.role === 'organiser').length, lang),
      people: number(active.length, lang),
      connected: number(connected.size, lang)
    }
  }

  filter.addEventListener('input', applyFilter)
  filter.addEventListener('submit', (event) => event.preventDefault())
  return { refresh, markConnected, counts }
}
