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
