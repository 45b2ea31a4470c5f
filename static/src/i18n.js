// The interface's words: French first, English when the page asks for it (config.lang).

// The words live in the one catalogue of the server and the client (server/words/client.json,
// {"key": {"fr": "...", "en": "..."}}); esbuild bundles the JSON.
import MESSAGES from '../../server/words/client.json'

let current = 'fr'

export function setLanguage (lang) {
  current = lang === 'en' ? 'en' : 'fr'
  document.documentElement.lang = current
}

export function language () {
  return current
}

/** The message `key` in the page's language, with `{name}` placeholders filled from `values`. */
export function t (key, values = {}) {
  const entry = MESSAGES[key]
  if (!entry) throw new Error(`no message ${key}`)
  const text = entry[current === 'en' ? 'en' : 'fr']
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''))
}

/** "1 modification non envoyée" / "3 modifications non envoyées". */
export function plural (one, many, n) {
  return t(n === 1 ? one : many, { n: new Intl.NumberFormat(current).format(n) })
}
