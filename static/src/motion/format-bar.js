// The motion's formatting bar: buttons and keyboard shortcuts for axis, proposal, lever, bold, list.
import { EditorView } from '@codemirror/view'
import { t } from '../i18n.js'
import { COMMANDS, formatState } from './format.js'

const MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

// Physical keys (event.code), so that the shortcuts sit at the same place on AZERTY and QWERTY;
// the figures of Google Docs (Ctrl+Alt+2 a heading, Ctrl+Shift+7 a numbered list, 8 bullets).
const SHORTCUTS = {
  axis: { alt: true, code: 'Digit2', key: '2' },
  proposal: { shift: true, code: 'Digit7', key: '7' },
  lever: { shift: true, code: 'Digit9', key: '9' },
  bold: { letter: 'b', key: 'B' },
  list: { shift: true, code: 'Digit8', key: '8' }
}

function keysOf (name, forScreenReaders) {
  const { alt, shift, key } = SHORTCUTS[name]
  if (forScreenReaders) return [MAC ? 'Meta' : 'Control', alt && 'Alt', shift && 'Shift', key].filter(Boolean).join('+')
  return [MAC ? '⌘' : 'Ctrl', alt && (MAC ? '⌥' : 'Alt'), shift && t('keyShift'), key].filter(Boolean).join('+')
}

/** The command a key press asks for, or null. AltGr (Ctrl+Alt on Windows) types characters: never a shortcut. */
export function shortcutOf (event) {
  if (!(event.ctrlKey || event.metaKey) || event.getModifierState?.('AltGraph')) return null
  for (const [name, s] of Object.entries(SHORTCUTS)) {
    if (Boolean(s.alt) !== event.altKey || Boolean(s.shift) !== event.shiftKey) continue
    if (s.code ? event.code === s.code : event.key.toLowerCase() === s.letter) return name
  }
  return null
}

/**
 * The buttons (one group of the editor's toolbar) and the editor extension that keeps their
 * `aria-pressed` in step with the selection and runs the shortcuts. The undo manager is the
 * editor's: each command is one undo step of its own.
 */
export function formatBar (getView, getUndoManager) {
  const group = document.createElement('div')
  group.className = 'tool-group format-group'
  group.setAttribute('role', 'group')
  group.setAttribute('aria-label', t('formatting'))
  const run = (name) => {
    const view = getView()
    getUndoManager().stopCapturing()
    view.dispatch(COMMANDS[name](view.state))
    getUndoManager().stopCapturing()
    view.focus()
  }
  const buttons = {}
  for (const name of Object.keys(COMMANDS)) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = `format-${name}`
    button.textContent = t(`format_${name}`)
    button.title = `${t(`format_${name}Hint`)} (${keysOf(name, false)})`
    button.setAttribute('aria-keyshortcuts', keysOf(name, true))
    button.setAttribute('aria-pressed', 'false')
    // Keep the editor's selection: a click on the button must not take the focus first.
    button.addEventListener('mousedown', (event) => event.preventDefault())
    button.addEventListener('click', () => run(name))
    buttons[name] = button
    group.append(button)
  }
  const show = (state) => {
    for (const [name, on] of Object.entries(formatState(state))) buttons[name].setAttribute('aria-pressed', String(on))
  }
  const extension = [
    EditorView.updateListener.of((update) => {
      if (update.selectionSet || update.docChanged) show(update.state)
    }),
    EditorView.domEventHandlers({
      keydown (event) {
        const name = shortcutOf(event)
        if (!name) return false
        event.preventDefault()
        run(name)
        return true
      }
    })
  ]
  return { group, extension, show }
}
