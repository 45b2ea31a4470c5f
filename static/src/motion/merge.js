// Merging the mind map's outline into the motion: a faithful port of crdt/outline_merge.py.
//
// Only what the motion lacks is inserted, where it belongs: an entry of the map is already in
// the motion when a sibling there has the same `headingKey` (its words, without case, accents,
// punctuation or an "Axe 2 :" prefix). A new entry goes after the block of the sibling that
// precedes it on the map, else before the first following one, else after the last sibling
// the motion has there, or after its parent. Nothing the motion holds is changed or moved.
// Offsets are JavaScript string (UTF-16) offsets, which is what Y.Text counts in.
// tests/golden/merges.json holds the texts Python merges; static/test/golden.test.js checks this port.
import { oneLine, outlineItems, outlineStart, worded } from '../mindmap/tree.js'
import { expandTabs, isBlank, splitLinesKeep, stripStart } from '../pytext.js'

const HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/
const ITEM = /^([ \t]*)(\p{Nd}{1,9}[.)][ \t]+)(.+)$/u
const BULLET = /^([ \t]*)[-*+](?:[ \t]|$)/
const PREFIX = new Set(['axe', 'axis']) // "Axe 2 : Inclusion" is the axis "Inclusion"

export const KINDS = ['axis', 'proposal', 'lever']

/** What two entries must share to be one: their words, lower case, without accents or punctuation. */
export function headingKey (title) {
  const text = title.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '')
  let words = text.replace(/[^\p{L}\p{N}]/gu, ' ').split(' ').filter(Boolean)
  if (words.length > 2 && PREFIX.has(words[0]) && /^\p{Nd}+$/u.test(words[1])) words = words.slice(2)
  return words.join(' ')
}

/** Depth 1 under the start is an axis, 2 a proposal, anything deeper a lever. */
export const kindAt = (depth) => KINDS[Math.min(depth, 3) - 1]

function readLines (markdown) {
  const lines = []
  let offset = 0
  let fence = null // the indent of the open fence's first line
  for (const [body, lineBreak] of splitLinesKeep(markdown)) {
    const line = { start: offset, end: offset + body.length, broken: lineBreak !== '', kind: 'code', indent: 0, content: 0, level: 0, title: '' }
    offset += body.length + lineBreak.length
    line.indent = expandTabs(body.slice(0, body.length - body.replace(/^[ \t]+/, '').length))
    let match
    if (stripStart(body).startsWith('```') || stripStart(body).startsWith('~~~')) {
      fence = fence === null ? line.indent : null
    } else if (fence !== null) {
      line.indent = fence // inside a fence: part of what the fence belongs to
    } else if (isBlank(body)) {
      line.kind = 'blank'
    } else if ((match = HEADING.exec(body))) {
      Object.assign(line, { kind: 'heading', level: match[1].length, title: match[2] })
    } else if ((match = ITEM.exec(body))) {
      Object.assign(line, { kind: 'item', title: match[3], content: expandTabs(match[1] + match[2]) })
    } else if (BULLET.test(body)) {
      line.kind = 'bullet'
    } else {
      line.kind = 'text'
    }
    lines.push(line)
  }
  return lines
}

const entry = (title, line, indent = 0, content = 0) => ({ title, key: headingKey(title), line, last: line, indent, content, children: [] })

function readAxes (lines) {
  const axes = []
  let axis = null
  let open = []
  lines.forEach((line, index) => {
    if (line.kind === 'heading') {
      open = [] // a heading ends any list
      if (line.level <= 2) {
        axis = line.level === 2 ? entry(line.title, index) : null
        if (axis) axes.push(axis)
        return
      }
    }
    if (axis === null) return
    if (line.kind !== 'blank') axis.last = index
    if (line.kind === 'item') {
      while (open.length && open[open.length - 1].indent >= line.indent) open.pop()
      const item = entry(line.title, index, line.indent, line.content)
      ;(open.length ? open[open.length - 1].children : axis.children).push(item)
      open.push(item)
    }
  })
  for (const a of axes) closeBlocks(lines, a.children, a.last)
  return axes
}

function closeBlocks (lines, items, stop) {
  for (const item of items) {
    let previous = lines[item.line]
    for (let index = item.line + 1; index <= stop; index++) {
      const line = lines[index]
      if (line.kind === 'heading') break
      if ((line.kind === 'item' || line.kind === 'bullet') && line.indent <= item.indent) break
      // Less indented than its text: only a paragraph's lazy continuation line stays in it.
      const lazy = line.kind === 'text' && ['text', 'item', 'bullet'].includes(previous.kind)
      if ((line.kind === 'text' || line.kind === 'code') && line.indent < item.content && !lazy) break
      if (line.kind !== 'blank') item.last = index
      previous = line
    }
    closeBlocks(lines, item.children, item.last)
  }
}

function below (node, depth = 1) {
  return worded(node.children).flatMap((child) => [[depth, child], ...below(child, depth + 1)])
}

class Merger {
  constructor (markdown) {
    this.lines = readLines(markdown)
    this.axes = readAxes(this.lines)
    this.additions = []
    this.kept = Object.fromEntries(KINDS.map((kind) => [kind, 0]))
    this.placed = []
  }

  result () {
    this.placed.sort((a, b) => a[0] - b[0] || a[1] - b[1])
    const insertions = this.placed.map(([offset, , text]) => ({ offset, text }))
    return { insertions, additions: this.additions, kept: this.kept, empty: insertions.length === 0 }
  }

  siblings (nodes, existing, parent, depth) {
    const known = new Map()
    for (const e of existing) if (!known.has(e.key)) known.set(e.key, e)
    let run = []
    let previous = null
    for (const node of nodes) {
      const match = known.get(headingKey(node.label))
      if (match === undefined) {
        run.push(node)
        continue
      }
      if (run.length) {
        this.place(run, previous, match, existing, parent, depth)
        run = []
      }
      this.kept[kindAt(depth)] += 1
      this.siblings(worded(node.children), match.children, match, depth + 1)
      previous = match
    }
    if (run.length) this.place(run, previous, null, existing, parent, depth)
  }

  place (run, previous, following, existing, parent, depth) {
    const anchor = previous || (following ? null : existing[existing.length - 1] || null)
    const first = anchor ? existing.indexOf(anchor) + 2 : following ? existing.indexOf(following) + 1 : 1
    const indent = existing.length ? existing[0].indent : parent && depth > 2 ? parent.content : 0
    const text = run.map((node, k) => this.block(node, first + k, indent, depth)).join(depth === 1 ? '\n\n' : '\n')
    if (following && !previous) {
      this.insert(this.lines[following.line].start, text + (depth === 1 ? '\n\n' : '\n'))
    } else {
      const after = anchor ? anchor.last : parent ? parent.last : this.lastWritten()
      this.insertAfter(after, text, depth === 1 || (depth === 2 && !existing.length))
    }
    run.forEach((node, k) => {
      const counts = {}
      for (const [d] of below(node)) counts[kindAt(depth + d)] = (counts[kindAt(depth + d)] || 0) + 1
      this.additions.push({
        kind: kindAt(depth),
        title: oneLine(node.label),
        parent: parent ? parent.title : '',
        after: k ? oneLine(run[k - 1].label) : anchor ? anchor.title : '',
        before: following && !previous && !k ? following.title : '',
        below: counts
      })
    })
  }

  block (node, number, indent, depth) {
    if (depth === 1) {
      const items = worded(node.children).flatMap((child, n) => outlineItems(child, n + 1, 0))
      return [`## ${oneLine(node.label)}`, ...(items.length ? ['', ...items] : [])].join('\n')
    }
    return outlineItems(node, number, indent).join('\n')
  }

  lastWritten () {
    for (let index = this.lines.length - 1; index >= 0; index--) if (this.lines[index].kind !== 'blank') return index
    return null
  }

  insertAfter (index, text, loose) {
    if (index === null) return this.insert(0, text + '\n')
    const line = this.lines[index]
    const following = this.lines[index + 1]
    const last = !following && !line.broken // the text ends there: end it with a line break
    const touching = loose && following && following.kind !== 'blank'
    this.insert(line.end, (loose ? '\n\n' : '\n') + text + (last || touching ? '\n' : ''))
  }

  insert (offset, text) {
    this.placed.push([offset, this.placed.length, text])
  }
}

/**
 * What to insert in `markdown` so that it holds the outline of the map (or of one branch):
 * {insertions: [{offset, text}] by offset, additions (for the preview), kept (by kind), empty}.
 */
export function mergeOutline (markdown, tree, branch = null) {
  const merger = new Merger(markdown)
  merger.siblings(worded(outlineStart(tree, branch).children), merger.axes, null, 1)
  return merger.result()
}

/** The text once merged (the same as inserting into the Y.Text from the last insertion back). */
export function applyMerge (markdown, merge) {
  let out = ''
  let position = 0
  for (const { offset, text } of merge.insertions) {
    out += markdown.slice(position, offset) + text
    position = offset
  }
  return out + markdown.slice(position)
}
