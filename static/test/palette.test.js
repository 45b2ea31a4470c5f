// Mind-map colours go into CSS: only the palette or "#rrggbb" is drawn (crdt/mindmap.py valid_colour).
import { test } from 'node:test'
import assert from 'node:assert/strict'

import { PALETTE, ROOT_COLOUR, branchColour, validColour } from '../src/mindmap/palette.js'

const BEACON = 'url(http://tracker.example/beacon)'

test('palette values and #rrggbb are colours', () => {
  for (const { value } of PALETTE) assert.ok(validColour(value), value)
  assert.ok(validColour('#ABCDEF'))
  assert.ok(validColour('#0a0b0c'))
})

test('anything else is not', () => {
  for (const value of [BEACON, 'red', '#123', '#1234567', '#12345g', '#123456;background:url(x)', 'var(--x)', ' #123456', '', null, undefined, 5]) {
    assert.equal(validColour(value), false, String(value))
  }
})

test('a node with a hostile colour is drawn in its branch colour', () => {
  assert.equal(branchColour({ colour: BEACON }, 0, 0, ''), ROOT_COLOUR)
  assert.equal(branchColour({ colour: BEACON }, 1, 2, ''), PALETTE[2].value)
  assert.equal(branchColour({ colour: BEACON }, 3, 0, '#2e7d32'), '#2e7d32')
  assert.equal(branchColour({ colour: '#ABCDEF' }, 3, 0, '#2e7d32'), '#ABCDEF')
})
