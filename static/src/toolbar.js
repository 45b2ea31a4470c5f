// A toolbar that is one tab stop: the arrow keys, Home and End move between its buttons (WAI-ARIA APG).
//
// Twenty buttons in the tab order stand between a keyboard user and the editor or the map;
// as one `role=toolbar`, Tab goes past the whole bar and the arrows go through it. Buttons
// hidden by the layout (display: none, e.g. behind "Plus d'outils" on a phone) are skipped.

const shown = (button) => button.getClientRects().length > 0

/** Make `element` (holding buttons, in any groups) a roving-tabindex toolbar named `label`. */
export function rovingToolbar (element, label) {
  element.setAttribute('role', 'toolbar')
  element.setAttribute('aria-label', label)
  // Before the bar is laid out nothing is "shown": then every enabled button counts.
  const buttons = () => {
    const enabled = [...element.querySelectorAll('button')].filter((button) => !button.disabled)
    const visible = enabled.filter(shown)
    return visible.length ? visible : enabled
  }
  let current = null
  const settle = () => {
    const all = buttons()
    if (!all.includes(current)) current = all[0] || null
    for (const button of element.querySelectorAll('button')) button.tabIndex = button === current ? 0 : -1
  }
  element.addEventListener('focusin', (event) => {
    const button = event.target.closest('button')
    if (button && element.contains(button)) current = button
    settle()
  })
  element.addEventListener('keydown', (event) => {
    const all = buttons()
    const index = all.indexOf(document.activeElement)
    if (index < 0) return
    const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: all.length - 1 }[event.key]
    if (next === undefined) return
    event.preventDefault()
    current = all[(next + all.length) % all.length]
    settle()
    current.focus()
  })
  // Buttons come and go (enabled, shown): keep exactly one reachable by Tab.
  // A narrower window may hide the button that had the tab stop ("Plus d'outils" on a phone).
  const resized = () => (element.isConnected ? settle() : window.removeEventListener('resize', resized))
  window.addEventListener('resize', resized)
  new MutationObserver(settle).observe(element, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden', 'class'] })
  settle()
  return { settle }
}
