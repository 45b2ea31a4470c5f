// Finding nodes of the mind map by their words: every word typed, in any order, without case or accents.
import { walk } from './tree.js'

/** Lower case, accents off, punctuation to spaces: "Éducation, populaire" → "education populaire". */
export function folded (text) {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/**
 * The nodes whose label holds every word of `query` (as the start of one of its words), best
 * first: a label that starts with the query, then the shallower, then the map's order. Each
 * with the labels above it (without the central subject), to tell apart two of the same name.
 */
export function searchNodes (tree, query, limit = 8) {
  const words = folded(query).split(' ').filter(Boolean)
  if (!words.length) return { total: 0, results: [] }
  const found = []
  const path = []
  let order = 0
  for (const [depth, node] of walk(tree)) {
    path.length = depth
    path[depth] = node.label
    order++
    if (depth === 0) continue
    const label = folded(node.label)
    const starts = ` ${label}`
    if (!words.every((word) => starts.includes(` ${word}`))) continue
    const result = { id: node.id, label: node.label, path: path.slice(1, depth) }
    found.push({ result, rank: [label.startsWith(words.join(' ')) ? 0 : 1, depth, order] })
  }
  found.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2])
  return { total: found.length, results: found.slice(0, limit).map(({ result }) => result) }
}
