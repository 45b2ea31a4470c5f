// The motion's formatting commands (src/motion/format.js) on a CodeMirror state, without a browser.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { EditorSelection, EditorState } from '@codemirror/state'

import { formatState, toggleAxis, toggleBold, toggleLever, toggleList, toggleProposal } from '../src/motion/format.js'
import { outline } from '../src/motion/outline.js'

/** A state whose selection is marked in the text: `[` anchor, `]` head, or `|` a cursor. */
function stateOf (marked) {
  const cursor = marked.indexOf('|')
  if (cursor >= 0) return EditorState.create({ doc: marked.replace('|', ''), selection: { anchor: cursor } })
  const from = marked.indexOf('[')
  const to = marked.indexOf(']') - 1
  return EditorState.create({ doc: marked.replace('[', '').replace(']', ''), selection: EditorSelection.single(from, to) })
}

const run = (command, marked) => {
  const state = stateOf(marked)
  return state.update(command(state)).state
}
const text = (command, marked) => run(command, marked).doc.toString()

test('Axe makes the line a ## heading, and takes it off again', () => {
  assert.equal(text(toggleAxis, 'Intro\nInclus|ion\n'), 'Intro\n## Inclusion\n')
  assert.equal(text(toggleAxis, '## Inclus|ion\n'), 'Inclusion\n')
  assert.equal(text(toggleAxis, '1. Une propo|sition\n'), '## Une proposition\n') // its number goes
  assert.equal(text(toggleAxis, '|'), '## ')
  assert.equal(run(toggleAxis, '|').selection.main.head, 3) // the cursor after the marks, to type
})

test('Proposition numbers the line after the proposals of its axis', () => {
  const motion = '## A\n\n1. Un\n2. Deux\nTrois|\n\n## B\n\nQuatre\n'
  const after = text(toggleProposal, motion)
  assert.equal(after, '## A\n\n1. Un\n2. Deux\n3. Trois\n\n## B\n\nQuatre\n')
  assert.deepEqual(outline(after)[0].children.map((p) => p.title), ['Un', 'Deux', 'Trois'])
  assert.equal(text(toggleProposal, '## A\n1. Un|\n'), '## A\nUn\n') // on a proposal: off
  // Several lines at once, blank lines left alone.
  assert.equal(text(toggleProposal, '## A\n[Un\n\nDeux]\n'), '## A\n1. Un\n\n2. Deux\n')
})

test('Levier nests the line under the proposal above it, aligned on its text', () => {
  const after = text(toggleLever, '## A\n10. Former\n    1. Budget\nCalendrier|\n')
  assert.equal(after, '## A\n10. Former\n    1. Budget\n    2. Calendrier\n')
  assert.deepEqual(outline(after)[0].children[0].children.map((l) => l.title), ['Budget', 'Calendrier'])
  // No proposal above: a lever would have nothing to hang from, so it becomes a proposal.
  assert.equal(text(toggleLever, '## A\nSeul|\n'), '## A\n1. Seul\n')
  // On a lever: back to a proposal.
  assert.equal(text(toggleLever, '## A\n1. Un\n   1. Le|vier\n'), '## A\n1. Un\n2. Levier\n')
})

test('Gras wraps the selection or the word at the cursor, and unwraps it', () => {
  assert.equal(text(toggleBold, 'Un [mot] ici'), 'Un **mot** ici')
  assert.equal(text(toggleBold, 'Un m|ot ici'), 'Un **mot** ici')
  assert.equal(text(toggleBold, 'Un **[mot]** ici'), 'Un mot ici')
  assert.equal(text(toggleBold, 'Un [**mot**] ici'), 'Un mot ici')
  const empty = run(toggleBold, 'Fin. |')
  assert.equal(empty.doc.toString(), 'Fin. ****')
  assert.equal(empty.selection.main.head, 7) // between the stars, to type in bold
})

test('Liste makes bullets (outside the outline) and takes them off', () => {
  assert.equal(text(toggleList, '[Un\nDeux]'), '- Un\n- Deux')
  assert.equal(text(toggleList, '- Un|'), 'Un')
  assert.equal(text(toggleList, '## A\n1. Un|'), '## A\n- Un')
})

test('formatState says which buttons are pressed for the selection', () => {
  assert.deepEqual(formatState(stateOf('## A|\n1. Un\n')), { axis: true, proposal: false, lever: false, list: false, bold: false })
  assert.equal(formatState(stateOf('## A\n1. U|n\n')).proposal, true)
  assert.equal(formatState(stateOf('## A\n1. Un\n   1. L|e\n')).lever, true)
  assert.equal(formatState(stateOf('- U|n\n')).list, true)
  assert.equal(formatState(stateOf('Un **m|ot** ici')).bold, true)
  assert.equal(formatState(stateOf('Un **mot** i|ci')).bold, false)
  assert.equal(formatState(stateOf('[## A\nTexte]')).axis, false) // not every line is an axis
})
