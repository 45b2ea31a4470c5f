// Where a new proposal goes under an axis, and the Markdown line it becomes.
//
// An axis's section runs from its `##` heading to the next axis (or the end of the text); a new
// proposal is a numbered item after the section's last line that is not blank, numbered after the
// proposals already there (crdt/motion.py numbers them by their order, whatever is typed).
import { outline } from './outline.js'

// The line breaks of Python's str.splitlines(), as outline.js counts lines (its LINE_BREAK).
// eslint-disable-next-line no-control-regex -- \x1c-\x1e are line breaks to Python
const LINE_BREAKS = /\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/g

/** Each line's [start, end) offsets, end before its line break; numbered as outline() numbers them. */
export function lineSpans (markdown) {
  const spans = []
  let start = 0
  for (const found of markdown.matchAll(LINE_BREAKS)) {
    spans.push([start, found.index])
    start = found.index + found[0].length
  }
  if (start < markdown.length || spans.length === 0) spans.push([start, markdown.length])
  return spans
}

/** The motion's axes: [{title, number, line, proposals}] in the order of the text. */
export function axesOf (markdown) {
  return outline(markdown).filter((entry) => entry.kind === 'axis')
    .map((axis) => ({ title: axis.title, number: axis.number, line: axis.line, proposals: axis.children.length }))
}

/**
 * Where a proposal written as `text` goes under the axis titled `axisTitle`, and what is inserted
 * there: {index, insert}, or null when the motion has no such axis (any more).
 */
export function proposalPlace (markdown, axisTitle, text) {
  const axes = axesOf(markdown)
  const at = axes.findIndex((axis) => axis.title === axisTitle)
  if (at < 0) return null
  const axis = axes[at]
  const spans = lineSpans(markdown)
  const lastLine = at + 1 < axes.length ? axes[at + 1].line - 1 : spans.length - 1
  let line = lastLine
  while (line > axis.line && markdown.slice(...spans[line]).trim() === '') line--
  // Right under the heading, a blank line first, as one writes Markdown by hand.
  const gap = line === axis.line ? '\n\n' : '\n'
  const wording = text.trim().replace(/\s*\n\s*/g, ' ')
  return { index: spans[line][1], insert: `${gap}${axis.proposals + 1}. ${wording}` }
}
