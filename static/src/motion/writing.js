// The motion's writing pane: its toolbar (formatting, undo, the map's outline), the editor, and a live region.
import { t } from '../i18n.js'
import { rovingToolbar } from '../toolbar.js'
import { createEditor, jumpToLine } from './editor.js'
import { formatBar } from './format-bar.js'
import { lineOf } from './markdown.js'
import { OutlineImport } from './outline-import.js'
import { outline, sectionAt } from './outline.js'
import { sectionName } from './outline-view.js'

function button (text, title, onClick) {
  const element = document.createElement('button')
  element.type = 'button'
  element.textContent = text
  element.title = title
  element.addEventListener('click', onClick)
  return element
}

function group (label, className, ...children) {
  const element = document.createElement('div')
  element.className = `tool-group ${className}`
  element.setAttribute('role', 'group')
  element.setAttribute('aria-label', label)
  element.append(...children)
  return element
}

/**
 * The pane, and what the page does with it: jump to a line, focus the editor, open the map's
 * outline. `readOnly`: the pen is held by others, so the text can be selected (to amend) but not
 * written, and only the other modules' `tools` (the amendments') are offered; `extensions`:
 * theirs in the editor.
 */
export function writingPane ({ rooms, presence, onLine, readOnly = false, extensions = [], tools: others = null }) {
  const ytext = rooms.motion.doc.getText('text')
  const pane = document.createElement('section')
  pane.className = 'editor-pane'
  pane.setAttribute('aria-labelledby', 'editor-title')
  const heading = document.createElement('h2')
  heading.id = 'editor-title'
  heading.textContent = t('motion')
  const tools = document.createElement('div')
  tools.className = 'toolbar motion-toolbar'
  const notice = document.createElement('p')
  notice.className = 'notice import-notice'
  notice.setAttribute('role', 'status')
  notice.hidden = true
  const host = document.createElement('div')
  host.className = 'editor-host'
  host.id = 'motion-editor'
  pane.append(heading, tools, notice, host)

  let entries = outline(ytext.toString())
  const outlined = () => { entries = outline(ytext.toString()) }
  ytext.observe(outlined)
  let editor = null
  const format = formatBar(() => editor.view, () => editor.undoManager)
  editor = createEditor(host, ytext, rooms.motion.awareness, {
    readOnly,
    extensions: [readOnly ? [] : format.extension, extensions],
    onLocalEdit: (line) => {
      presence.noteTyping(sectionName(sectionAt(entries, line)))
      onLine(line)
    }
  })
  const { undoManager } = editor
  const done = {
    pane,
    view: editor.view,
    jumpTo: (line) => jumpToLine(editor.view, line),
    focus: () => editor.view.focus(),
    openOutline: () => {},
    destroy () {
      ytext.unobserve(outlined)
      editor.view.destroy()
      undoManager.destroy()
    }
  }
  if (readOnly) {
    if (others) tools.append(others)
    rovingToolbar(tools, t('motionToolbar'))
    return done
  }

  format.show(editor.view.state)
  const undo = button(t('undo'), `${t('undoHint')} (Ctrl+Z)`, () => { undoManager.undo(); editor.view.focus() })
  const redo = button(t('redo'), `${t('undoHint')} (Ctrl+Shift+Z)`, () => { undoManager.redo(); editor.view.focus() })
  for (const control of [undo, redo]) control.addEventListener('mousedown', (event) => event.preventDefault())
  const stacks = () => {
    undo.disabled = undoManager.undoStack.length === 0
    redo.disabled = undoManager.redoStack.length === 0
  }
  for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared']) undoManager.on(event, stacks)
  stacks()

  const importer = new OutlineImport(pane, notice, {
    rooms,
    undoManager,
    onApplied: (offset) => jumpToLine(editor.view, lineOf(ytext.toString(), offset))
  })
  tools.append(
    format.group,
    group(t('history'), 'history-group', undo, redo),
    group(t('mindmap'), 'map-group', button(t('planFromMap'), t('planFromMapHint'), () => importer.open()))
  )
  if (others) tools.append(others)
  rovingToolbar(tools, t('motionToolbar'))
  done.openOutline = (branch) => importer.open(branch)
  return done
}
