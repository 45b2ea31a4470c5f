// The motion's outline (axes, proposals, levers): a faithful port of crdt/motion.py `outline`.
//
// Same rules as the server: `#` title, `##` axes, numbered items under an axis
// are proposals, items nested deeper than their proposal are levers; numbers
// follow the order of the text, not the numbers typed; fenced code is skipped.
// tests/golden/ holds documents and the outline Python gives them; static/test/ checks this port.

import { LINE_BREAK, expandTabs, stripStart } from '../pytext.js'

const HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/
// Python's \d is any decimal digit (١, ２…), not only 0-9: \p{Nd}.
const ITEM = /^([ \t]*)(\p{Nd}{1,9})[.)][ \t]+(.+)$/u

/** @typedef {{kind: 'title'|'axis'|'proposal'|'lever', title: string, line: number, number: string, children: Entry[]}} Entry */

/** @returns {Entry[]} */
export function outline (markdown) {
  const top = []
  let axis = null
  let proposal = null
  let proposalIndent = 0
  let inFence = false
  markdown.split(LINE_BREAK).forEach((line, index) => {
    const start = stripStart(line) // Python's lstrip(): not JavaScript's trimStart()
    if (start.startsWith('```') || start.startsWith('~~~')) {
      inFence = !inFence
      return
    }
    if (inFence) return
    const heading = HEADING.exec(line)
    if (heading) {
      const level = heading[1].length
      if (level === 1) {
        top.push(entry('title', heading[2], index, ''))
      } else if (level === 2) {
        axis = entry('axis', heading[2], index, String(top.filter((e) => e.kind === 'axis').length + 1))
        top.push(axis)
        proposal = null
      }
      return
    }
    const item = ITEM.exec(line)
    if (item === null || axis === null) return
    const indent = expandTabs(item[1])
    if (proposal === null || indent <= proposalIndent) {
      proposal = entry('proposal', item[3], index, String(axis.children.length + 1))
      proposalIndent = indent
      axis.children.push(proposal)
    } else {
      proposal.children.push(entry('lever', item[3], index, `${proposal.number}.${proposal.children.length + 1}`))
    }
  })
  return top
}

function entry (kind, title, line, number) {
  return { kind, title, line, number, children: [] }
}

/** The innermost entry whose text starts at or before `line`: where someone typing at `line` is. */
export function sectionAt (entries, line) {
  let found = null
  for (const e of entries) {
    if (e.line > line) break
    found = e
    const inner = sectionAt(e.children, line)
    if (inner) found = inner
  }
  return found
}
