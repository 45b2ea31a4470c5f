// Who is here: this person's presence in every room of the page, and the list of everyone present.
import { t } from './i18n.js'

const TYPING_SHOWN_MS = 4000

/** A lighter tint of a #rrggbb colour, for the background of remote selections. */
function tint (colour) {
  return colour.length === 7 ? `${colour}33` : colour
}

/**
 * Presence is set on both rooms (motion and mind map) because every page is
 * connected to both: someone on the mind map page is present for those on
 * the motion page too. The list merges the entries by person (several tabs
 * of one person show once) and says where each one is writing.
 */
export class Presence {
  constructor (config, rooms, page) {
    this.config = config
    this.rooms = rooms
    const { user } = config
    const state = {
      // `user.name` and `user.color` / `colorLight` are what y-codemirror.next draws cursors with.
      user: { name: user.name, color: user.colour, colorLight: tint(user.colour), id: user.id, site: user.site, role: user.role },
      page,
      typing: null
    }
    for (const room of rooms) room.awareness.setLocalState(state)
    this._typingTimer = null
    this._typingWhere = null
  }

  /** Tell the others where this person is writing; cleared after a few quiet seconds. */
  noteTyping (where) {
    if (where !== this._typingWhere) {
      this._typingWhere = where
      for (const room of this.rooms) room.awareness.setLocalStateField('typing', where)
    }
    clearTimeout(this._typingTimer)
    this._typingTimer = setTimeout(() => {
      this._typingWhere = null
      for (const room of this.rooms) room.awareness.setLocalStateField('typing', null)
    }, TYPING_SHOWN_MS)
  }

  /** Everyone present, one entry per person, this person first. */
  people () {
    const byId = new Map()
    for (const room of this.rooms) {
      for (const state of room.awareness.getStates().values()) {
        if (!state || !state.user || !state.user.id) continue
        const seen = byId.get(state.user.id)
        if (!seen || (state.typing && !seen.typing)) byId.set(state.user.id, state)
      }
    }
    return [...byId.values()].sort((a, b) => (b.user.id === this.config.user.id) - (a.user.id === this.config.user.id) || a.user.name.localeCompare(b.user.name))
  }

  onChange (callback) {
    for (const room of this.rooms) room.awareness.on('change', callback)
  }
}

function describe (person) {
  if (person.typing) return t('writingIn', { where: person.typing })
  return { motion: t('onMotion'), mindmap: t('onMindmap'), projector: t('onProjector') }[person.page] || ''
}

/** The list of people present, kept up to date in `element`. */
export function showPresence (element, presence) {
  const heading = document.createElement('h2')
  const list = document.createElement('ul')
  list.className = 'people'
  element.append(heading, list)
  const render = () => {
    const people = presence.people()
    heading.textContent = `${t('present')} (${people.length})`
    list.replaceChildren(...people.map((person) => {
      const item = document.createElement('li')
      item.dataset.userId = person.user.id
      item.dataset.typing = person.typing ? 'yes' : 'no'
      const dot = document.createElement('span')
      dot.className = 'dot'
      dot.style.background = person.user.color
      dot.setAttribute('aria-hidden', 'true')
      const name = document.createElement('strong')
      name.textContent = person.user.id === presence.config.user.id ? `${person.user.name} (${t('you')})` : person.user.name
      const details = document.createElement('span')
      details.className = 'details'
      const role = person.user.role === 'participant' ? '' : ` · ${t(person.user.role)}`
      details.textContent = `${t(person.user.site)}${role} — ${describe(person)}`
      item.append(dot, name, details)
      return item
    }))
  }
  presence.onChange(render)
  render()
}
