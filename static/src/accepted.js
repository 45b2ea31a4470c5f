// What of this browser's copy of a document the server did not accept (docs/congress-day.md).
//
// The server drops the edits of a read-only connection without a word, so once a
// room learns it is read-only the only way to know whether something typed here
// was lost is to ask for the server's copy and compare. Yjs gives no per-edit
// acknowledgement, and a state vector misses deletions, so the comparison is of
// contents: every root type's JSON.
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'

function sameType (doc, name, like) {
  if (like instanceof Y.Text) return doc.getText(name)
  if (like instanceof Y.Array) return doc.getArray(name)
  if (like instanceof Y.XmlFragment) return doc.getXmlFragment(name)
  if (like instanceof Y.Map) return doc.getMap(name)
  return null // a root this page never opened: nothing of it can have been typed here
}

function strings (value, into = new Set()) {
  if (typeof value === 'string') into.add(value)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, into)
  return into
}

/**
 * What `local` holds that `server` does not, as text a person can copy: a text root whole, and
 * for maps and arrays the strings (labels) missing from the server's copy. Null when both agree.
 */
export function notAccepted (local, server) {
  const parts = []
  for (const [name, type] of local.share) {
    const theirs = sameType(server, name, type)
    if (theirs === null) continue
    const mine = type.toJSON()
    if (JSON.stringify(mine) === JSON.stringify(theirs.toJSON())) continue
    if (type instanceof Y.Text) parts.push(String(mine))
    else {
      const known = strings(theirs.toJSON())
      parts.push(...[...strings(mine)].filter((s) => !known.has(s) && s.trim()))
    }
  }
  return parts.length ? parts.join('\n') : null
}

/** The server's copy of `room`, through a second socket that announces no presence and sends nothing. */
export function serverCopy (wsBase, room, timeout = 8000) {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  awareness.setLocalState(null)
  const probe = new WebsocketProvider(wsBase, room, doc, { awareness, disableBc: true })
  return new Promise((resolve, reject) => {
    const done = (result) => {
      clearTimeout(timer)
      probe.destroy()
      awareness.destroy()
      if (result) resolve(doc)
      else reject(new Error(`no copy of ${room} from the server`))
    }
    const timer = setTimeout(() => done(false), timeout)
    probe.on('sync', (synced) => { if (synced) done(true) })
    probe.on('closed', () => done(false))
  })
}
