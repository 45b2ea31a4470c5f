// Python's notion of whitespace, for the ports of crdt/ (mindmap/tree.js, motion/outline.js).
//
// str.split(), str.strip() and friends treat as whitespace what str.isspace() accepts: that
// is JavaScript's \s minus U+FEFF (a byte-order mark), plus U+001C–U+001F and U+0085.
// A label pasted from another program can carry either, and the browser must then fold or
// strip it exactly as the server does (tests/golden/ holds such cases).

const SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const RUNS = new RegExp(`[${SPACE}]+`, 'u')
const LEADING = new RegExp(`^[${SPACE}]+`, 'u')

/** Python's `text.split()`: the words between runs of whitespace, none empty. */
export const splitWords = (text) => text.split(RUNS).filter(Boolean)

/** Python's `text.lstrip()`. */
export const stripStart = (text) => text.replace(LEADING, '')

// The line breaks of Python's str.splitlines(), so line numbers and offsets agree with the server's.
// eslint-disable-next-line no-control-regex -- \x1c-\x1e are line breaks to Python
export const LINE_BREAK = /\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/

/** Python's `text.splitlines(keepends=True)`, each line as [its text, its line break ('' for the last)]. */
export function splitLinesKeep (text) {
  const lines = []
  const breaks = new RegExp(LINE_BREAK.source, 'g')
  let start = 0
  for (const match of text.matchAll(breaks)) {
    lines.push([text.slice(start, match.index), match[0]])
    start = match.index + match[0].length
  }
  if (start < text.length) lines.push([text.slice(start), ''])
  return lines
}

/** Python's `not text.strip()`. */
export const isBlank = (text) => splitWords(text).length === 0

/** Python's `len(indent.expandtabs(size))` for a run of spaces and tabs. */
export function expandTabs (indent, size = 4) {
  let column = 0
  for (const char of indent) column = char === '\t' ? column + size - (column % size) : column + 1
  return column
}
