// Edits of the mind map document, written exactly as crdt/mindmap.py writes them.
import * as Y from 'yjs'
import { NODES, ROOT_ID, buildTree, findNode, walk } from './tree.js'

export class MoveRefused extends Error {}

export const nodesMap = (doc) => doc.getMap(NODES)

function fields (label, parent, order, colour = '') {
  return new Y.Map(Object.entries({
    label,
    parent,
    order,
    colour,
    links: '[]',
    deleted: false,
    moved: 0,
    prev_parent: parent
  }))
}

function newId () {
  const bytes = crypto.getRandomValues(new Uint8Array(6))
  return 'n' + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** Create the central subject once the room is known to have none (after syncing with the server). */
export function ensureRoot (doc, subject) {
  const nodes = nodesMap(doc)
  if (!nodes.has(ROOT_ID)) nodes.set(ROOT_ID, fields(subject, '', 0))
}

function nextOrder (nodes, parent) {
  let last = 0
  for (const entry of nodes.values()) if (entry.get('parent') === parent) last = Math.max(last, Number(entry.get('order')))
  return last + 1
}

export function addNode (doc, parent, label, order = null) {
  const nodes = nodesMap(doc)
  const id = newId()
  nodes.set(id, fields(label, parent, order ?? nextOrder(nodes, parent)))
  return id
}

export function rename (doc, id, label) {
  nodesMap(doc).get(id).set('label', label)
}

export function recolour (doc, id, colour) {
  nodesMap(doc).get(id).set('colour', colour)
}

export function reorder (doc, id, order) {
  nodesMap(doc).get(id).set('order', order)
}

export function remove (doc, id) {
  if (id === ROOT_ID) throw new MoveRefused('the central subject cannot be deleted')
  nodesMap(doc).get(id).set('deleted', true)
}

/** Move a branch under `newParent`; the Lamport counter orders concurrent moves (crdt/mindmap.py). */
export function move (doc, id, newParent, order = null) {
  if (id === ROOT_ID) throw new MoveRefused('the central subject cannot move')
  const tree = buildTree(nodesMap(doc))
  const branch = findNode(tree, id)
  if (newParent === id || (branch && [...walk(branch)].some(([, n]) => n.id === newParent))) {
    throw new MoveRefused('a node cannot move into its own branch')
  }
  const nodes = nodesMap(doc)
  const entry = nodes.get(id)
  let lamport = 0
  for (const other of nodes.values()) lamport = Math.max(lamport, Number(other.get('moved') ?? 0))
  doc.transact(() => {
    entry.set('prev_parent', entry.get('parent'))
    entry.set('parent', newParent)
    entry.set('moved', lamport + 1)
    entry.set('order', order ?? nextOrder(nodes, newParent))
  })
}

/** An order that puts a node between two siblings (either may be missing). */
export function orderBetween (before, after) {
  if (before && after) return (before.order + after.order) / 2
  if (before) return before.order + 1
  if (after) return after.order - 1
  return 1
}

/**
 * Put `id` under `parent` at `index` among its children (as shown, without `id`).
 * A change of order only when the parent stays; a move otherwise.
 */
export function place (doc, id, parent, index) {
  const tree = buildTree(nodesMap(doc))
  const target = findNode(tree, parent)
  const siblings = target.children.filter((child) => child.id !== id)
  const order = orderBetween(siblings[index - 1], siblings[index])
  const current = findNode(tree, id)
  if (current && current.parent === parent) reorder(doc, id, order)
  else move(doc, id, parent, order)
}
