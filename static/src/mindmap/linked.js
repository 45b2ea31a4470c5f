// The ideas behind a branch: a side panel listing the contributions a selected node links to.
// The server decides what this person may read (server/routes/contributions.py, /contributions/linked).
import { t } from '../i18n.js'
import { findNode } from './tree.js'

export class LinkedPanel {
  constructor (host, view, { slug }) {
    this.view = view
    this.url = `/api/congresses/${encodeURIComponent(slug)}/contributions/linked`
    this.panel = document.createElement('section')
    this.panel.className = 'mm-linked'
    this.panel.hidden = true
    this.panel.setAttribute('aria-live', 'polite')
    this.heading = document.createElement('h3')
    this.heading.id = 'mm-linked-title'
    this.panel.setAttribute('aria-labelledby', this.heading.id)
    const close = document.createElement('button')
    close.type = 'button'
    close.className = 'mm-linked-close'
    close.textContent = '×'
    close.setAttribute('aria-label', t('closePanel'))
    close.addEventListener('click', () => { this.panel.hidden = true })
    this.list = document.createElement('ol')
    this.panel.append(close, this.heading, this.list)
    host.append(this.panel)
    this._shown = null
    view.list.addEventListener('mm-select', (event) => this.show(event.detail))
    view.list.addEventListener('mm-open-links', (event) => this.show(event.detail, true))
  }

  /** Show the selected node's contributions (fetched again on every selection: they may change). */
  async show (id, force = false) {
    const node = findNode(this.view.tree, id)
    if (!node || !node.links.length) {
      if (!force) this.panel.hidden = true
      return
    }
    this._shown = id
    this.heading.textContent = t('linkedTitle', { label: node.label, n: node.links.length })
    this.list.replaceChildren(item(t('loading')))
    this.panel.hidden = false
    let data
    try {
      const response = await fetch(`${this.url}?ids=${encodeURIComponent(node.links.join(','))}`, { credentials: 'same-origin' })
      if (!response.ok) throw new Error(String(response.status))
      data = await response.json()
    } catch {
      if (this._shown === id) this.list.replaceChildren(item(t('linkedUnavailable')))
      return
    }
    if (this._shown !== id) return
    const rows = data.contributions.map((c) => {
      const li = document.createElement('li')
      const title = document.createElement('strong')
      title.textContent = c.title || c.id
      const text = document.createElement('p')
      text.textContent = c.text
      li.append(title, text)
      if (c.axis) {
        const axis = document.createElement('p')
        axis.className = 'mm-linked-axis'
        axis.textContent = `${t('axisLabel')} : ${c.axis}`
        li.append(axis)
      }
      return li
    })
    const hidden = node.links.length - rows.length
    if (hidden > 0) rows.push(item(t('linkedHidden', { n: hidden })))
    this.list.replaceChildren(...rows)
  }
}

function item (text) {
  const li = document.createElement('li')
  li.className = 'mm-linked-note'
  li.textContent = text
  return li
}
