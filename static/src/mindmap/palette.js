// Branch colours: each at least 3:1 against white (WCAG 1.4.11), as the node's border and links.
// The node text stays dark on a light tint of its colour, so the text contrast does not depend on it.
export const PALETTE = [
  { value: '#1565c0', fr: 'bleu', en: 'blue' },
  { value: '#2e7d32', fr: 'vert', en: 'green' },
  { value: '#b3261e', fr: 'rouge', en: 'red' },
  { value: '#6a1b9a', fr: 'violet', en: 'purple' },
  { value: '#a04a00', fr: 'orange', en: 'orange' },
  { value: '#00695c', fr: 'sarcelle', en: 'teal' },
  { value: '#ad1457', fr: 'rose', en: 'pink' },
  { value: '#4e342e', fr: 'brun', en: 'brown' }
]

export const ROOT_COLOUR = '#263238'

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/

/**
 * A node colour that may go into CSS: a palette value or "#rrggbb" (crdt/mindmap.py valid_colour).
 * Anyone who may write the map can write any string there: `url(http://…)` would make every
 * browser drawing the map fetch that address (issue 12).
 */
export function validColour (value) {
  return typeof value === 'string' && (HEX_COLOUR.test(value) || PALETTE.some((p) => p.value === value))
}

/** The colour a node is drawn in: its own, else its branch's; first-level branches take turns in the palette. */
export function branchColour (node, depth, index, inherited) {
  if (node.colour && validColour(node.colour)) return node.colour
  if (depth === 0) return ROOT_COLOUR
  if (depth === 1) return PALETTE[index % PALETTE.length].value
  return inherited
}
