// Drawing the mind map: the tree as nested ARIA tree items, with selection, folding and pan & zoom.
import './map.css' // the drawing's own rules: the replay draws the map with this view too
import { t } from '../i18n.js'
import { branchColour } from './palette.js'
import { PanZoom } from './panzoom.js'
import { ROOT_ID, buildTree, findNode, walk } from './tree.js'
import { nodesMap } from './ops.js'

// A map of more nodes than this opens with its deeper levels folded (`_size`).
const OPEN_NODES = 40

/**
 * The DOM mirrors the tree (li[data-id] > .mm-node, ul.mm-group > li…), which
 * the browser tests read back to compare with crdt/mindmap.py `build_tree`.
 * Folding is a personal view setting, kept in this browser only: the branches this person
 * folded or unfolded, and otherwise only the map's first levels open, so that the map of a
 * whole day (300 nodes) opens legible with its axes in view, and unfolds where one looks.
 * Every render dispatches `mm-rendered` on the list (mindmap/presence-marks.js draws on it).
 */
export class MapView {
  constructor (host, doc, { label, room, editable, subject }) {
    this.editable = editable
    this.subject = subject
    this.doc = doc
    this.nodes = nodesMap(doc)
    this.selected = ROOT_ID
    this.tree = null
    this._foldKey = `ubiquite:folded:${room}`
    const kept = JSON.parse(localStorage.getItem(this._foldKey) || '[]')
    // A list: what this browser kept before branches could be unfolded from a folded level.
    this.folded = new Set(Array.isArray(kept) ? kept : kept.folded)
    this.unfolded = new Set(Array.isArray(kept) ? [] : kept.unfolded)
    this.openDepth = Infinity // nodes at this depth and deeper are folded unless unfolded
    this._sizedAt = 0 // the node count `openDepth` was chosen for
    this._held = false

    this.viewport = document.createElement('div')
    this.viewport.className = 'mm-viewport'
    this.canvas = document.createElement('div')
    this.canvas.className = 'mm-canvas'
    this.list = document.createElement('ul')
    this.list.className = 'mm-tree'
    this.list.setAttribute('role', 'tree')
    this.list.setAttribute('aria-label', label)
    this.canvas.append(this.list)
    this.viewport.append(this.canvas)
    host.append(this.viewport)
    this.panzoom = new PanZoom(this.viewport, this.canvas, { isHandle: (target) => target.closest('.mm-node, input, button') })

    this.list.addEventListener('click', (event) => {
      const fold = event.target.closest('.mm-fold')
      const item = event.target.closest('[role=treeitem]')
      if (!item) return
      if (fold) this.toggleFold(item.dataset.id)
      this.select(item.dataset.id)
      if (event.target.closest('.mm-links')) {
        this.list.dispatchEvent(new CustomEvent('mm-open-links', { detail: item.dataset.id }))
      }
    })
    this.list.addEventListener('keydown', (event) => this._navigate(event))
    // This page's own edits are drawn at once (the editor selects what it just made); what
    // arrives from others at most once a frame: redrawing 300 nodes costs tens of ms, and
    // a room of people editing the map would otherwise redraw it for every update.
    this._frame = null
    this.nodes.observeDeep((_events, transaction) => (transaction.local ? this.render() : this._later()))
  }

  _later () {
    if (this._frame === null) this._frame = requestAnimationFrame(() => this.render())
  }

  /** The ARIA tree keys (arrows, Home, End), Space to fold, and + − 0 for the zoom. */
  _navigate (event) {
    if (event.target.tagName === 'INPUT' || event.altKey || event.ctrlKey || event.metaKey) return
    const ids = this.visibleIds()
    const id = this.selected
    const node = this.selectedNode()
    const folded = this.isFolded(node, this.depthOf(id))
    const go = {
      ArrowDown: () => this.select(ids[Math.min(ids.indexOf(id) + 1, ids.length - 1)]),
      ArrowUp: () => this.select(ids[Math.max(ids.indexOf(id) - 1, 0)]),
      ArrowRight: () => (node.children.length && folded ? this.toggleFold(id, false) : node.children[0] && this.select(node.children[0].id)),
      ArrowLeft: () => (node.children.length && !folded && id !== ROOT_ID ? this.toggleFold(id, true) : this.select(node.parent || ROOT_ID)),
      Home: () => this.select(ids[0]),
      End: () => this.select(ids[ids.length - 1]),
      ' ': () => node.children.length && this.toggleFold(id),
      '+': () => this.panzoom.zoom(1.2),
      '=': () => this.panzoom.zoom(1.2),
      '-': () => this.panzoom.zoom(1 / 1.2),
      0: () => this.recentre()
    }[event.key]
    if (!go) return
    event.preventDefault()
    go()
  }

  /** Hold re-rendering (while a name is being typed in place), then catch up. */
  hold (held) {
    this._held = held
    if (!held) this.render()
  }

  render () {
    if (this._frame !== null) cancelAnimationFrame(this._frame)
    this._frame = null
    if (this._held) return
    const hadFocus = this.list.contains(document.activeElement)
    this.tree = buildTree(this.nodes)
    if (!findNode(this.tree, this.selected)) this.selected = ROOT_ID
    this._size()
    this.list.replaceChildren(this._item(this.tree, 0, 0, '', 1, 1))
    if (hadFocus) this.focusSelected()
    if (!this.panzoom.steered && this.viewport.clientWidth) this.recentre()
    this.list.dispatchEvent(new Event('mm-rendered'))
  }

  /** The central subject and the first levels in view, never smaller than people can read. */
  recentre () {
    this.panzoom.recentre(this.list.querySelector('.mm-root'))
  }

  /**
   * How deep the map opens: as many levels as hold at most OPEN_NODES nodes, at least the
   * axes. Chosen when the map first shows, and again once it has doubled (themes placed).
   */
  _size () {
    const depths = []
    for (const [depth] of walk(this.tree)) depths[depth] = (depths[depth] || 0) + 1
    const total = depths.reduce((sum, n) => sum + n, 0)
    if (total <= 1 || (this._sizedAt && total < 2 * this._sizedAt)) return
    this._sizedAt = total
    this.openDepth = Infinity
    let shown = 0
    for (let depth = 0; depth < depths.length; depth++) {
      shown += depths[depth]
      if (shown > OPEN_NODES) {
        this.openDepth = Math.max(1, depth - 1)
        return
      }
    }
  }

  /** Whether `node` (at `depth`) shows its children: this person's choice, else the opening depth. */
  isFolded (node, depth) {
    if (!node || !node.children.length) return false
    return this.folded.has(node.id) || (depth >= this.openDepth && !this.unfolded.has(node.id))
  }

  _item (node, depth, index, inherited, position, setSize) {
    const colour = branchColour(node, depth, index, inherited)
    const item = document.createElement('li')
    item.className = 'mm-item'
    item.setAttribute('role', 'treeitem')
    item.dataset.id = node.id
    item.setAttribute('aria-level', String(depth + 1))
    item.setAttribute('aria-posinset', String(position))
    item.setAttribute('aria-setsize', String(setSize))
    item.setAttribute('aria-selected', String(node.id === this.selected))
    item.tabIndex = node.id === this.selected ? 0 : -1
    item.style.setProperty('--branch', colour)

    const box = document.createElement('div')
    box.className = depth === 0 ? 'mm-node mm-root' : 'mm-node'
    box.draggable = this.editable && depth > 0
    const text = document.createElement('span')
    text.className = 'mm-label'
    // Until someone writes the central subject, the congress's title stands in for it.
    text.textContent = node.label || (depth === 0 ? this.subject : '')
    // The item is named by its visible label: Chromium leaves the nested group and the aria-hidden
    // buttons out of a tree item's name. An aria-label would not match the text on screen, the
    // children's included (axe: label-content-name-mismatch); only a blank node needs one.
    if (!text.textContent) item.setAttribute('aria-label', t('centralSubject'))
    box.append(text)
    if (node.links.length) {
      // The ideas behind the branch: a click opens them in the side panel (mindmap/linked.js).
      const links = document.createElement('button')
      links.type = 'button'
      links.className = 'mm-links'
      links.tabIndex = -1
      links.textContent = String(node.links.length)
      links.title = t('linkedCount', { n: node.links.length })
      links.setAttribute('aria-hidden', 'true') // selecting the node with the keyboard opens the panel too
      box.append(links)
    }
    item.append(box)

    if (node.children.length) {
      const folded = this.isFolded(node, depth)
      item.setAttribute('aria-expanded', String(!folded))
      const fold = document.createElement('button')
      fold.type = 'button'
      fold.className = 'mm-fold'
      fold.tabIndex = -1
      fold.setAttribute('aria-hidden', 'true') // the tree item's aria-expanded says it; arrows and Space act
      fold.textContent = folded ? t('hiddenChildren', { n: node.children.length }) : '−'
      fold.title = folded ? t('expand') : t('collapse')
      box.append(fold)
      if (!folded) {
        const group = document.createElement('ul')
        group.className = 'mm-group'
        group.setAttribute('role', 'group')
        node.children.forEach((child, i) => group.append(this._item(child, depth + 1, i, colour, i + 1, node.children.length)))
        item.append(group)
      }
    }
    return item
  }

  element (id) {
    return this.list.querySelector(`[role=treeitem][data-id="${CSS.escape(id)}"]`)
  }

  select (id, { focus = true } = {}) {
    if (!findNode(this.tree, id)) return
    const previous = this.element(this.selected)
    if (previous) {
      previous.tabIndex = -1
      previous.setAttribute('aria-selected', 'false')
    }
    this.selected = id
    const item = this.element(id)
    item.tabIndex = 0
    item.setAttribute('aria-selected', 'true')
    this.list.dispatchEvent(new CustomEvent('mm-select', { detail: id }))
    if (focus) this.focusSelected()
  }

  focusSelected () {
    const item = this.element(this.selected)
    if (!item) return
    item.focus({ preventScroll: true })
    this.panzoom.reveal(item.querySelector('.mm-node'))
  }

  selectedNode () {
    return findNode(this.tree, this.selected)
  }

  /** The node's depth in the tree as shown (null: not in it). */
  depthOf (id) {
    for (const [depth, node] of walk(this.tree)) if (node.id === id) return depth
    return null
  }

  toggleFold (id, fold = !this.isFolded(findNode(this.tree, id), this.depthOf(id))) {
    this._setFolded(id, fold)
    this.render()
  }

  _setFolded (id, fold) {
    if (fold) {
      this.folded.add(id)
      this.unfolded.delete(id)
    } else {
      this.folded.delete(id)
      this.unfolded.add(id)
    }
    localStorage.setItem(this._foldKey, JSON.stringify({ folded: [...this.folded], unfolded: [...this.unfolded] }))
  }

  /** Unfold the branches above node `id`, select and focus it, and bring it to the middle of the view. */
  reveal (id) {
    const above = []
    const find = (node, depth) => {
      if (node.id === id) return true
      const found = node.children.some((child) => find(child, depth + 1))
      if (found && this.isFolded(node, depth)) above.push(node.id)
      return found
    }
    if (!find(this.tree, 0)) return false
    for (const folded of above) this._setFolded(folded, false)
    if (above.length) this.render()
    this.select(id, { focus: false })
    this.panzoom.centreOn(this.element(id).querySelector('.mm-node'))
    this.element(id).focus({ preventScroll: true })
    return true
  }

  /** The tree items as shown, top to bottom (folded branches skipped). */
  visibleIds () {
    return [...this.list.querySelectorAll('[role=treeitem]')].map((item) => item.dataset.id)
  }
}
