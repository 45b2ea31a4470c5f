// The map's outline into the motion: a preview of what the merge adds and where, then one edit,
// undone in one step (Ctrl+Z, the toolbar's "Annuler", or "Annuler" in the confirmation).
import { language, plural, t } from '../i18n.js'
import { NODES, buildTree, findNode } from '../mindmap/tree.js'
import { OUTLINE_ORIGIN } from './editor.js'
import { KINDS, mergeOutline } from './merge.js'

const COUNTS = { axis: ['countAxis', 'countAxes'], proposal: ['countProposal', 'countProposals'], lever: ['countLever', 'countLevers'] }

/** "2 propositions et 1 levier" (nothing: ''). */
export function counted (counts) {
  const parts = KINDS.filter((kind) => counts[kind]).map((kind) => plural(...COUNTS[kind], counts[kind]))
  return parts.length ? new Intl.ListFormat(language(), { type: 'conjunction' }).format(parts) : ''
}

/** One line of the preview: what is added, and where. */
export function describe (addition) {
  const where = []
  const below = counted(addition.below)
  if (below) where.push(t('importWith', { what: below }))
  if (addition.parent) where.push(t('importWithin', { parent: addition.parent }))
  if (addition.after) where.push(t('importAfter', { after: addition.after }))
  else if (addition.before) where.push(t('importBefore', { before: addition.before }))
  else if (!addition.parent) where.push(t('importAtEnd'))
  return { what: t(`import_${addition.kind}`, { title: addition.title }), where: where.join(', ') }
}

function element (tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

/** Wait until a room holds the server's copy, or its local copy when the browser is offline. */
function ready (room) {
  return new Promise((resolve) => {
    if (room.provider.synced) return resolve()
    const synced = (isSynced) => {
      if (!isSynced) return
      room.provider.off('sync', synced)
      resolve()
    }
    room.provider.on('sync', synced)
    room.whenLoaded().then(() => { if (!navigator.onLine) resolve() })
  })
}

export class OutlineImport {
  /**
   * @param host where the dialog and the confirmation go (the editor's pane)
   * @param notice the pane's live region for the confirmation
   * @param onApplied called with the offset of the first insertion, to show it in the editor
   */
  constructor (host, notice, { rooms, undoManager, onApplied }) {
    this.rooms = rooms
    this.ytext = rooms.motion.doc.getText('text')
    this.nodes = rooms.mindmap.doc.getMap(NODES)
    this.undoManager = undoManager
    this.onApplied = onApplied
    this.notice = notice
    this.item = null // the undo step of the last merge
    this.confirming = false // the live region shows the confirmation of that merge
    this.dialog = element('dialog', 'import-dialog')
    this.dialog.setAttribute('aria-labelledby', 'import-title')
    host.append(this.dialog)
    undoManager.on('stack-item-added', ({ stackItem, origin, type }) => {
      if (origin === OUTLINE_ORIGIN && type === 'undo') this.item = stackItem
      this._offerUndo()
    })
    undoManager.on('stack-item-popped', ({ stackItem, type }) => {
      if (type === 'undo' && stackItem === this.item) {
        this.item = null
        this._say(t('importUndone'))
      }
      this._offerUndo()
    })
  }

  /** Open the preview for the whole map, or for the branch under node `branch`. */
  async open (branch = null) {
    await Promise.all([ready(this.rooms.motion), ready(this.rooms.mindmap)])
    const tree = buildTree(this.nodes)
    const start = branch === null ? tree : findNode(tree, branch)
    if (!start) return this._say(t('importGone'))
    this.branch = branch
    this.label = start.label
    const merge = mergeOutline(this.ytext.toString(), tree, branch)
    if (merge.empty) return this._say(this._nothing(merge))
    this._show(merge, '')
    this.dialog.showModal()
  }

  _nothing (merge) {
    if (Object.values(merge.kept).some(Boolean)) return t('importNothing')
    return this.branch === null ? t('importNoMap') : t('outlineNothing')
  }

  _show (merge, changed) {
    this.merge = merge
    const title = element('h2', '', this.branch === null ? t('importTitle') : t('importBranchTitle', { label: this.label }))
    title.id = 'import-title'
    const list = element('ul', 'import-additions')
    for (const addition of merge.additions) {
      const { what, where } = describe(addition)
      const item = element('li', `import-${addition.kind}`)
      item.append(element('strong', '', what), where ? ` — ${where}` : '')
      list.append(item)
    }
    const parts = [title]
    if (changed) parts.push(element('p', 'import-changed', changed))
    parts.push(element('p', '', t('importIntro')), list)
    const kept = counted(merge.kept)
    if (kept) parts.push(element('p', 'muted', t('importKept', { what: kept })))
    const details = element('details')
    details.append(element('summary', '', t('importShowText')), element('pre', 'import-text', merge.insertions.map((i) => i.text.replace(/^\n+|\n+$/g, '')).join('\n⋯\n')))
    parts.push(details)
    const confirm = element('button', 'primary', t('importConfirm'))
    confirm.type = 'button'
    confirm.addEventListener('click', () => this._confirm())
    const cancel = element('button', '', t('importCancel'))
    cancel.type = 'button'
    cancel.addEventListener('click', () => this.dialog.close())
    const actions = element('div', 'dialog-actions')
    actions.append(confirm, cancel)
    parts.push(actions)
    this.dialog.replaceChildren(...parts)
    confirm.focus()
  }

  /** Merge again against the text as it is now: if that changed what would be added, show it first. */
  _confirm () {
    const fresh = mergeOutline(this.ytext.toString(), buildTree(this.nodes), this.branch)
    if (fresh.empty) {
      this.dialog.close()
      return this._say(this._nothing(fresh))
    }
    if (JSON.stringify(fresh.additions) !== JSON.stringify(this.merge.additions)) return this._show(fresh, t('importChanged'))
    this.dialog.close()
    // One transaction, from the last insertion back so that each offset still holds: one undo step.
    this.undoManager.stopCapturing()
    this.ytext.doc.transact(() => {
      for (const { offset, text } of [...fresh.insertions].reverse()) this.ytext.insert(offset, text)
    }, OUTLINE_ORIGIN)
    this.undoManager.stopCapturing()
    const added = {}
    for (const addition of fresh.additions) {
      added[addition.kind] = (added[addition.kind] || 0) + 1
      for (const [kind, n] of Object.entries(addition.below)) added[kind] = (added[kind] || 0) + n
    }
    this._say(t('importDone', { what: counted(added) }), true)
    this._offerUndo()
    const first = fresh.insertions[0]
    this.onApplied(first.offset + first.text.length - first.text.replace(/^\n+/, '').length)
  }

  /** Say `text` in the pane's live region; `done`: it is the confirmation of a merge. */
  _say (text, done = false) {
    this.notice.replaceChildren(element('span', '', text))
    this.notice.hidden = false
    this.confirming = done
  }

  _next () {
    const stack = this.undoManager.undoStack
    return this.item !== null && stack[stack.length - 1] === this.item
  }

  /** "Annuler" beside the confirmation, while the merge is the next of this person's steps to undo. */
  _offerUndo () {
    const offered = this.notice.querySelector('button')
    const offer = this.confirming && this._next()
    if (!offer) offered?.remove()
    if (!offer || offered) return
    const undo = element('button', '', t('importUndo'))
    undo.type = 'button'
    undo.addEventListener('click', () => { if (this._next()) this.undoManager.undo() })
    this.notice.append(' ', undo)
  }
}
