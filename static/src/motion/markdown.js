// Markdown to HTML the way the server renders it (crdt/render.py), plus source line numbers.
//
// CommonMark with raw HTML off (nobody injects markup into the motion), tables
// and strikethrough: the same as markdown-it-py on the server. The only addition
// is a `data-line` attribute on each block, so the preview, the outline and the
// projector can find the block someone is writing in.
import MarkdownIt from 'markdown-it'

const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false }).enable(['table', 'strikethrough'])

md.core.ruler.push('source_lines', (state) => {
  for (const token of state.tokens) {
    if (token.map && token.block && token.nesting >= 0 && token.type !== 'inline') {
      token.attrSet('data-line', String(token.map[0]))
    }
  }
})

export function render (markdown) {
  return md.render(markdown)
}

/** The rendered block that shows source line `line` (the last block starting at or before it). */
export function blockForLine (container, line) {
  let found = null
  for (const block of container.querySelectorAll('[data-line]')) {
    if (Number(block.dataset.line) <= line) found = block
  }
  return found
}

/** The source line of a character offset. */
export function lineOf (text, offset) {
  let line = 0
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++
  return line
}
