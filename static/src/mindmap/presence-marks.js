// Who is on which node: each person's selected node travels in their presence, and shows on the
// map as their initials in their colour (the colour the presence list and the history give them).
import { ROOT_ID } from './tree.js'

const HEX = /^#[0-9a-fA-F]{6}$/ // a colour goes into CSS only if it is one

/** "Bruno Diallo" → "BD", "Aïcha" → "A". */
export function initials (name) {
  const words = name.split(/[\s\-‐]+/u).filter(Boolean)
  return words.slice(0, 2).map((word) => [...word][0].toUpperCase()).join('') || '?'
}

/** Each node someone else is on: node id → their users, one entry per person (not this one). */
export function peopleOnNodes (states, self) {
  const here = new Map()
  const seen = new Set()
  for (const state of states) {
    const user = state?.user
    if (!user?.id || user.id === self || seen.has(user.id) || state.page !== 'mindmap' || typeof state.mapNode !== 'string') continue
    seen.add(user.id)
    if (!here.has(state.mapNode)) here.set(state.mapNode, [])
    here.get(state.mapNode).push(user)
  }
  return here
}

/**
 * Tell the others which node this person selects (`mapNode` in the map room's presence), and
 * draw where the others are. Someone on a node inside a folded branch shows on the branch.
 * `share`: false for a page that only shows the map (the projector); `sayHere(names)` the
 * words a screen reader hears on such a node ("Ici : Bruno Diallo").
 */
export function showPresenceOnNodes (view, awareness, { self, sayHere, share = true }) {
  if (share) {
    awareness.setLocalStateField('mapNode', view.selected || ROOT_ID)
    view.list.addEventListener('mm-select', (event) => awareness.setLocalStateField('mapNode', event.detail))
  }
  const parents = () => {
    const up = new Map()
    const visit = (node) => node.children.forEach((child) => { up.set(child.id, node.id); visit(child) })
    if (view.tree) visit(view.tree)
    return up
  }
  const draw = () => {
    for (const mark of view.list.querySelectorAll('.mm-here')) mark.remove()
    for (const item of view.list.querySelectorAll('[data-here]')) {
      delete item.dataset.here
      item.removeAttribute('aria-description')
    }
    const here = peopleOnNodes([...awareness.getStates().values()], self)
    if (!here.size) return
    const up = parents()
    const shown = new Map() // the tree item drawn → the people on it or inside it
    for (const [id, people] of here) {
      let at = id
      while (at && !view.element(at)) at = up.get(at)
      if (!at) continue
      shown.set(at, [...(shown.get(at) || []), ...people])
    }
    for (const [id, people] of shown) {
      const item = view.element(id)
      const marks = document.createElement('span')
      marks.className = 'mm-here'
      marks.setAttribute('aria-hidden', 'true') // said once, by the tree item's description
      for (const user of people) {
        const mark = document.createElement('span')
        mark.className = 'mm-person'
        mark.textContent = initials(user.name || '')
        mark.title = user.name || ''
        if (HEX.test(user.color || '')) mark.style.setProperty('--person', user.color)
        marks.append(mark)
      }
      item.querySelector(':scope > .mm-node').append(marks)
      item.dataset.here = people.map((user) => user.id).join(' ')
      item.setAttribute('aria-description', sayHere(people.map((user) => user.name).join(', ')))
    }
  }
  awareness.on('change', draw)
  view.list.addEventListener('mm-rendered', draw)
  draw()
}
