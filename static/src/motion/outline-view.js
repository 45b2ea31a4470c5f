// The outline beside the motion: axes, proposals and levers as links that jump to their line.
import { t } from '../i18n.js'

function label (entry) {
  if (entry.kind === 'axis') return `${t('axis', { n: entry.number })} — ${entry.title}`
  if (entry.kind === 'title') return entry.title
  return `${entry.number}. ${entry.title}`
}

function list (entries, onJump) {
  const ol = document.createElement('ol')
  for (const entry of entries) {
    const item = document.createElement('li')
    item.className = `outline-${entry.kind}`
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'link'
    button.textContent = label(entry)
    button.dataset.line = String(entry.line)
    button.addEventListener('click', () => onJump(entry.line))
    item.append(button)
    if (entry.children.length) item.append(list(entry.children, onJump))
    ol.append(item)
  }
  return ol
}

export function renderOutline (element, entries, onJump) {
  if (!entries.some((entry) => entry.kind === 'axis')) {
    const empty = document.createElement('p')
    empty.className = 'muted'
    empty.textContent = t('outlineEmpty')
    element.replaceChildren(...(entries.length ? [list(entries, onJump)] : []), empty)
    return
  }
  element.replaceChildren(list(entries, onJump))
}

/** Where someone typing on `entry` is, in words: "Axe 2 — Inclusion" or "2.1. …". */
export function sectionName (entry) {
  return entry ? label(entry) : t('beginning')
}
