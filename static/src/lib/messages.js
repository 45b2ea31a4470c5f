// What the organiser-side pages tell the person: the status line and the words filled in.

/** Writes `text` in the page's polite live region, `<p id="status" role="status">`. */
export function say (text) {
  document.getElementById('status').textContent = text
}

/** "Erreur : <message>" in the page's words (`colon` is " : " in French, ": " in English). */
export function errorText (words, error) {
  return `${words.error}${words.colon ?? ': '}${error.message}`
}

/** Says what went wrong; the pages' catch-all for a refused request. */
export function sayError (words, error) {
  say(errorText(words, error))
}

/** `fill('{n} contributions', {n: 3})`: each `{key}` replaced by its value, '' when missing. */
export function fill (text, values) {
  return text.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''))
}

/**
 * A server timestamp (seconds) as a date and time in the page's language, in the congress's time
 * zone (`timeZone`, from the page's configuration) rather than the browser's.
 */
export function when (timestamp, lang, dateStyle = 'medium', timeZone = undefined) {
  return new Date(timestamp * 1000).toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR',
    { dateStyle, timeStyle: 'short', timeZone })
}
