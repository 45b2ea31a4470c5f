// The mind map as it was at a moment of the history, drawn by the live map's own view (MapView), read
// only: the replay page (pages/replay.js) hands it the tree the server rebuilt at that position
// (server/history/present.py tree_json), which becomes a document of its own in this page; colouring
// by author, each node takes the colour of the person who last wrote its name.
import * as Y from 'yjs'
import { MapView } from './view.js'
import { NODES, ROOT_ID } from './tree.js'

const HEX = /^#[0-9a-fA-F]{6}$/
// The smallest zoom the replay opens at: a whole day's map fitted into the pane is unreadable
// (200 nodes, labels of 4 px); the central subject is shown at this size and the rest is panned to.
const READABLE = 0.75
// A map of more nodes than this opens with its branches folded below the first level, once.
const OPEN_NODES = 40

export class ReplayedMap {
  constructor (host, { label, subject, room, byLabel }) {
    this.doc = new Y.Doc()
    this.view = new MapView(host, this.doc, { label, room, editable: false, subject })
    this.byLabel = byLabel // (name) => "Nommé par {name}"
    this.authors = false
    this.tree = null
    // The view redraws its items on every change and fold: the colours follow each drawing.
    new MutationObserver(() => this._colour()).observe(this.view.list, { childList: true })
  }

  /** Show `tree` (id, label, colour, links, children, and `by` when the server said who named it). */
  show (tree, authors) {
    this.authors = authors
    this.tree = tree
    this._foldDeep(tree)
    const nodes = this.doc.getMap(NODES)
    this.doc.transact(() => {
      nodes.clear()
      const add = (node, parent, order) => {
        nodes.set(node.id, new Y.Map(Object.entries({
          label: node.label,
          parent,
          order,
          colour: HEX.test(node.colour) ? node.colour : '',
          links: JSON.stringify(node.links || []),
          deleted: false,
          moved: 0,
          prev_parent: parent
        })))
        node.children.forEach((child, index) => add(child, node.id, index + 1))
      }
      add({ ...tree, id: ROOT_ID }, '', 0)
    })
    this._colour()
  }

  /** Who named the nodes drawn now, each once: [{ author, name, css }]. */
  namers () {
    const seen = new Map()
    const walk = (node) => { if (node.by) seen.set(node.by.author, node.by); node.children.forEach(walk) }
    if (this.tree) walk(this.tree)
    return [...seen.values()]
  }

  /** The first time a large map shows: its axes in view, each folded (the person unfolds where they look). */
  _foldDeep (tree) {
    if (this._sized) return
    let count = 0
    const branches = []
    const walk = (node, depth) => {
      count += 1
      if (depth >= 1 && node.children.length) branches.push(node.id)
      node.children.forEach((child) => walk(child, depth + 1))
    }
    walk(tree, 0)
    if (count <= 1) return
    this._sized = true
    if (count > OPEN_NODES && !this.view.folded.size) for (const id of branches) this.view.folded.add(id)
  }

  /** Never open smaller than people can read: the central subject on the left, at mid-height. */
  _readable () {
    const { panzoom, list, viewport } = this.view
    const root = list.querySelector('.mm-root')
    if (panzoom.steered || panzoom.scale >= READABLE || !root || !viewport.clientHeight) return
    const canvas = panzoom.canvas.getBoundingClientRect()
    const box = root.getBoundingClientRect()
    const middle = (box.top - canvas.top + box.height / 2) / panzoom.scale
    panzoom.scale = READABLE
    panzoom.x = 24
    panzoom.y = viewport.clientHeight / 2 - middle * READABLE
    panzoom.apply()
  }

  _colour () {
    if (!this.tree) return
    this._readable()
    const byId = new Map()
    const walk = (node) => { byId.set(node.id, node); node.children.forEach(walk) }
    walk({ ...this.tree, id: ROOT_ID })
    for (const item of this.view.list.querySelectorAll('[role=treeitem]')) {
      const node = byId.get(item.dataset.id)
      const by = node && node.by
      const box = item.querySelector(':scope > .mm-node')
      box.querySelector(':scope > .mm-by')?.remove()
      box.querySelector(':scope > .mm-by-name')?.remove()
      item.classList.toggle('by-author', Boolean(this.authors && by))
      if (!this.authors || !by) {
        item.style.removeProperty('--author')
        continue
      }
      item.style.setProperty('--author', by.colour) // CSSOM: allowed by the pages' CSP
      const mark = document.createElement('span')
      mark.className = 'mm-by'
      mark.title = this.byLabel(by.name)
      mark.setAttribute('aria-hidden', 'true') // the words below say it
      // Who named it, as words in the item's own content: the item is named by its visible text
      // (mindmap/view.js), so an aria-label would drop the words on screen (axe: label-content-name-mismatch).
      const name = document.createElement('span')
      name.className = 'mm-by-name visually-hidden'
      name.textContent = ` — ${this.byLabel(by.name)}`
      box.append(mark, name)
    }
  }
}
