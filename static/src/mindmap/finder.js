// The map's search box: find a node by its words, unfold the way to it, bring it into view and focus it.
import { plural, t } from '../i18n.js'
import { searchNodes } from './search.js'

function element (tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

/**
 * Typing lists the matching nodes (folded ones too) under the box; Enter or a click on one goes
 * there. ↓ moves into the list, ↑ ↓ through it, Escape back to the box (and, from the box,
 * clears it). In the map, / or Ctrl+F comes back to the box.
 */
export class MapFinder {
  constructor (host, view) {
    this.view = view
    this.box = element('div', 'mm-search')
    this.box.setAttribute('role', 'search')
    const label = element('label', 'visually-hidden', t('searchLabel'))
    label.htmlFor = 'mm-search-input'
    this.input = element('input', 'mm-search-input')
    Object.assign(this.input, { id: 'mm-search-input', type: 'search', placeholder: t('searchPlaceholder'), autocomplete: 'off' })
    this.input.setAttribute('aria-describedby', 'mm-search-count')
    this.input.setAttribute('aria-controls', 'mm-results')
    this.count = element('p', 'mm-search-count')
    this.count.id = 'mm-search-count'
    this.count.setAttribute('aria-live', 'polite')
    this.list = element('ul', 'mm-results')
    this.list.id = 'mm-results'
    this.list.setAttribute('aria-label', t('searchResults'))
    this.list.hidden = true
    this.box.append(label, this.input, this.count, this.list)
    host.prepend(this.box) // before the map: Tab reaches the search, then the tree

    this.input.addEventListener('input', () => this.search())
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault()
        const first = this.list.querySelector('button')
        if (first) this.go(first.dataset.id)
      } else if (event.key === 'ArrowDown') {
        event.preventDefault()
        this.list.querySelector('button')?.focus()
      } else if (event.key === 'Escape' && this.input.value) {
        event.preventDefault()
        this.input.value = ''
        this.search()
      }
    })
    this.list.addEventListener('keydown', (event) => {
      const buttons = [...this.list.querySelectorAll('button')]
      const index = buttons.indexOf(document.activeElement)
      const next = { ArrowDown: index + 1, ArrowUp: index - 1 }[event.key]
      if (next !== undefined) {
        event.preventDefault()
        ;(next < 0 ? this.input : buttons[Math.min(next, buttons.length - 1)]).focus()
      } else if (event.key === 'Escape') {
        event.preventDefault()
        this.input.focus()
      }
    })
    this.list.addEventListener('click', (event) => {
      const button = event.target.closest('button')
      if (button) this.go(button.dataset.id)
    })
    // Closing the list when the focus leaves the search (not when it moves into the list).
    this.box.addEventListener('focusout', (event) => {
      if (!this.box.contains(event.relatedTarget)) this.list.hidden = true
    })
    this.input.addEventListener('focus', () => { if (this.input.value.trim()) this.search() })
    view.list.addEventListener('keydown', (event) => {
      if (event.target.tagName === 'INPUT') return
      if (event.key === '/' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f')) {
        event.preventDefault()
        this.input.focus()
        this.input.select()
      }
    })
  }

  search () {
    const query = this.input.value
    const { total, results } = searchNodes(this.view.tree, query)
    this.list.replaceChildren(...results.map((result) => {
      const button = element('button', 'mm-result')
      button.type = 'button'
      button.dataset.id = result.id
      button.append(element('span', 'mm-result-label', result.label))
      if (result.path.length) button.append(element('span', 'mm-result-path', result.path.join(' › ')))
      const item = element('li')
      item.append(button)
      return item
    }))
    this.list.hidden = !results.length
    if (!query.trim()) this.count.textContent = ''
    else if (!total) this.count.textContent = t('searchNone', { query: query.trim() })
    else this.count.textContent = plural('searchOne', 'searchMany', total)
  }

  /** Go to node `id`: unfolded, in the middle of the view, selected and focused. */
  go (id) {
    this.list.hidden = true
    if (!this.view.reveal(id)) this.count.textContent = t('importGone')
  }
}
