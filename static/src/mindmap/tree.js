// The tree every replica shows for a mind map document: a faithful port of crdt/mindmap.py.
//
// Same layout (one Y.Map `nodes`: id → Y.Map of label, parent, order, colour,
// links, deleted, moved, prev_parent) and the same rules, so that a browser and
// the server always show the same tree (tests/golden/ and tests/test_browser_mindmap.py check it):
// 1. a node whose parent does not exist hangs under the central subject;
// 2. in a cycle made by concurrent moves, the node with the greatest
//    (moved, id) goes back to its prev_parent, or under the central subject if
//    that would still close a cycle, until there is no cycle;
// 3. a deleted node hides its branch, except descendants moved elsewhere.
// A colour that is not a palette value or "#rrggbb" reads as the default, as in Python.

import { validColour } from './palette.js'

import { splitWords } from '../pytext.js'

export const NODES = 'nodes'
export const ROOT_ID = 'root'

/** Python compares strings by code point; JavaScript's `<` by UTF-16 unit. Ids are compared like Python. */
export function compareIds (a, b) {
  const x = [...a]
  const y = [...b]
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0)
    if (d) return d
  }
  return x.length - y.length
}

// Numbers written by pycrdt can arrive as BigInt (Python ints); the rules compare them as numbers.
const num = (value, fallback = 0) => (value === undefined || value === null ? fallback : Number(value))

function links (value) {
  if (typeof value !== 'string') return []
  try {
    const parsed = JSON.parse(value)
    return Array.isArray(parsed) ? parsed.map(String) : []
  } catch {
    return []
  }
}

/** Rules 1 and 2: every node gets a parent that leads to the root without a cycle. */
export function effectiveParents (raw) {
  const parents = new Map()
  for (const [id, r] of raw) if (id !== ROOT_ID) parents.set(id, raw.has(r.parent) ? r.parent : ROOT_ID)
  const reverted = new Set()
  for (;;) {
    const cycle = findCycle(parents)
    if (cycle === null) return parents
    const loser = cycle.reduce((best, id) => {
      const a = raw.get(id)
      const b = raw.get(best)
      return a.moved > b.moved || (a.moved === b.moved && compareIds(id, best) > 0) ? id : best
    })
    const previous = raw.get(loser).prevParent
    if (reverted.has(loser) || !raw.has(previous) || previous === loser) {
      parents.set(loser, ROOT_ID)
    } else {
      parents.set(loser, previous)
      reverted.add(loser)
    }
  }
}

function findCycle (parents) {
  const state = new Map() // 1: on the current path, 2: known to reach the root
  for (const start of [...parents.keys()].sort(compareIds)) {
    const path = []
    let node = start
    while (node !== ROOT_ID && !state.has(node)) {
      state.set(node, 1)
      path.push(node)
      node = parents.get(node)
    }
    if (node !== ROOT_ID && state.get(node) === 1) return path.slice(path.indexOf(node))
    for (const seen of path) state.set(seen, 2)
  }
  return null
}

/**
 * @typedef {{id: string, label: string, parent: string, order: number, colour: string,
 *            links: string[], children: TreeNode[]}} TreeNode
 * @param {import('yjs').Map<any>} nodes the document's `nodes` map
 * @returns {TreeNode}
 */
export function buildTree (nodes) {
  const data = new Map()
  for (const [id, entry] of nodes) data.set(id, typeof entry?.toJSON === 'function' ? entry.toJSON() : {})
  if (!data.has(ROOT_ID)) data.set(ROOT_ID, { label: '', parent: '', order: 0 })
  const raw = new Map()
  for (const [id, d] of data) {
    raw.set(id, {
      parent: String(d.parent ?? ''),
      prevParent: String(d.prev_parent ?? ''),
      moved: Math.trunc(num(d.moved)),
      deleted: Boolean(d.deleted)
    })
  }
  const parents = effectiveParents(raw)
  const built = new Map()
  for (const [id, d] of data) {
    built.set(id, {
      id,
      label: String(d.label ?? ''),
      parent: parents.get(id) ?? '',
      order: num(d.order),
      colour: validColour(d.colour) ? d.colour : '', // the default colour for anything else
      links: links(d.links),
      children: []
    })
  }
  for (const [id, parent] of parents) built.get(parent).children.push(built.get(id))
  for (const node of built.values()) {
    node.children.sort((a, b) => a.order - b.order || compareIds(a.id, b.id))
    node.children = node.children.filter((child) => !raw.get(child.id).deleted)
  }
  return built.get(ROOT_ID)
}

/** Depth-first, the node itself first. */
export function * walk (node, depth = 0) {
  yield [depth, node]
  for (const child of node.children) yield * walk(child, depth + 1)
}

export function findNode (tree, id) {
  for (const [, node] of walk(tree)) if (node.id === id) return node
  return null
}

/** The motion's outline from the map, as crdt/mindmap.py `to_outline`: axes from the first level. */
export function toOutline (tree, branch = null) {
  const lines = []
  for (const axis of worded(outlineStart(tree, branch).children)) {
    lines.push(`## ${oneLine(axis.label)}`, '')
    worded(axis.children).forEach((proposal, i) => lines.push(...outlineItems(proposal, i + 1, 0)))
    lines.push('')
  }
  return lines.join('\n').trimEnd() + '\n'
}

/** The node whose children become the axes: the central subject, or `branch` ("Branche → plan"). */
export function outlineStart (tree, branch = null) {
  const start = branch === null ? tree : findNode(tree, branch)
  if (start === null) throw new Error(`no node ${branch}`)
  return start
}

/** The labels a new node starts with, in every language of the interface (server/words/client.json). */
export const PLACEHOLDERS = new Set(['Nouvelle idée', 'New idea'])

/** Leave out nodes nobody wrote anything in (blank or still the placeholder, and nothing below). */
export function worded (nodes) {
  return nodes.filter((node) => node.children.length || (oneLine(node.label) && !PLACEHOLDERS.has(oneLine(node.label))))
}

/** `node` as item `number` at `indent` columns, its children nested under its text. */
export function outlineItems (node, number, indent) {
  const lines = [`${' '.repeat(indent)}${number}. ${oneLine(node.label)}`]
  worded(node.children).forEach((child, i) => lines.push(...outlineItems(child, i + 1, indent + `${number}. `.length)))
  return lines
}

/** Python's `" ".join(label.split())`, with Python's whitespace. */
export function oneLine (label) {
  return splitWords(label).join(' ')
}
