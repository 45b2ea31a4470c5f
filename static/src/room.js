// One live document: its Y.Doc kept in IndexedDB, its socket, and whether local edits are still unsent.
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { notAccepted, serverCopy } from './accepted.js'
import { OwnPresenceProvider } from './provider.js'

const CHANGE_PAUSE = 3000 // ms
const TOO_MANY = 4429 // server/errors.py CloseCode.TOO_MANY: too many tabs, not an access that ended

/**
 * The server never acknowledges an update, so "unsent" means: made while this
 * room was not synced with the server. A reconnection's sync exchange sends
 * all of them at once, so the count drops to zero when the room syncs. The
 * count is kept in localStorage so that a reload while offline still shows it
 * (the edits themselves are in IndexedDB).
 */
export class Room extends EventTarget {
  constructor (wsBase, name) {
    super()
    this.name = name
    this.wsBase = wsBase
    this.doc = new Y.Doc()
    this.local = new IndexeddbPersistence(`ubiquite:${name}`, this.doc)
    this.provider = new OwnPresenceProvider(wsBase, name, this.doc, { connect: navigator.onLine })
    this.awareness = this.provider.awareness
    this.status = navigator.onLine ? 'connecting' : 'offline'
    this.refused = false
    // Why the server takes no edits from this page: '' (it does), 'published', 'observer', 'pen'
    // (the final reading: others hold the pen), 'refused', 'tooMany'.
    this.readOnly = ''
    this._everSynced = false
    this._deniedHere = false // this socket was told it is read-only
    this._unsentKey = `ubiquite:unsent:${name}`
    this.unsent = Number(localStorage.getItem(this._unsentKey) || 0)

    // What a person calls one change: typing a phrase is one, not one per keystroke; edits less
    // than CHANGE_PAUSE apart are counted together.
    this._lastLocalEdit = 0
    this.doc.on('update', (_update, origin) => {
      if (origin === this.provider || origin === this.local) return
      if (this.provider.synced && this.provider.wsconnected) return
      const now = Date.now()
      if (!this.unsent || now - this._lastLocalEdit > CHANGE_PAUSE) this._setUnsent(this.unsent + 1)
      this._lastLocalEdit = now
    })
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this._deniedHere = false
      if (status === 'connected' || !this._everSynced) this.status = 'connecting'
      else this.status = this.provider.shouldConnect ? 'reconnecting' : 'offline'
      this._changed()
    })
    this.provider.on('sync', (synced) => {
      if (synced && this.provider.wsconnected) {
        this.status = 'connected'
        this._everSynced = true
        this._setUnsent(0)
        // A read-only socket is told so before its sync opens: a new socket synced untold may write.
        if (!this._deniedHere) this._becameWritable()
      }
      this._changed()
    })
    // A 44xx close (no valid session, another congress) is final: say so instead of retrying.
    this.provider.on('closed', ({ code }) => {
      this.refused = true
      this.status = 'offline'
      this._becameReadOnly(code === TOO_MANY ? 'tooMany' : 'refused')
    })
    this.provider.on('read-only', (reason) => {
      this._deniedHere = true
      this._becameReadOnly(reason || 'read-only')
    })
    this.provider.on('writable', () => this._becameWritable())
    // The browser knows before the socket does: stop retrying while offline, resume at once after.
    window.addEventListener('offline', () => {
      this.provider.disconnect()
      this.status = 'offline'
      this._changed()
    })
    window.addEventListener('online', () => {
      if (!this.refused) this.provider.connect()
    })
  }

  whenLoaded () {
    return this.local.whenSynced
  }

  /**
   * What this browser holds that the server refused (null: nothing). Asks the server for its copy;
   * with no server to ask (access ended), whatever was made here while unsynced.
   */
  async notAccepted () {
    if (this.refused) {
      if (!this.unsent) return null
      const text = this.doc.getText('text').toString()
      return text || notAccepted(this.doc, new Y.Doc())
    }
    return notAccepted(this.doc, await serverCopy(this.wsBase, this.name))
  }

  /** Drop this browser's copy (IndexedDB and the unsent count): the server's is the document. */
  async forgetLocal () {
    this._setUnsent(0)
    await this.local.clearData()
  }

  /**
   * Reconnect, so that the server says again whether it takes this page's edits: the page's way to
   * check when the decisions say the pen was put down but no socket message said so.
   */
  reconnect () {
    this.provider.disconnect()
    this.provider.connect()
  }

  /** The server takes this page's edits again: told so on the socket, or a new one was not refused. */
  _becameWritable () {
    if (!this.readOnly || this.refused) return
    this.readOnly = ''
    this._changed()
    this.dispatchEvent(new Event('writable'))
  }

  _becameReadOnly (reason) {
    const first = !this.readOnly
    this.readOnly = reason
    this._changed()
    if (first) this.dispatchEvent(new Event('read-only'))
  }

  _setUnsent (n) {
    this.unsent = n
    if (n) localStorage.setItem(this._unsentKey, String(n))
    else localStorage.removeItem(this._unsentKey)
    this._changed()
  }

  _changed () {
    this.dispatchEvent(new Event('change'))
  }
}
