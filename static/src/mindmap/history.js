// Undo and redo of one's own edits of the mind map: a Y.UndoManager on the nodes, tracking one origin.
//
// Every edit this page makes goes through `edit()`, in a transaction whose origin is MAP_EDIT;
// what arrives from the server (the provider's origin), from IndexedDB or from the seeding of
// the central subject (no origin) is never tracked, so Ctrl+Z never takes back what someone
// else did. Undoing the creation of a node removes its entry; a child someone else hung under
// it meanwhile then hangs under the central subject (crdt/mindmap.py, rule 1): nobody's work
// is lost. Steps are explicit: each action is one step, except the naming of a node just
// created, which belongs to its creation.
import * as Y from 'yjs'
import { nodesMap } from './ops.js'

export const MAP_EDIT = 'ubiquite:map-edit'

export class MapHistory extends EventTarget {
  constructor (doc) {
    super()
    this.doc = doc
    // No time window: a step ends only when the next action starts (`edit(…, { step: true })`).
    this.manager = new Y.UndoManager(nodesMap(doc), { trackedOrigins: new Set([MAP_EDIT]), captureTimeout: Infinity })
    this.selection = null // asked for the selection to keep with each step
    this.manager.on('stack-item-added', ({ stackItem }) => {
      if (!stackItem.meta.has('selected') && this.selection) stackItem.meta.set('selected', this.selection())
      this._changed()
    })
    this.manager.on('stack-item-popped', ({ stackItem, type }) => {
      this.dispatchEvent(new CustomEvent('restored', { detail: { selected: stackItem.meta.get('selected'), type } }))
      this._changed()
    })
    this.manager.on('stack-cleared', () => this._changed())
  }

  /** Run `change` as this person's edit; `step: false` adds it to the step before (a fresh node's name). */
  edit (change, { step = true } = {}) {
    if (step) this.manager.stopCapturing()
    let result
    this.doc.transact(() => { result = change() }, MAP_EDIT)
    return result
  }

  undo () {
    this.manager.stopCapturing()
    return this.manager.undo() !== null
  }

  redo () {
    this.manager.stopCapturing()
    return this.manager.redo() !== null
  }

  /** The step the next undo takes back (null: none), to recognise it later (`drop`). */
  get last () {
    const stack = this.manager.undoStack
    return stack.length ? stack[stack.length - 1] : null
  }

  /** Take back `step` for good (a node created and left unnamed), if it is still the last: no redo of it. */
  drop (step) {
    if (step === null || this.last !== step) return false
    this.manager.undo()
    this.manager.clear(false, true)
    return true
  }

  get canUndo () {
    return this.manager.undoStack.length > 0
  }

  get canRedo () {
    return this.manager.redoStack.length > 0
  }

  _changed () {
    this.dispatchEvent(new Event('change'))
  }
}
