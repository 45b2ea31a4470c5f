// Amendments' anchors (src/motion/anchors.js) and where a new proposal goes (src/motion/proposal.js).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as Y from 'yjs'

import { anchorsOf, passageChanged, pointAnchor, resolveRange } from '../src/motion/anchors.js'
import { axesOf, lineSpans, proposalPoint } from '../src/motion/proposal.js'

function peers (text) {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.getText('text').insert(0, text)
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  return [a, b]
}

const sync = (from, to) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
const passage = (ytext, range) => ytext.toString().slice(range.from, range.to)

test('a passage keeps its words while others type before, inside the edges and after it', () => {
  const [mine, theirs] = peers('Garantir un accès au très haut débit.')
  const ytext = mine.getText('text')
  const from = ytext.toString().indexOf('accès')
  const anchor = anchorsOf(ytext, from, from + 'accès au très haut débit'.length)
  // Someone else types at the very start, right before and right after the passage, then the
  // anchors travel (as base64) to their copy.
  const other = theirs.getText('text')
  other.insert(0, 'Article 1. ')
  other.insert(other.toString().indexOf('accès'), 'égal ')
  other.insert(other.toString().indexOf('.', 15), ' pour tous')
  sync(theirs, mine)
  const range = resolveRange(ytext, anchor)
  assert.equal(passage(ytext, range), 'accès au très haut débit')
  assert.equal(ytext.toString(), 'Article 1. Garantir un égal accès au très haut débit pour tous.')
  assert.deepEqual(resolveRange(other, anchor), range) // the same place in both copies
  assert.equal(passageChanged(ytext, { kind: 'replace', original: 'accès au très haut débit' }, range), false)
})

test('a passage rewritten inside is seen as changed', () => {
  const [doc] = peers('Un accès pour tous.')
  const ytext = doc.getText('text')
  const anchor = anchorsOf(ytext, 3, 8) // "accès"
  ytext.insert(5, 'XX')
  const range = resolveRange(ytext, anchor)
  assert.equal(passage(ytext, range), 'acXXcès')
  assert.equal(passageChanged(ytext, { kind: 'replace', original: 'accès' }, range), true)
  assert.equal(passageChanged(ytext, { kind: 'insert', original: '' }, range), false)
})

test('a passage deleted whole collapses to a point, which reads as changed', () => {
  const [doc] = peers('Un accès pour tous.')
  const ytext = doc.getText('text')
  const anchor = anchorsOf(ytext, 3, 8)
  ytext.delete(2, 7)
  const range = resolveRange(ytext, anchor)
  assert.equal(range.from, range.to)
  assert.equal(passageChanged(ytext, { kind: 'replace', original: 'accès' }, range), true)
})

test('offsets are UTF-16, as CodeMirror\'s: accents and emoji before the passage', () => {
  const [doc] = peers('Élu·es 🇫🇷 : égalité numérique')
  const ytext = doc.getText('text')
  const from = ytext.toString().indexOf('égalité')
  const range = resolveRange(ytext, anchorsOf(ytext, from, from + 7))
  assert.equal(passage(ytext, range), 'égalité')
})

test('anchors this copy cannot read or place are null, not a wrong place', () => {
  const [doc] = peers('abc')
  const ytext = doc.getText('text')
  assert.equal(resolveRange(ytext, { start: 'not base64 !', end: 'xx' }), null)
  const elsewhere = new Y.Doc()
  elsewhere.getText('text').insert(0, 'zzzz')
  const foreign = anchorsOf(elsewhere.getText('text'), 1, 3)
  assert.equal(resolveRange(ytext, foreign), null)
  assert.equal(resolveRange(ytext, null), null)
})

test('a point anchor stays after what precedes it when text is typed there', () => {
  const [doc] = peers('## Axe\n1. Une\n')
  const ytext = doc.getText('text')
  const index = '## Axe\n1. Une'.length
  const anchor = pointAnchor(ytext, index)
  ytext.insert(0, '# Motion\n')
  const range = resolveRange(ytext, anchor)
  assert.equal(range.from, range.to)
  assert.equal(ytext.toString().slice(0, range.from), '# Motion\n## Axe\n1. Une')
})

const MOTION = '# Motion 2026\n\n## Égalité d\'accès\n\n1. Fibre partout\n2. Médiation\n   1. Conseillers\n\n## Inclusion\n\n## Souveraineté\n1. Logiciels libres\n'

test('the axes of a motion, as the outline counts them', () => {
  assert.deepEqual(axesOf(MOTION).map((a) => [a.title, a.proposals]), [['Égalité d\'accès', 2], ['Inclusion', 0], ['Souveraineté', 1]])
  const spans = lineSpans('a\r\nb\u2028c')
  assert.deepEqual(spans, [[0, 1], [3, 4], [5, 6]])
  assert.equal(spans.length, 3)
})

const before = (markdown, axis) => markdown.slice(0, proposalPoint(markdown, axis))

test('a new proposal goes after the last line of its axis that is not blank', () => {
  assert.ok(before(MOTION, 'Égalité d\'accès').endsWith('2. Médiation\n   1. Conseillers'))
  assert.ok(before(MOTION, 'Souveraineté').endsWith('1. Logiciels libres'))
})

test('under an empty axis, right after its heading; no such axis, no place', () => {
  assert.ok(before(MOTION, 'Inclusion').endsWith('## Inclusion'))
  assert.equal(proposalPoint(MOTION, 'Pas un axe'), null)
  assert.equal(before('## Seul\n\n\n', 'Seul'), '## Seul')
})
