// The motion page: the shared text, its live preview and its outline, side by side.
import { EditorView } from '@codemirror/view'
import { canWrite } from '../config.js'
import { t } from '../i18n.js'
import { decisionsCall } from '../refusals.js'
import { amendmentsMargin } from './amendments.js'
import { createEditor, jumpToLine } from './editor.js'
import { blockForLine, render } from './markdown.js'
import { outline, sectionAt } from './outline.js'
import { renderOutline, sectionName } from './outline-view.js'

function section (className, title, id) {
  const element = document.createElement('section')
  element.className = className
  element.setAttribute('aria-labelledby', id)
  const heading = document.createElement('h2')
  heading.id = id
  heading.textContent = title
  element.append(heading)
  return element
}

function button (text, title, onClick) {
  const element = document.createElement('button')
  element.type = 'button'
  element.textContent = text
  element.title = title
  element.addEventListener('click', onClick)
  return element
}

export function motionPage (main, { rooms, presence, writable, config, decisions, say }) {
  const ytext = rooms.motion.doc.getText('text')
  // While the pen is held by others the editor stays, read-only, to select a passage to amend.
  const canPropose = canWrite(config) && !config.frozen && (writable || rooms.motion.readOnly === 'pen')
  const margin = amendmentsMargin({ ytext, decisions, user: config.user, call: decisionsCall(config.congress.slug), canPropose, say })
  main.classList.add('motion-page')
  const outlinePane = section('outline-pane', t('outline'), 'outline-title')
  const outlineBody = document.createElement('nav')
  outlineBody.setAttribute('aria-labelledby', 'outline-title')
  outlinePane.append(outlineBody)
  // For observers the rendered text is the motion itself, not a preview of what they write.
  const previewPane = section('preview-pane', writable ? t('preview') : t('motion'), 'preview-title')
  const preview = document.createElement('article')
  preview.className = 'rendered'
  preview.setAttribute('aria-live', 'off')
  previewPane.append(preview)

  let editor = null
  const showInPreview = (line) => {
    const block = blockForLine(preview, line)
    if (block) block.scrollIntoView({ block: 'nearest' })
  }
  const jump = (line) => {
    if (editor) jumpToLine(editor.view, line)
    showInPreview(line)
  }

  const observers = [] // unobserved when the page is redrawn (read-only, or writable again)
  const panes = [outlinePane]
  if (writable || canPropose) {
    const editorPane = section('editor-pane', t('motion'), 'editor-title')
    const tools = document.createElement('div')
    tools.className = 'toolbar'
    const host = document.createElement('div')
    host.className = 'editor-host'
    editorPane.append(tools, host)
    let entries = []
    editor = createEditor(host, ytext, rooms.motion.awareness, {
      onLocalEdit: (line) => {
        presence.noteTyping(sectionName(sectionAt(entries, line)))
        showInPreview(line)
      },
      readOnly: !writable,
      extensions: [margin.extension, EditorView.updateListener.of((update) => { if (update.selectionSet) margin.selectionChanged() })]
    })
    margin.attach(editor.view)
    if (writable) {
      tools.append(
        button(t('undo'), `${t('undoHint')} (Ctrl+Z)`, () => editor.undoManager.undo()),
        button(t('redo'), `${t('undoHint')} (Ctrl+Shift+Z)`, () => editor.undoManager.redo())
      )
    }
    if (margin.tools) tools.append(margin.tools)
    observers.push(() => { entries = outline(ytext.toString()) })
    entries = outline(ytext.toString())
    panes.push(editorPane)
  }
  // The amendments above the preview, in one right-hand column: the editor keeps its width.
  const side = document.createElement('div')
  side.className = 'side-column'
  side.append(margin.pane, previewPane)
  panes.push(side)
  main.append(...panes, margin.toggle)

  // Rendering the whole motion is cheap (a few kB), but at most once a frame.
  let scheduled = false
  const refresh = () => {
    scheduled = false
    const text = ytext.toString()
    preview.innerHTML = text.trim() ? render(text) : `<p class="muted">${t('motionEmpty')}</p>`
    renderOutline(outlineBody, outline(text), jump)
  }
  observers.push(() => {
    if (!scheduled) {
      scheduled = true
      requestAnimationFrame(refresh)
    }
  })
  for (const observer of observers) ytext.observe(observer)
  refresh()
  return {
    destroy () {
      for (const observer of observers) ytext.unobserve(observer)
      margin.destroy()
      editor?.view.destroy()
    }
  }
}
