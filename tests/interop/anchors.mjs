// Relative positions made by the real Yjs (the browser's), for tests/test_anchors.py.
//
// Usage: node anchors.mjs SEED
// Three Yjs documents edit one Y.Text concurrently, typing runs character by
// character (as a person does, so items grow long), deleting, pasting accents,
// emoji and CJK; now and then one of them anchors a position with
// Y.createRelativePositionFromTypeIndex. At the end, after a full sync, every
// anchor is resolved by Yjs against the final text.
// stdout: one JSON object {update, text, anchors: [{rp, index16, assoc}]}.
import * as Y from 'yjs'

let seed = Number(process.argv[2] ?? 1)
function rnd (n) {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
}
const alphabet = ['a', 'b', 'c', ' ', 'é', 'è', '😀', 'œ', '\n', 'Z', '«', '中', '👩‍💻', '.']
const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
docs.forEach((d, i) => { d.clientID = 1000 + 7 * i })
const sync = () => {
  for (const a of docs) {
    for (const b of docs) {
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    }
  }
}
// A position between two UTF-16 units of one character is not one a browser makes.
function boundary (str, index) {
  const code = str.charCodeAt(index)
  return index > 0 && index < str.length && code >= 0xDC00 && code <= 0xDFFF ? index - 1 : index
}
const anchors = []
for (let step = 0; step < 300; step++) {
  const doc = docs[rnd(docs.length)]
  const text = doc.getText('text')
  const op = rnd(10)
  if (op < 5 || text.length < 10) {
    let at = boundary(text.toString(), rnd(text.length + 1))
    const run = 1 + rnd(12)
    for (let i = 0; i < run; i++) {
      const char = alphabet[rnd(alphabet.length)]
      text.insert(at, char)
      at += char.length
    }
  } else if (op < 7) {
    const str = text.toString()
    const at = boundary(str, rnd(str.length))
    const end = boundary(str, Math.min(str.length, at + 1 + rnd(5)))
    if (end > at) text.delete(at, end - at)
  } else {
    const str = text.toString()
    const index = boundary(str, rnd(str.length + 1))
    const assoc = rnd(2) === 0 ? 0 : -1
    const rp = Y.createRelativePositionFromTypeIndex(text, index, assoc)
    anchors.push({ rp, assoc })
  }
  if (rnd(5) === 0) sync()
}
sync()
const final = docs[0]
console.log(JSON.stringify({
  update: Buffer.from(Y.encodeStateAsUpdate(final)).toString('base64'),
  text: final.getText('text').toString(),
  anchors: anchors.map(({ rp, assoc }) => ({
    rp: Buffer.from(Y.encodeRelativePosition(rp)).toString('base64'),
    index16: Y.createAbsolutePositionFromRelativePosition(rp, final).index,
    assoc
  }))
}))
