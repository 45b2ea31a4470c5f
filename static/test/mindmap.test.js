// The mind map's pure parts without a browser: search, who is on which node, and undo of one's own edits.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as Y from 'yjs'

import { MapHistory } from '../src/mindmap/history.js'
import { addNode, ensureRoot, nodesMap, rename } from '../src/mindmap/ops.js'
import { initials, peopleOnNodes } from '../src/mindmap/presence-marks.js'
import { folded, searchNodes } from '../src/mindmap/search.js'
import { ROOT_ID, buildTree } from '../src/mindmap/tree.js'

function map () {
  const doc = new Y.Doc()
  ensureRoot(doc, 'Congrès')
  const axis = addNode(doc, ROOT_ID, 'Éducation populaire')
  const proposal = addNode(doc, axis, 'Des ateliers dans chaque école')
  addNode(doc, proposal, 'Former les secrétaires de mairie aux rançongiciels')
  addNode(doc, ROOT_ID, 'Écoles et collèges')
  return doc
}

test('search finds a node by the starts of its words, in any order, without case or accents', () => {
  const tree = buildTree(nodesMap(map()))
  const { total, results } = searchNodes(tree, 'MAIRIE ranç')
  assert.equal(total, 1)
  assert.equal(results[0].label, 'Former les secrétaires de mairie aux rançongiciels')
  assert.deepEqual(results[0].path, ['Éducation populaire', 'Des ateliers dans chaque école'])
  assert.equal(searchNodes(tree, 'airie').total, 0) // the start of a word, not its middle
  assert.equal(searchNodes(tree, '   ').total, 0)
  // A label that starts with the words comes first, then the shallower.
  assert.deepEqual(searchNodes(tree, 'ecole').results.map((r) => r.label), ['Écoles et collèges', 'Des ateliers dans chaque école'])
  assert.equal(folded('Éducation, populaire !'), 'education populaire')
})

test('who is on which node: one entry per person, never oneself, only from the map page', () => {
  const alice = { id: 'participant:1', name: 'Alice Martin', color: '#1565c0' }
  const bruno = { id: 'participant:2', name: 'Bruno Diallo', color: '#b3261e' }
  const here = peopleOnNodes([
    { user: alice, page: 'mindmap', mapNode: 'n1' },
    { user: alice, page: 'mindmap', mapNode: 'n2' }, // a second tab of hers: shown once
    { user: bruno, page: 'mindmap', mapNode: 'n1' },
    { user: { id: 'participant:3', name: 'Chloé' }, page: 'motion', mapNode: 'n1' },
    { user: { id: 'me', name: 'Moi' }, page: 'mindmap', mapNode: 'n1' },
    null
  ], 'me')
  assert.deepEqual([...here.keys()], ['n1'])
  assert.deepEqual(here.get('n1').map((u) => u.name), ['Alice Martin', 'Bruno Diallo'])
  assert.equal(initials('Bruno Diallo'), 'BD')
  assert.equal(initials('Jean-Marc Éluard Dupont'), 'JM')
  assert.equal(initials('Aïcha'), 'A')
  assert.equal(initials(''), '?')
})

test('undo takes back this page\'s own edit, never what arrived from someone else', () => {
  const mine = map()
  const theirs = new Y.Doc()
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine))
  const history = new MapHistory(mine)
  const added = history.edit(() => addNode(mine, ROOT_ID, 'Idée d’Alice'))
  history.edit(() => rename(mine, added, 'Idée d’Alice, renommée'))
  // Someone else's concurrent edit arrives from the server.
  const axis = [...nodesMap(theirs).entries()].find(([, n]) => n.get('label') === 'Écoles et collèges')[0]
  rename(theirs, axis, 'Écoles, collèges et lycées')
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)), 'provider')
  const labels = () => buildTree(nodesMap(mine)).children.map((n) => n.label)

  assert.ok(history.undo()) // the rename, one step
  assert.deepEqual(labels(), ['Éducation populaire', 'Écoles, collèges et lycées', 'Idée d’Alice'])
  assert.ok(history.undo()) // the creation
  assert.deepEqual(labels(), ['Éducation populaire', 'Écoles, collèges et lycées'])
  assert.equal(history.undo(), false) // nothing of theirs to undo
  assert.ok(history.redo())
  assert.deepEqual(labels(), ['Éducation populaire', 'Écoles, collèges et lycées', 'Idée d’Alice'])
})

test('a fresh node\'s first name belongs to its creation, and dropping it leaves nothing to redo', () => {
  const doc = map()
  const history = new MapHistory(doc)
  const id = history.edit(() => addNode(doc, ROOT_ID, 'Nouvelle idée'))
  history.edit(() => rename(doc, id, 'Numérique responsable'), { step: false })
  assert.ok(history.undo())
  assert.equal(nodesMap(doc).has(id), false) // one step took back both
  const fresh = history.edit(() => addNode(doc, ROOT_ID, 'Nouvelle idée'))
  const step = history.last
  assert.ok(history.drop(step))
  assert.equal(nodesMap(doc).has(fresh), false)
  assert.equal(history.canRedo, false)
  // A step that is no longer the last is never dropped in another's place.
  const first = history.edit(() => addNode(doc, ROOT_ID, 'Première'))
  const kept = history.last
  history.edit(() => rename(doc, first, 'Première, renommée'))
  assert.equal(history.drop(kept), false)
  assert.equal(nodesMap(doc).get(first).get('label'), 'Première, renommée')
})
