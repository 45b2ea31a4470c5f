// Dates, times and numbers as the server writes them (server/clock.py Clock): in the congress's time
// zone, whatever the browser's, and in French words ("2 décembre 2026, 15 h 02") or English.

const MONTHS = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
    'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December']
}

/** The calendar fields of a server timestamp (seconds) in `timeZone`, as numbers. */
function fields (timestamp, timeZone) {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23'
  })
  const parts = {}
  for (const part of format.formatToParts(new Date(timestamp * 1000))) parts[part.type] = Number(part.value)
  return parts
}

const two = (n) => String(n).padStart(2, '0')

/** "15 h 02" ("15 h 02 min 07 s" with seconds); "15:02" ("15:02:07") in English. */
export function timeOfDay (timestamp, lang, timeZone, seconds = false) {
  const { hour, minute, second } = fields(timestamp, timeZone)
  if (lang === 'en') return `${two(hour)}:${two(minute)}${seconds ? ':' + two(second) : ''}`
  return `${two(hour)} h ${two(minute)}${seconds ? ` min ${two(second)} s` : ''}`
}

/** "2 décembre 2026, 15 h 02" ("1er" for the first); "2 December 2026, 15:02". */
export function moment (timestamp, lang, timeZone) {
  const { year, month, day } = fields(timestamp, timeZone)
  const english = lang === 'en'
  const date = `${!english && day === 1 ? '1er' : day} ${MONTHS[english ? 'en' : 'fr'][month - 1]} ${year}`
  return `${date}, ${timeOfDay(timestamp, lang, timeZone)}`
}

/** 1234.5 → "1 234,5" in French (a narrow no-break space), "1,234.5" in English. */
export function number (value, lang) {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR').format(value)
}
