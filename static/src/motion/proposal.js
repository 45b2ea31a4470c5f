// Where a new proposal goes under an axis.
//
// An axis's section runs from its `##` heading to the next axis (or the end of the text); a new
// proposal goes after the section's last line that is not blank.
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
 * Where a new proposal goes under the axis titled `axisTitle`: the end of the section's last line
 * that is not blank (the heading itself when the axis has nothing yet), or null when the motion has
 * no such axis (any more). The server puts the proposal on a line of its own there, numbered after
 * the axis's others (docs/amendments.md), so the page sends only its words.
 */
export function proposalPoint (markdown, axisTitle) {
  const axes = axesOf(markdown)
  const at = axes.findIndex((axis) => axis.title === axisTitle)
  if (at < 0) return null
  const spans = lineSpans(markdown)
  let line = at + 1 < axes.length ? axes[at + 1].line - 1 : spans.length - 1
  while (line > axes[at].line && markdown.slice(...spans[line]).trim() === '') line--
  return spans[line][1]
}
