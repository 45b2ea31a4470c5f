// The stock y-websocket provider, except that it only ever sends this browser's own presence, and
// that it says when the server takes no more edits from this page.
//
// The stock provider re-sends every awareness change it receives, including
// other people's entries: with N people that is N² frames for nothing, since
// the server only accepts from a connection the entry it owns anyway
// (crdt/awareness.py). The server tells a read-only connection so with the
// auth message "permission denied" and a reason ("published", "observer"),
// first on a new connection and at once when a phase change freezes an open one
// (server/auth/sockets.py); the stock provider only logs it, this one emits
// `read-only` with the reason. When the server takes its edits again (the pen was
// put down, issue 15) it sends the auth type 1, which y-protocols does not define and
// the stock provider ignores: this one emits `writable` with the reason that ended.
// Everything else (sync, reconnection with back-off, 44xx closes being final) is the
// stock behaviour.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { encodeAwarenessUpdate } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'

const MESSAGE_AWARENESS = 1
const MESSAGE_AUTH = 2
const PERMISSION_DENIED = 0
const PERMISSION_GRANTED = 1 // ours, not y-protocols': the socket may write again (crdt/protocol.py)

export class OwnPresenceProvider extends WebsocketProvider {
  constructor (serverUrl, room, doc, options) {
    super(serverUrl, room, doc, options)
    this.awareness.off('update', this._awarenessUpdateHandler)
    this._awarenessUpdateHandler = ({ added, updated, removed }) => {
      const own = this.doc.clientID
      if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.awareness, [own]))
      const message = encoding.toUint8Array(encoder)
      if (this.wsconnected) this.ws.send(message)
    }
    this.awareness.on('update', this._awarenessUpdateHandler)
    this.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder, provider) => {
      const kind = decoding.readVarUint(decoder)
      if (kind === PERMISSION_DENIED) provider.emit('read-only', [decoding.readVarString(decoder)])
      else if (kind === PERMISSION_GRANTED) provider.emit('writable', [decoding.readVarString(decoder)])
    }
  }
}
