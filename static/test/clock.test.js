// Dates and numbers on the organisers' page (src/lib/clock.js) read as the server writes them
// (server/clock.py): the congress's time zone, French words, French numbers.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import { moment, number, timeOfDay } from '../src/lib/clock.js'

// 2 December 2026, 14:02:07 UTC: 15 h 02 in Paris (winter time), 09:02 in New York.
const AT = Date.UTC(2026, 11, 2, 14, 2, 7) / 1000

test('a moment is written in French words in the congress zone, not the browser one', () => {
  assert.equal(moment(AT, 'fr', 'Europe/Paris'), '2 décembre 2026, 15 h 02')
  assert.equal(moment(AT, 'en', 'Europe/Paris'), '2 December 2026, 15:02')
  assert.equal(moment(AT, 'fr', 'America/New_York'), '2 décembre 2026, 09 h 02')
  assert.equal(moment(Date.UTC(2026, 5, 30, 23, 30) / 1000, 'fr', 'Europe/Paris'), '1er juillet 2026, 01 h 30')
})

test('a time of day can carry its seconds', () => {
  assert.equal(timeOfDay(AT, 'fr', 'Europe/Paris', true), '15 h 02 min 07 s')
  assert.equal(timeOfDay(AT, 'en', 'Europe/Paris', true), '15:02:07')
  assert.equal(timeOfDay(Date.UTC(2026, 11, 2, 23, 0) / 1000, 'fr', 'Europe/Paris'), '00 h 00')
})

test('numbers are French by default', () => {
  assert.match(number(1234, 'fr'), /^1\s234$/u)
  assert.equal(number(1234, 'en'), '1,234')
})
