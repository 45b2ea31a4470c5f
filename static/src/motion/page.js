// The motion page: the shared text and its toolbar, its outline and its live preview.
//
// The panes are in the document in reading order (the editor first), and style.css ("Motion
// page") places them on a grid: `outline editor preview` on a wide screen, one column in
// document order on a phone, so the editor comes before the outline there. A pane added to
// `main` with the class `margin-pane` (e.g. the amendments beside the text) gets a column
// between the editor and the preview.
import { t } from '../i18n.js'
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

export function motionPage (main, { rooms, presence, writable, addSkip }) {
  const ytext = rooms.motion.doc.getText('text')
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

  const showInPreview = (line) => {
    const block = blockForLine(preview, line)
    if (block) block.scrollIntoView({ block: 'nearest' })
  }
  let writing = null
  const jump = (line) => {
    writing?.jumpTo(line)
    showInPreview(line)
  }

  if (writable) {
    writing = writingPane({ rooms, presence, onLine: showInPreview })
    main.append(writing.pane, outlinePane, previewPane)
    addSkip(t('skipToEditor'), () => writing.focus())
    const branch = outlineAsked()
    if (branch !== undefined) writing.openOutline(branch)
  } else {
    main.append(previewPane, outlinePane)
  }

  // Rendering the whole motion is cheap (a few kB), but at most once a frame.
  let scheduled = false
  const refresh = () => {
    scheduled = false
    const text = ytext.toString()
    preview.innerHTML = text.trim() ? render(text) : `<p class="muted">${t('motionEmpty')}</p>`
    renderOutline(outlineBody, outline(text), jump)
  }
  ytext.observe(() => {
    if (!scheduled) {
      scheduled = true
      requestAnimationFrame(refresh)
    }
  })
  refresh()
}
