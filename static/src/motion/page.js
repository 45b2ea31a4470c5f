// The motion page: the shared text and its toolbar, its outline, the amendments and the live preview.
//
// The panes are in the document in reading order (the editor first), and style.css ("Motion
// page") places them on a grid: `outline editor preview` on a wide screen, where the right-hand
// column holds the amendments above the preview (`.side-column`, motion/amendments.js), and one
// column in document order on a phone, so the editor comes before the outline there (the
// amendments are then a drawer).
import { EditorView } from '@codemirror/view'
import { canWrite } from '../config.js'
import { t } from '../i18n.js'
import { decisionsCall } from '../refusals.js'
import { amendmentsMargin } from './amendments.js'
import { blockForLine, render } from './markdown.js'
import { outline } from './outline.js'
import { renderOutline } from './outline-view.js'
import { writingPane } from './writing.js'

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

/** "Carte → plan de la motion" on the map page comes here as #plan (the whole map) or #plan=<node id>. */
function outlineAsked () {
  const asked = /^#plan(?:=(.+))?$/.exec(location.hash)
  if (!asked) return undefined
  history.replaceState(null, '', location.pathname + location.search)
  return asked[1] ? decodeURIComponent(asked[1]) : null
}

export function motionPage (main, { rooms, presence, writable, config, decisions, say, addSkip }) {
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
  // The amendments above the preview, in one right-hand column: the editor keeps its width.
  const side = document.createElement('div')
  side.className = 'side-column'
  side.append(margin.pane, previewPane)

  const showInPreview = (line) => {
    const block = blockForLine(preview, line)
    if (block) block.scrollIntoView({ block: 'nearest' })
  }
  let writing = null
  const jump = (line) => {
    writing?.jumpTo(line)
    showInPreview(line)
  }

  if (writable || canPropose) {
    writing = writingPane({
      rooms,
      presence,
      onLine: showInPreview,
      readOnly: !writable,
      extensions: [margin.extension, EditorView.updateListener.of((update) => { if (update.selectionSet) margin.selectionChanged() })],
      tools: margin.tools
    })
    margin.attach(writing.view)
    main.append(writing.pane, outlinePane, side, margin.toggle)
    addSkip(t('skipToEditor'), () => writing.focus())
    const branch = outlineAsked()
    if (branch !== undefined && writable) writing.openOutline(branch)
  } else {
    main.append(side, outlinePane, margin.toggle)
  }

  // Rendering the whole motion is cheap (a few kB), but at most once a frame.
  let scheduled = false
  const refresh = () => {
    scheduled = false
    const text = ytext.toString()
    preview.innerHTML = text.trim() ? render(text) : `<p class="muted">${t('motionEmpty')}</p>`
    renderOutline(outlineBody, outline(text), jump)
  }
  const changed = () => {
    if (!scheduled) {
      scheduled = true
      requestAnimationFrame(refresh)
    }
  }
  ytext.observe(changed)
  refresh()
  return {
    destroy () {
      ytext.unobserve(changed)
      margin.destroy()
      writing?.destroy()
    }
  }
}
