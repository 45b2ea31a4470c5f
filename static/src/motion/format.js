// The motion's formatting commands: axis, proposal, lever, bold, list, as CodeMirror changes.
//
// For people who do not write Markdown: each command turns the lines (or the words) of the
// selection into what the motion's structure expects (crdt/motion.py): an axis is a `##`
// heading, a proposal a numbered item under an axis, a lever a numbered item nested under a
// proposal; bold is `**…**`, a list is `- ` items (outside the outline). Each returns a
// transaction spec for the editor, so the edit goes through y-codemirror like typing: an
// ordinary CRDT edit, one undo step. `formatState` says which are on, for `aria-pressed`.
import { EditorSelection } from '@codemirror/state'
import { expandTabs } from '../pytext.js'
import { outline } from './outline.js'

// A line's structure marks: indentation, then a heading's #s, a number, or a bullet.
const MARKS = /^([ \t]*)(?:(#{1,6})[ \t]+|(\p{Nd}{1,9}[.)])[ \t]+|([-*+])(?:[ \t]+|$))?/u
const AXIS = /^##[ \t]+/
const BULLET = /^[ \t]*[-*+](?:[ \t]+|$)/

const outlines = new WeakMap() // doc → its outline entries by line, computed once per version

function entriesByLine (doc) {
  let byLine = outlines.get(doc)
  if (!byLine) {
    byLine = new Map()
    const visit = (entries, axis, proposal) => {
      for (const e of entries) {
        const here = e.kind === 'axis' ? e : axis
        byLine.set(e.line, { entry: e, axis: here, proposal: e.kind === 'lever' ? proposal : null })
        visit(e.children, here, e.kind === 'proposal' ? e : proposal)
      }
    }
    visit(outline(doc.toString()), null, null)
    outlines.set(doc, byLine)
  }
  return byLine
}

/** The lines the selection touches (1-based numbers, each once, in order). */
function selectedLines (state) {
  const numbers = new Set()
  for (const range of state.selection.ranges) {
    const first = state.doc.lineAt(range.from).number
    // A selection ending at the very start of a line does not take that line.
    const end = range.to > range.from && state.doc.lineAt(range.to).from === range.to ? range.to - 1 : range.to
    for (let n = first; n <= state.doc.lineAt(end).number; n++) numbers.add(n)
  }
  const lines = [...numbers].sort((a, b) => a - b).map((n) => state.doc.line(n))
  const written = lines.filter((line) => line.text.trim())
  return written.length ? written : lines.slice(0, 1) // blank lines count only when there is nothing else
}

function kindOf (state, line) {
  if (AXIS.test(line.text)) return 'axis'
  if (BULLET.test(line.text)) return 'list'
  const found = entriesByLine(state.doc).get(line.number - 1)
  return found && (found.entry.kind === 'proposal' || found.entry.kind === 'lever') ? found.entry.kind : ''
}

/** Replace each line's marks with `prefix(line, k)`; the selection follows the text. */
function relines (state, lines, prefix) {
  const changes = state.changes(lines.map((line, k) => ({
    from: line.from, to: line.from + MARKS.exec(line.text)[0].length, insert: prefix(line, k)
  })))
  return { changes, selection: state.selection.map(changes, 1), userEvent: 'input.format', scrollIntoView: true }
}

/** How many entries of `kind` under `parent` start before `line` (0-based line numbers). */
function countBefore (parent, line) {
  return parent ? parent.children.filter((e) => e.line < line).length : 0
}

/** The axis and the proposal a line falls under: the nearest ones above it. */
function context (state, line) {
  const byLine = entriesByLine(state.doc)
  let axis = null
  let proposal = null
  for (const [at, { entry }] of [...byLine].sort((a, b) => a[0] - b[0])) {
    if (at >= line.number - 1) break
    if (entry.kind === 'axis') {
      axis = entry
      proposal = null
    } else if (entry.kind === 'proposal') proposal = entry
  }
  return { axis, proposal }
}

export function toggleAxis (state) {
  const lines = selectedLines(state)
  const on = lines.every((line) => kindOf(state, line) === 'axis')
  return relines(state, lines, () => (on ? '' : '## '))
}

export function toggleProposal (state) {
  const lines = selectedLines(state)
  if (lines.every((line) => kindOf(state, line) === 'proposal')) return relines(state, lines, () => '')
  const { axis } = context(state, lines[0])
  // Numbered as they will be counted: after the proposals of the axis above them.
  const first = countBefore(axis, lines[0].number - 1) + 1
  return relines(state, lines, (_line, k) => `${first + k}. `)
}

/** Levers go under the proposal above them; with none above, the line becomes a proposal. */
export function toggleLever (state) {
  const lines = selectedLines(state)
  const { axis, proposal } = context(state, lines[0])
  if (lines.every((line) => kindOf(state, line) === 'lever') || !proposal) {
    const first = countBefore(axis, lines[0].number - 1) + 1
    return relines(state, lines, (_line, k) => `${first + k}. `)
  }
  const marker = /^[ \t]*\p{Nd}{1,9}[.)][ \t]+/u.exec(state.doc.line(proposal.line + 1).text)[0]
  const indent = ' '.repeat(expandTabs(marker))
  const first = countBefore(proposal, lines[0].number - 1) + 1
  return relines(state, lines, (_line, k) => `${indent}${first + k}. `)
}

export function toggleList (state) {
  const lines = selectedLines(state)
  const on = lines.every((line) => kindOf(state, line) === 'list')
  return relines(state, lines, () => (on ? '' : '- '))
}

const STARS = '**'

/** Bold the selection (or the word at the cursor); bold again takes it off. */
export function toggleBold (state) {
  const doc = state.doc
  const spec = state.changeByRange((range) => {
    let { from, to } = range
    if (from === to) {
      const word = state.wordAt(from)
      if (word) ({ from, to } = word)
    }
    const around = doc.sliceString(Math.max(0, from - 2), from) === STARS && doc.sliceString(to, to + 2) === STARS
    const inside = to - from >= 4 && doc.sliceString(from, from + 2) === STARS && doc.sliceString(to - 2, to) === STARS
    if (around) {
      return {
        changes: [{ from: from - 2, to: from }, { from: to, to: to + 2 }],
        range: EditorSelection.range(from - 2, to - 2)
      }
    }
    if (inside) {
      return {
        changes: [{ from, to: from + 2 }, { from: to - 2, to }],
        range: EditorSelection.range(from, to - 4)
      }
    }
    return {
      changes: [{ from, insert: STARS }, { from: to, insert: STARS }],
      range: EditorSelection.range(from + 2, to + 2)
    }
  })
  return { ...spec, userEvent: 'input.format', scrollIntoView: true }
}

function isBold (state) {
  const { from, to } = state.selection.main
  const line = state.doc.lineAt(from)
  if (state.doc.lineAt(to).number !== line.number) return false
  const before = line.text.slice(0, from - line.from)
  const after = line.text.slice(to - line.from)
  return (before.split(STARS).length - 1) % 2 === 1 && after.includes(STARS)
}

/** Which commands are on for the selection: every selected line is of that kind, or it is bold. */
export function formatState (state) {
  const lines = selectedLines(state)
  const all = (kind) => lines.every((line) => kindOf(state, line) === kind)
  return { axis: all('axis'), proposal: all('proposal'), lever: all('lever'), list: all('list'), bold: isBold(state) }
}

export const COMMANDS = { axis: toggleAxis, proposal: toggleProposal, lever: toggleLever, bold: toggleBold, list: toggleList }
