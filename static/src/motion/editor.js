// The motion's text editor: CodeMirror bound to the shared Y.Text, with everyone's cursors.
import { defaultKeymap } from '@codemirror/commands'
import { markdown } from '@codemirror/lang-markdown'
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { EditorState } from '@codemirror/state'
import {
  EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers
} from '@codemirror/view'
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next'
import * as Y from 'yjs'
import { t } from '../i18n.js'

/** The origin of the transaction that merges the map's outline in (motion/outline-import.js). */
export const OUTLINE_ORIGIN = 'ubiquite:outline-from-map'

/**
 * Undo is a Y.UndoManager that tracks only this browser's transactions (y-codemirror adds its
 * own origin, and the outline merged from the map is tracked too), so Ctrl+Z never takes back
 * what someone else wrote; CodeMirror's own history is left out on purpose (it would undo
 * remote edits too). Remote updates carry the provider as origin, IndexedDB's its own: neither
 * is tracked.
 * `readOnly`: shown and selectable but not editable (the pen is held by others: one can still
 * select a passage to amend); `extensions`: what other modules add (the amendments' marks, the
 * formatting bar's shortcuts).
 */
export function createEditor (parent, ytext, awareness, { onLocalEdit, readOnly = false, extensions = [] }) {
  const undoManager = new Y.UndoManager(ytext, { trackedOrigins: new Set([OUTLINE_ORIGIN]) })
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: ytext.toString(),
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        drawSelection(),
        highlightActiveLine(),
        EditorView.lineWrapping,
        markdown(),
        syntaxHighlighting(defaultHighlightStyle),
        keymap.of([...yUndoManagerKeymap, ...defaultKeymap]),
        yCollab(ytext, awareness, { undoManager }),
        EditorView.contentAttributes.of({ 'aria-label': t('editorLabel') }),
        // Still focusable, so a passage can be selected from the keyboard too; no on-screen keyboard.
        readOnly ? [EditorState.readOnly.of(true), EditorView.contentAttributes.of({ 'aria-readonly': 'true', inputmode: 'none' })] : [],
        extensions,
        EditorView.updateListener.of((update) => {
          if (update.docChanged && update.transactions.some((tr) => tr.isUserEvent('input') || tr.isUserEvent('delete'))) {
            onLocalEdit(update.state.doc.lineAt(update.state.selection.main.head).number - 1)
          }
        })
      ]
    })
  })
  return { view, undoManager }
}

/** Put the cursor at the start of source line `line` (0-based) and show it. */
export function jumpToLine (view, line) {
  const target = view.state.doc.line(Math.min(line + 1, view.state.doc.lines))
  view.dispatch({ selection: { anchor: target.from }, effects: EditorView.scrollIntoView(target.from, { y: 'start', yMargin: 24 }) })
  view.focus()
}
