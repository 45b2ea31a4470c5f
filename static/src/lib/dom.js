// Building the organiser-side pages' elements, and reading the configuration the server wrote.

/**
 * `element('button', {type: 'button', onclick: f}, 'Copy')`: attributes are set as attributes,
 * except `on<event>` keys holding a function, which become listeners. Children are nodes or
 * text; null, undefined and false are skipped, so `cond && node` reads naturally.
 */
export function element (tag, attributes = {}, ...children) {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(attributes)) {
    if (/^on[a-z]+$/.test(key) && typeof value === 'function') node.addEventListener(key.slice(2), value)
    else if (key === 'style') setStyle(node, value)
    else node.setAttribute(key, value)
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child)
  }
  return node
}

/**
 * `style` is an object of CSS properties ({background: '#b3261e', '--theme': …}), set through the
 * CSSOM: the pages' CSP refuses inline `style=` attributes (a string given here would be one), but
 * not properties set from a script.
 */
function setStyle (node, properties) {
  if (typeof properties !== 'object' || properties === null) throw new TypeError('style must be an object of CSS properties')
  for (const [name, value] of Object.entries(properties)) node.style.setProperty(name, String(value))
}

export const byId = (id) => document.getElementById(id)

/**
 * The page's configuration: JSON in the `data-config` attribute of `<div id="config">`
 * (an attribute, not an inline script, so the pages' CSP can forbid every inline script).
 */
export function pageConfig () {
  return JSON.parse(byId('config').dataset.config)
}
