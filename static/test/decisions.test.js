// The live decisions (src/decisions.js): the maps the server writes, read into plain state.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as Y from 'yjs'

import { countsOf, holdsPen, isUser, newest, openVote, readState, readTallies, shownVote } from '../src/decisions.js'

/** A document as the server writes it: JSON strings in Y.Maps, one transaction per write. */
function serverDoc (entries) {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const [map, key, value] of entries) doc.getMap(map).set(key, typeof value === 'string' ? value : JSON.stringify(value))
  })
  return doc
}

const tally = (cast, f, a, x) => ({ for: f, against: a, abstain: x, cast })

test('per vote, the tally of the process that saw the most ballots wins, whichever wrote last', () => {
  const doc = serverDoc([
    ['tallies', '7@proc-a', tally(3, 2, 1, 0)],
    ['tallies', '7@proc-b', tally(5, 3, 1, 1)],
    ['tallies', '8@proc-a', tally(1, 0, 0, 1)]
  ])
  // proc-a writes later, with an older read of the database: it must not win.
  doc.getMap('tallies').set('7@proc-a', JSON.stringify(tally(4, 3, 1, 0)))
  const best = readTallies(doc.getMap('tallies'))
  assert.deepEqual(best.get('7'), tally(5, 3, 1, 1))
  assert.deepEqual(best.get('8'), tally(1, 0, 0, 1))
  assert.equal(best.size, 2)
})

test('a process name with an @ in it still counts for its vote', () => {
  const doc = serverDoc([['tallies', '12@host@4242', tally(2, 2, 0, 0)], ['tallies', '12@other', tally(1, 1, 0, 0)]])
  assert.deepEqual(readTallies(doc.getMap('tallies')).get('12'), tally(2, 2, 0, 0))
})

test('an entry that is not JSON is left out, the others are read', (t) => {
  t.mock.method(console, 'warn', () => {})
  const doc = serverDoc([
    ['tallies', '3@a', '{not json'],
    ['tallies', '3@b', tally(2, 1, 1, 0)],
    ['amendments', '1', '{"id": 1'],
    ['amendments', '2', { id: 2, status: 'open', created_at: '2026-12-02T14:00:00+00:00' }]
  ])
  const state = readState(doc, doc, true)
  assert.deepEqual(state.tallies.get('3'), tally(2, 1, 1, 0))
  assert.deepEqual(state.amendments.map((a) => a.id), [2])
})

test('amendments and votes come out oldest first, the pen off when the server wrote none', () => {
  const doc = serverDoc([
    ['amendments', '10', { id: 10, created_at: '2026-12-02T14:05:00+00:00' }],
    ['amendments', '9', { id: 9, created_at: '2026-12-02T14:01:00+00:00' }],
    ['amendments', '11', { id: 11, created_at: '2026-12-02T14:01:00+00:00' }],
    ['votes', '2', { id: 2, opened_at: '2026-12-02T15:00:00+00:00', status: 'open' }],
    ['votes', '1', { id: 1, opened_at: '2026-12-02T14:30:00+00:00', status: 'closed', shown: true }]
  ])
  const state = readState(doc, null, false)
  assert.deepEqual(state.amendments.map((a) => a.id), [9, 11, 10])
  assert.deepEqual(state.votes.map((v) => v.id), [1, 2])
  assert.equal(state.pen.on, false)
  assert.deepEqual(state.pen.holders, [])
  assert.equal(state.tallies.size, 0)
  assert.equal(openVote(state.votes).id, 2)
  assert.equal(shownVote(state.votes).id, 1)
})

test('the pen and who holds it', () => {
  const doc = serverDoc([['pen', 'state', { on: true, holders: [{ id: 4, name: 'Awa Diop' }] }]])
  const { pen } = readState(doc, null, true)
  assert.equal(pen.on, true)
  assert.deepEqual(pen.holders, [{ id: 4, name: 'Awa Diop' }])
  // The page knows its person as the author the server names them by.
  assert.equal(holdsPen(pen, { id: 'participant:4', role: 'participant' }), true)
  assert.equal(holdsPen(pen, { id: 'participant:5', role: 'participant' }), false)
  assert.equal(holdsPen(pen, { id: 'participant:6', role: 'organiser' }), true)
  assert.equal(holdsPen({ on: false, holders: [] }, { id: 'participant:5', role: 'participant' }), true)
  assert.equal(isUser({ id: 44, name: 'x' }, { id: 'participant:4' }), false)
})

test('counts: the final ones once closed, the larger of the vote\'s and the tally\'s while open', () => {
  const tallies = new Map([['5', tally(6, 4, 1, 1)]])
  const shownOpen = { id: 5, status: 'open', cast: 4, counts: { for: 3, against: 1, abstain: 0 } }
  assert.deepEqual(countsOf(shownOpen, tallies), tally(6, 4, 1, 1))
  assert.deepEqual(countsOf({ ...shownOpen, cast: 7, counts: { for: 5, against: 1, abstain: 1 } }, tallies), tally(7, 5, 1, 1))
  assert.deepEqual(countsOf({ id: 5, status: 'open', cast: 6, counts: null }, tallies), tally(6, 4, 1, 1))
  assert.equal(countsOf({ id: 5, status: 'open', cast: 6, counts: null }, new Map()), null)
  // Closed: the vote's final counts, even if a tally entry lags behind or ran ahead.
  const closed = { id: 5, status: 'closed', cast: 6, counts: { for: 4, against: 1, abstain: 1 } }
  assert.deepEqual(countsOf(closed, new Map([['5', tally(5, 3, 1, 1)]])), tally(6, 4, 1, 1))
})

test('a secret vote\'s tally tells how many voted, never the counts, while it is open', () => {
  const doc = serverDoc([['tallies', '9@a', { for: null, against: null, abstain: null, cast: 4 }]])
  const tallies = readTallies(doc.getMap('tallies'))
  assert.deepEqual(tallies.get('9'), { for: null, against: null, abstain: null, cast: 4 })
  assert.equal(countsOf({ id: 9, status: 'open', secret: true, cast: 4, counts: null }, tallies), null)
})

test('an older value left in the room by two concurrent writers never replaces a newer one shown', () => {
  const doc = serverDoc([
    ['amendments', '1', { id: 1, status: 'open', supporters: 2, version: 3 }],
    ['votes', '4', { id: 4, status: 'open', cast: 7, version: 8 }],
    ['pen', 'state', { on: true, holders: [], version: 5 }]
  ])
  const shown = readState(doc, null, true)
  doc.transact(() => {
    doc.getMap('amendments').set('1', JSON.stringify({ id: 1, status: 'open', supporters: 1, version: 2 }))
    doc.getMap('votes').set('4', JSON.stringify({ id: 4, status: 'closed', cast: 9, version: 9 }))
    doc.getMap('pen').set('state', JSON.stringify({ on: false, holders: [], version: 4 }))
  })
  const next = readState(doc, null, true, shown)
  assert.equal(next.amendments[0].supporters, 2) // version 2 < 3: kept
  assert.equal(next.votes[0].status, 'closed') // version 9 > 8: taken
  assert.equal(next.pen.on, true)
  assert.deepEqual(newest(undefined, [{ id: 1, version: 0 }]), [{ id: 1, version: 0 }])
})
