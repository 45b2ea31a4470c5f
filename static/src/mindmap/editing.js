// Editing the mind map in place: keyboard shortcuts, renaming, drag and drop, and the edits they make.
import { t } from '../i18n.js'
import { MoveRefused, addNode, orderBetween, place, recolour, remove, rename } from './ops.js'
import { ROOT_ID, findNode } from './tree.js'

/**
 * Keys follow the common mind-map tools: Tab adds a sub-branch, Enter a
 * sibling, F2 (or a double click) renames, Delete deletes, Alt+arrows move,
 * Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo this person's edits.
 * Shift+Tab is left alone, so keyboard users can always leave the map.
 * Every edit goes through `history` (mindmap/history.js): one action, one step.
 */
export class MapEditor {
  constructor (view, doc, { announce, onEdit, history }) {
    this.view = view
    this.doc = doc
    this.announce = announce
    this.onEdit = onEdit
    this.history = history
    history.selection = () => this.view.selected
    history.addEventListener('restored', ({ detail }) => {
      this.view.render()
      const keep = detail.selected && findNode(this.view.tree, detail.selected)
      this.view.select(keep ? detail.selected : this.view.selected, { focus: this.view.list.contains(document.activeElement) })
      this.announce(t(detail.type === 'undo' ? 'undone' : 'redone'))
    })
    const list = view.list
    list.addEventListener('keydown', (event) => this._key(event))
    list.addEventListener('dblclick', (event) => {
      const item = event.target.closest('[role=treeitem]')
      if (item && event.target.closest('.mm-node')) this.startRename(item.dataset.id)
    })
    this._dragAndDrop(list)
  }

  parentOf (id) {
    return findNode(this.view.tree, id)?.parent || ROOT_ID
  }

  siblings (id) {
    return findNode(this.view.tree, this.parentOf(id)).children
  }

  addChild (parent = this.view.selected) {
    this.view.toggleFold(parent, false)
    this._created(this.history.edit(() => addNode(this.doc, parent, t('newIdea'))))
  }

  addSibling (id = this.view.selected) {
    if (id === ROOT_ID) return this.addChild(id)
    const siblings = this.siblings(id)
    const index = siblings.findIndex((node) => node.id === id)
    const order = orderBetween(siblings[index], siblings[index + 1])
    this._created(this.history.edit(() => addNode(this.doc, this.parentOf(id), t('newIdea'), order)))
  }

  _created (id) {
    this._freshStep = this.history.last
    this.onEdit(t('newIdea'))
    this.view.render()
    this.view.select(id)
    this.startRename(id, { fresh: true })
  }

  /** A node created a moment ago and given no words (Escape, or left empty): gone for everyone, its step too. */
  _dropFresh (id) {
    const visible = this.view.visibleIds()
    const parent = this.parentOf(id)
    // Its creation is taken back whole; should another step have come since, it is removed as an edit.
    if (!this.history.drop(this._freshStep)) this.history.edit(() => remove(this.doc, id))
    this.announce(t('newIdeaDropped'))
    const previous = visible[visible.indexOf(id) - 1]
    this.view.render()
    this.view.select(previous && findNode(this.view.tree, previous) ? previous : parent)
  }

  delete (id = this.view.selected) {
    if (id === ROOT_ID) return
    const visible = this.view.visibleIds()
    const node = findNode(this.view.tree, id)
    this.history.edit(() => remove(this.doc, id))
    this.onEdit(node.label)
    this.announce(t('nodeDeleted', { label: node.label }))
    const next = visible[visible.indexOf(id) - 1] || ROOT_ID
    this.view.select(findNode(this.view.tree, next) ? next : ROOT_ID)
  }

  /** Move up or down among its siblings. */
  shift (delta, id = this.view.selected) {
    if (id === ROOT_ID) return
    const siblings = this.siblings(id)
    const index = siblings.findIndex((node) => node.id === id)
    if (index + delta < 0 || index + delta >= siblings.length) return
    this._place(id, this.parentOf(id), index + delta)
  }

  /** Out of its parent (just after it), or into its previous sibling (last). */
  nest (inwards, id = this.view.selected) {
    if (id === ROOT_ID) return
    const parent = this.parentOf(id)
    if (inwards) {
      const siblings = this.siblings(id)
      const previous = siblings[siblings.findIndex((node) => node.id === id) - 1]
      if (previous) this._place(id, previous.id, previous.children.length)
    } else if (parent !== ROOT_ID) {
      const grand = this.parentOf(parent)
      const index = findNode(this.view.tree, grand).children.findIndex((node) => node.id === parent)
      this._place(id, grand, index + 1)
    }
  }

  _place (id, parent, index) {
    try {
      this.history.edit(() => place(this.doc, id, parent, index))
      this.onEdit(findNode(this.view.tree, id).label)
    } catch (error) {
      if (!(error instanceof MoveRefused)) throw error
      this.announce(t('cannotMove'))
    }
    this.view.render()
    this.view.select(id)
  }

  /** Rename in place. `fresh`: the node was just created, so leaving it unnamed removes it. */
  startRename (id = this.view.selected, { fresh = false } = {}) {
    const item = this.view.element(id)
    if (!item) return
    const label = item.querySelector(':scope > .mm-node > .mm-label')
    const input = document.createElement('input')
    input.className = 'mm-rename'
    input.value = label.textContent
    input.setAttribute('aria-label', t('renameLabel'))
    input.size = Math.max(8, input.value.length + 2)
    this.view.hold(true)
    label.replaceWith(input)
    input.focus()
    input.select()
    let done = false
    const finish = (keep) => {
      if (done) return
      done = true
      const value = input.value.trim()
      this.view.hold(false)
      if (fresh && (!keep || !value)) return this._dropFresh(id)
      if (keep && value && value !== label.textContent) {
        // A fresh node's first name belongs to the step that created it: one undo removes both.
        this.history.edit(() => rename(this.doc, id, value), { step: !fresh })
        this.onEdit(value)
        this.announce(t('nodeRenamed', { label: value }))
      }
      this.view.select(id)
    }
    input.addEventListener('keydown', (event) => {
      event.stopPropagation()
      if (event.key === 'Enter') finish(true)
      else if (event.key === 'Escape') finish(false)
    })
    input.addEventListener('input', () => { input.size = Math.max(8, input.value.length + 2) })
    input.addEventListener('blur', () => finish(true))
  }

  recolour (colour, id = this.view.selected) {
    this.history.edit(() => recolour(this.doc, id, colour))
  }

  undo () {
    if (!this.history.undo()) this.announce(t('nothingToUndo'))
  }

  redo () {
    if (!this.history.redo()) this.announce(t('nothingToRedo'))
  }

  _key (event) {
    if (event.target.tagName === 'INPUT') return
    if ((event.ctrlKey || event.metaKey) && !event.altKey) {
      const key = event.key.toLowerCase()
      const command = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' && !event.shiftKey ? 'redo' : null
      if (command) {
        event.preventDefault()
        event.stopPropagation()
        this[command]()
      }
      return
    }
    const combo = (event.altKey ? 'Alt+' : '') + (event.shiftKey ? 'Shift+' : '') + event.key
    const action = {
      Tab: () => this.addChild(),
      Enter: () => this.addSibling(),
      F2: () => this.startRename(),
      Delete: () => this.delete(),
      Backspace: () => this.delete(),
      'Alt+ArrowUp': () => this.shift(-1),
      'Alt+ArrowDown': () => this.shift(1),
      'Alt+ArrowLeft': () => this.nest(false),
      'Alt+ArrowRight': () => this.nest(true)
    }[combo]
    if (!action) return
    event.preventDefault()
    event.stopPropagation()
    action()
  }

  /** Drop on the top quarter of a node: before it; bottom quarter: after it; middle: inside it. */
  _dragAndDrop (list) {
    let dragged = null
    const zone = (event, node) => {
      const box = node.getBoundingClientRect()
      const y = (event.clientY - box.top) / box.height
      const id = node.closest('[role=treeitem]').dataset.id
      if (id === ROOT_ID) return 'inside'
      return y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'inside'
    }
    const clear = () => list.querySelectorAll('[data-drop]').forEach((el) => delete el.dataset.drop)
    list.addEventListener('dragstart', (event) => {
      const item = event.target.closest('[role=treeitem]')
      if (!item || item.dataset.id === ROOT_ID) return event.preventDefault()
      dragged = item.dataset.id
      event.dataTransfer.effectAllowed = 'move'
      event.dataTransfer.setData('text/plain', dragged)
    })
    list.addEventListener('dragover', (event) => {
      const node = event.target.closest('.mm-node')
      if (!dragged || !node) return
      event.preventDefault()
      clear()
      node.dataset.drop = zone(event, node)
    })
    list.addEventListener('dragleave', clear)
    list.addEventListener('dragend', () => { dragged = null; clear() })
    list.addEventListener('drop', (event) => {
      const node = event.target.closest('.mm-node')
      if (!dragged || !node) return
      event.preventDefault()
      clear()
      const target = node.closest('[role=treeitem]').dataset.id
      const where = zone(event, node)
      const id = dragged
      dragged = null
      if (target === id) return
      if (where === 'inside') {
        this.view.toggleFold(target, false)
        return this._place(id, target, findNode(this.view.tree, target).children.length)
      }
      const parent = this.parentOf(target)
      const siblings = this.siblings(target).filter((n) => n.id !== id)
      const index = siblings.findIndex((n) => n.id === target) + (where === 'after' ? 1 : 0)
      this._place(id, parent, index)
    })
  }
}
