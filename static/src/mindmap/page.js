// The mind map page: the map and its search, its toolbar, who is where, and the way to the motion's outline.
import { language, t } from '../i18n.js'
import { mergeOutline } from '../motion/merge.js'
import { rovingToolbar } from '../toolbar.js'
import { MapEditor } from './editing.js'
import { MapFinder } from './finder.js'
import { MapHistory } from './history.js'
import { LinkedPanel } from './linked.js'
import { ensureRoot } from './ops.js'
import { PALETTE } from './palette.js'
import { showPresenceOnNodes } from './presence-marks.js'
import { ROOT_ID } from './tree.js'
import { MapView } from './view.js'

/** A toolbar button; `name` when what it shows is shorter than what it does ("+ Sœur"). */
function button (text, onClick, { title = '', className = '', name = '' } = {}) {
  const element = document.createElement('button')
  element.type = 'button'
  element.textContent = text
  if (title) element.title = title
  if (className) element.className = className
  if (name) element.setAttribute('aria-label', name)
  element.addEventListener('click', onClick)
  return element
}

/** A button that shows `icon` beside its word, and only the icon on a phone (the word stays its name). */
function iconButton (icon, text, onClick, title) {
  const element = button('', onClick, { title })
  const mark = document.createElement('span')
  mark.className = 'icon'
  mark.setAttribute('aria-hidden', 'true')
  mark.textContent = icon
  const word = document.createElement('span')
  word.className = 'word'
  word.textContent = text
  element.append(mark, word)
  return element
}

function group (label, className, ...children) {
  const element = document.createElement('div')
  element.setAttribute('role', 'group')
  element.setAttribute('aria-label', label)
  element.className = `tool-group ${className}`
  element.append(...children)
  return element
}

/** The map alone, without editing: for the projector. */
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
  const stage = document.createElement('div')
  stage.className = 'mm-stage'
  main.append(heading, toolbar, stage, status)

  const view = new MapView(stage, doc, { label: t('mapLabel'), room: config.rooms.mindmap, editable: writable, subject: config.congress.title })
  new LinkedPanel(stage, view, { slug: config.congress.slug }) // eslint-disable-line no-new
  new MapFinder(stage, view) // eslint-disable-line no-new
  showPresenceOnNodes(view, rooms.mindmap.awareness, { self: config.user.id, sayHere: (names) => t('hereNow', { names }) })
  const zoomIn = button('+', () => view.panzoom.zoom(1.2), { title: t('zoomIn') })
  const zoomOut = button('−', () => view.panzoom.zoom(1 / 1.2), { title: t('zoomOut') })
  zoomIn.setAttribute('aria-label', t('zoomIn'))
  zoomOut.setAttribute('aria-label', t('zoomOut'))
  const zoom = group(t('zoom'), 'secondary', zoomIn, zoomOut, button(t('recentre'), () => view.recentre()))

  if (!writable) {
    toolbar.append(zoom)
    rovingToolbar(toolbar, t('mapToolbar'))
    toolbar.classList.add('read-only')
    view.render()
    return
  }

  const history = new MapHistory(doc)
  const editor = new MapEditor(view, doc, {
    announce,
    history,
    onEdit: (label) => presence.noteTyping(`${t('mindmap')} : ${label}`)
  })
  const undo = iconButton('↶', t('undo'), () => editor.undo(), `${t('undoHint')} (Ctrl+Z)`)
  const redo = iconButton('↷', t('redo'), () => editor.redo(), `${t('undoHint')} (Ctrl+Maj+Z)`)
  const stacks = () => {
    undo.disabled = !history.canUndo
    redo.disabled = !history.canRedo
  }
  history.addEventListener('change', stacks)
  stacks()

  const swatches = PALETTE.map(({ value, fr, en }) => {
    const swatch = button('', () => editor.recolour(value), { className: 'swatch' })
    swatch.style.background = value
    swatch.setAttribute('aria-label', `${t('colour')} ${language() === 'en' ? en : fr}`)
    swatch.title = language() === 'en' ? en : fr
    return swatch
  })
  swatches.push(button('∅', () => editor.recolour(''), { className: 'swatch', title: t('defaultColour') }))
  swatches[swatches.length - 1].setAttribute('aria-label', `${t('colour')} : ${t('defaultColour')}`)

  const notice = document.createElement('p')
  notice.className = 'notice'
  notice.setAttribute('role', 'status')
  notice.hidden = true
  // The outline is merged on the motion page, which shows what it adds and can undo it there:
  // here, only say when there is nothing to add.
  const toMotion = (branch) => {
    const say = (said) => {
      announce(said)
      notice.replaceChildren(said)
      notice.hidden = false
    }
    if (rooms.motion.readOnly) return say(t('outlineRefused')) // the final reading, a frozen motion: the server would drop it
    const merge = mergeOutline(rooms.motion.doc.getText('text').toString(), view.tree, branch)
    if (merge.empty) return say(Object.values(merge.kept).some(Boolean) ? t('importNothing') : t('outlineNothing'))
    location.assign(`${config.urls.motion}#plan${branch === null ? '' : `=${encodeURIComponent(branch)}`}`)
  }
  const branchButton = button(t('branchToMotion'), () => toMotion(view.selected))

  const more = button(t('moreTools'), () => {
    const open = toolbar.dataset.more !== 'open'
    toolbar.dataset.more = open ? 'open' : 'closed'
    more.setAttribute('aria-expanded', String(open))
  }, { className: 'more-tools' })
  more.setAttribute('aria-expanded', 'false')
  toolbar.dataset.more = 'closed'

  toolbar.append(
    group(t('history'), 'history-group', undo, redo),
    group(
      t('mindmap'),
      'edit-group',
      button(t('addChildShort'), () => editor.addChild(), { title: `${t('addChild')} (Tab)`, name: t('addChild') }),
      button(t('addSiblingShort'), () => editor.addSibling(), { title: `${t('addSibling')} (Entrée / Enter)`, name: t('addSibling') }),
      button(t('rename'), () => editor.startRename(), { title: 'F2' }),
      button(t('moveUp'), () => editor.shift(-1), { title: 'Alt+↑', className: 'secondary' }),
      button(t('moveDown'), () => editor.shift(1), { title: 'Alt+↓', className: 'secondary' }),
      button(t('remove'), () => editor.delete(), { title: 'Suppr / Delete', className: 'danger' })
    ),
    more,
    group(t('colour'), 'secondary', ...swatches),
    zoom,
    group(t('motion'), 'secondary', button(t('toMotion'), () => toMotion(null)), branchButton)
  )
  rovingToolbar(toolbar, t('mapToolbar'))
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
