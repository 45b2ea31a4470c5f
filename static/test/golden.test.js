// The browser's ports against Python: the golden fixtures of tests/golden/ (written by
// tests/golden/make_golden.py with pycrdt) applied to a Y.Doc, read by the JavaScript ports.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import * as Y from 'yjs'

import { NODES, buildTree, toOutline } from '../src/mindmap/tree.js'
import { outline } from '../src/motion/outline.js'
import { applyMerge, mergeOutline } from '../src/motion/merge.js'
import { splitWords, stripStart } from '../src/pytext.js'

const golden = (name) =>
  JSON.parse(readFileSync(new URL(`../../tests/golden/${name}.json`, import.meta.url), 'utf8')).cases

function docOf (updates) {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, Buffer.from(update, 'base64'))
  return doc
}

for (const fixture of golden('mindmaps')) {
  test(`mind map "${fixture.name}": the same tree and outline as Python`, () => {
    const tree = buildTree(docOf(fixture.updates).getMap(NODES))
    assert.deepEqual(tree, fixture.tree)
    assert.equal(toOutline(tree), fixture.outline)
    for (const [branch, expected] of Object.entries(fixture.branch_outlines)) {
      assert.equal(toOutline(tree, branch), expected, `the outline of branch ${branch}`)
    }
  })
}

for (const fixture of golden('motions')) {
  test(`motion "${fixture.name}": the same text and outline as Python`, () => {
    const text = docOf(fixture.updates).getText('text').toString()
    assert.equal(text, fixture.text)
    assert.deepEqual(outline(text), fixture.outline)
  })
}

for (const fixture of golden('merges')) {
  test(`merge "${fixture.name}": the same insertions, preview and text as Python`, () => {
    const tree = buildTree(docOf(fixture.updates).getMap(NODES))
    const merge = mergeOutline(fixture.motion, tree, fixture.branch)
    assert.equal(applyMerge(fixture.motion, merge), fixture.merged)
    assert.deepEqual(merge.insertions.map((insertion) => insertion.text), fixture.inserted)
    assert.deepEqual(merge.additions, fixture.additions)
    assert.deepEqual(merge.kept, fixture.kept)
    assert.equal(merge.empty, fixture.inserted.length === 0)
    // Merging again adds nothing: every entry of the map is now found in the motion.
    assert.ok(mergeOutline(fixture.merged, tree, fixture.branch).empty, 'a second merge adds nothing')
  })
}

test('the fixtures are there and not empty', () => {
  assert.ok(golden('mindmaps').length >= 5)
  assert.ok(golden('motions').length >= 5)
  assert.ok(golden('merges').length >= 5)
})

const characters = JSON.parse(readFileSync(new URL('../../tests/golden/characters.json', import.meta.url), 'utf8'))

test('every character is whitespace to the ports exactly when it is to Python', () => {
  const python = new Set(characters.whitespace)
  const ours = []
  for (let code = 0; code < 0x110000; code++) {
    if (code >= 0xd800 && code < 0xe000) continue // lone surrogates are not characters
    const c = String.fromCodePoint(code)
    if (splitWords(`a${c}b`).length === 2) ours.push(code)
    assert.equal(stripStart(`${c}x`) === 'x', python.has(code), `U+${code.toString(16)} stripped`)
  }
  assert.deepEqual(ours, characters.whitespace)
})

test('a motion item is numbered with any digit Python\'s \\d takes, and only those', () => {
  const python = new Set(characters.bmp_digits)
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code < 0xe000) continue
    const [axis] = outline(`## Axe\n${String.fromCodePoint(code)}. Proposition`)
    assert.equal(axis.children.length === 1, python.has(code), `U+${code.toString(16)} as a digit`)
  }
})
