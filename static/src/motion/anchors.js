// Where an amendment sits in the motion: Yjs relative positions, as base64 bytes on the wire.
//
// A relative position names a character of the Y.Text (its Yjs item), not an offset, so it stays on
// its passage however much others type before it. The server resolves the same bytes with pycrdt
// (StickyIndex) in UTF-8; the browser in UTF-16 code units, which are CodeMirror's offsets too.
// A passage [from, to) is anchored by its first character (start, associated to the right) and its
// last one (end, associated to the left): text typed just before or just after it stays outside.
import * as Y from 'yjs'
import { fromBase64, toBase64 } from 'lib0/buffer'

const encode = (relative) => toBase64(Y.encodeRelativePosition(relative))

/** The anchors of the passage [from, to) of `ytext`. */
export function anchorsOf (ytext, from, to) {
  return {
    start: encode(Y.createRelativePositionFromTypeIndex(ytext, from, 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(ytext, to, -1))
  }
}

/** The anchor of a point where text will be inserted, sticking to what comes before it. */
export function pointAnchor (ytext, index) {
  const anchor = encode(Y.createRelativePositionFromTypeIndex(ytext, index, -1))
  return { start: anchor, end: anchor }
}

/** An anchor's offset in `ytext` now, or null (bytes we cannot read, or naming what this copy lacks). */
export function resolveAnchor (ytext, base64) {
  try {
    const absolute = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(base64)), ytext.doc)
    return absolute && absolute.type === ytext ? absolute.index : null
  } catch {
    return null
  }
}

/** Where an amendment's passage is now: {from, to}, or null when this copy cannot place it. */
export function resolveRange (ytext, anchor) {
  if (!anchor) return null
  const from = resolveAnchor(ytext, anchor.start)
  const to = resolveAnchor(ytext, anchor.end)
  if (from === null || to === null) return null
  return { from, to: Math.max(from, to) }
}

/**
 * Does the passage still read as it did when it was proposed? A replacement whose text was
 * rewritten since must not be applied, nor shown as if it still fitted.
 */
export function passageChanged (ytext, amendment, range) {
  if (amendment.kind !== 'replace') return false
  if (range === null) return true
  return ytext.toString().slice(range.from, range.to) !== amendment.original
}
