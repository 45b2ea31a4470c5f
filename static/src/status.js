// The connection state shown to everyone: connected, reconnecting, or offline with N unsent changes.
import { plural, t } from './i18n.js'

const RANK = { connected: 0, connecting: 1, reconnecting: 2, offline: 3 }

/** Shows the worst state of the page's rooms in `element` (a polite live region). */
export function showStatus (element, rooms, { readOnly: fixedReadOnly }) {
  const render = () => {
    const state = rooms.map((room) => room.status).reduce((a, b) => (RANK[b] > RANK[a] ? b : a))
    const unsent = rooms.reduce((sum, room) => sum + room.unsent, 0)
    const refused = rooms.some((room) => room.refused)
    const readOnly = fixedReadOnly || rooms.some((room) => room.readOnly)
    let text = refused ? t('refused') : t(state)
    if (unsent && !readOnly) text += ` — ${plural('unsent', 'unsentMany', unsent)} (${t('keptHere')})`
    if (readOnly && !refused) text += ` · ${t('readOnly')}`
    element.dataset.state = refused ? 'refused' : state
    element.dataset.unsent = String(unsent)
    element.textContent = text
  }
  for (const room of rooms) room.addEventListener('change', render)
  render()
}
