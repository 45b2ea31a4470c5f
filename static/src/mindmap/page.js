// The mind map page: the map, its toolbar, and the action that turns it into the motion's outline.
import { language, t } from '../i18n.js'
import { ensureRoot, recolour } from './ops.js'
import { PALETTE } from './palette.js'
import { ROOT_ID, toOutline } from './tree.js'
import { MapEditor } from './editing.js'
import { MapView } from './view.js'
import { LinkedPanel } from './linked.js'

function button (text, onClick, { title = '', className = '' } = {}) {
  const element = document.createElement('button')
  element.type = 'button'
  element.textContent = text
  if (title) element.title = title
  if (className) element.className = className
  element.addEventListener('click', onClick)
  return element
}

function group (label, ...children) {
  const element = document.createElement('div')
  element.setAttribute('role', 'group')
  element.setAttribute('aria-label', label)
  element.className = 'tool-group'
  element.append(...children)
  return element
}

/** Add the outline at the end of the motion: nothing anyone wrote is replaced. */
function appendOutline (motionText, outline) {
  const text = motionText.toString()
  const gap = !text.trim() ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n'
  motionText.insert(text.length, gap + outline)
}

/** The map alone, without editing: for observers and the projector. */
export function mapViewer (host, { rooms, config }) {
  const view = new MapView(host, rooms.mindmap.doc, { label: t('mapLabel'), room: config.rooms.mindmap, editable: false, subject: config.congress.title })
  view.render()
  return view
}

export function mindmapPage (main, { rooms, presence, writable, config }) {
  main.classList.add('mindmap-page')
  const doc = rooms.mindmap.doc
  const heading = document.createElement('h2')
  heading.className = 'visually-hidden'
  heading.textContent = t('mindmap')
  const status = document.createElement('p')
  status.className = 'visually-hidden'
  status.setAttribute('role', 'status')
  const announce = (message) => { status.textContent = message }
  const toolbar = document.createElement('div')
  toolbar.className = 'toolbar mm-toolbar'
  toolbar.setAttribute('role', 'toolbar')
  toolbar.setAttribute('aria-label', t('mapToolbar'))
  const stage = document.createElement('div')
  stage.className = 'mm-stage'
  main.append(heading, toolbar, stage, status)

  const view = new MapView(stage, doc, { label: t('mapLabel'), room: config.rooms.mindmap, editable: writable, subject: config.congress.title })
  new LinkedPanel(stage, view, { slug: config.congress.slug }) // eslint-disable-line no-new
  const zoom = group(
    t('zoom'),
    button('+', () => view.panzoom.zoom(1.2), { title: t('zoomIn') }),
    button('−', () => view.panzoom.zoom(1 / 1.2), { title: t('zoomOut') }),
    button(t('recentre'), () => view.panzoom.recentre())
  )
  zoom.querySelectorAll('button')[0].setAttribute('aria-label', t('zoomIn'))
  zoom.querySelectorAll('button')[1].setAttribute('aria-label', t('zoomOut'))

  if (!writable) {
    toolbar.append(zoom)
    view.render()
    return
  }

  const editor = new MapEditor(view, doc, {
    announce,
    onEdit: (label) => presence.noteTyping(`${t('mindmap')} : ${label}`)
  })
  const swatches = PALETTE.map(({ value, fr, en }) => {
    const swatch = button('', () => recolour(doc, view.selected, value), { className: 'swatch' })
    swatch.style.background = value
    swatch.setAttribute('aria-label', `${t('colour')} ${language() === 'en' ? en : fr}`)
    swatch.title = language() === 'en' ? en : fr
    return swatch
  })
  swatches.push(button('∅', () => recolour(doc, view.selected, ''), { className: 'swatch', title: t('defaultColour') }))
  swatches[swatches.length - 1].setAttribute('aria-label', `${t('colour')} : ${t('defaultColour')}`)
  const branchButton = button(t('branchToMotion'), () => toMotion(view.selected))
  const toMotion = (branch) => {
    if (rooms.motion.readOnly) {
      // The final reading (or a frozen motion): the server would drop the outline; say so instead.
      announce(t('outlineRefused'))
      notice.replaceChildren(t('outlineRefused'))
      notice.hidden = false
      return
    }
    const outline = toOutline(view.tree, branch)
    if (!outline.trim()) {
      // Nothing below this node (or only unnamed ideas): say so rather than add blank lines.
      announce(t('outlineNothing'))
      notice.replaceChildren(t('outlineNothing'))
      notice.hidden = false
      return
    }
    appendOutline(rooms.motion.doc.getText('text'), outline)
    announce(t('outlineAdded'))
    notice.replaceChildren(link)
    notice.hidden = false
  }
  const notice = document.createElement('p')
  notice.className = 'notice'
  notice.hidden = true
  const link = document.createElement('a')
  link.href = config.urls.motion
  link.textContent = t('outlineAdded')
  notice.append(link)

  toolbar.append(
    group(
      t('mindmap'),
      button(t('addChild'), () => editor.addChild(), { title: 'Tab' }),
      button(t('addSibling'), () => editor.addSibling(), { title: t('addSibling') + ' (Entrée / Enter)' }),
      button(t('rename'), () => editor.startRename(), { title: 'F2' }),
      button(t('moveUp'), () => editor.shift(-1), { title: 'Alt+↑' }),
      button(t('moveDown'), () => editor.shift(1), { title: 'Alt+↓' }),
      button(t('remove'), () => editor.delete(), { title: 'Suppr / Delete', className: 'danger' })
    ),
    group(t('colour'), ...swatches),
    zoom,
    group(t('motion'), button(t('toMotion'), () => toMotion(null)), branchButton)
  )
  const hint = document.createElement('p')
  hint.className = 'hint'
  hint.textContent = t('shortcuts')
  main.insertBefore(hint, stage)
  main.append(notice)
  view.list.addEventListener('mm-select', (event) => { branchButton.disabled = event.detail === ROOT_ID })
  branchButton.disabled = true

  // The central subject is created only once the server said the room has none,
  // so that two people arriving at once do not each write their own.
  const seed = (synced) => {
    if (synced && !rooms.mindmap.doc.getMap('nodes').has(ROOT_ID)) ensureRoot(doc, config.congress.title)
  }
  rooms.mindmap.provider.on('sync', seed)
  seed(rooms.mindmap.provider.synced)
  view.render()
}
