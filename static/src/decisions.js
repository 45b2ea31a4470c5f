// The live view of what the congress decides: amendments, votes and the pen, from rooms only the server writes.
//
// `{slug}.decisions` holds three Y.Maps of JSON strings (docs/amendments.md): `amendments` (id →
// Amendment), `votes` (id → Vote as a non-organiser sees it) and `pen` ("state" → Pen). Organisers'
// pages also join `{slug}.tally`, whose map `tallies` has one entry per vote and per server process,
// "{vote}@{process}" → {for, against, abstain, cast}: each process writes the count it read from the
// database after the ballots it took, so a reader keeps, per vote, the entry with the largest `cast`
// (counts only grow while a vote is open). Pages read `decisions.state` and re-render on `change`;
// every action goes through the JSON routes, never through these documents (the server drops what a
// client writes to them).
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { OwnPresenceProvider } from './provider.js'

/**
 * @typedef {{id: number|string, name: string}} Person
 * @typedef {{for: number, against: number, abstain: number}} Counts
 * @typedef {{on: boolean, holders: Person[]}} Pen
 * @typedef {{id: number, kind: 'replace'|'insert', author: Person, status: string, outdated: boolean,
 *   original: string, text: string, reason: string, axis: string, anchor: {start: string, end: string},
 *   supporters: number, created_at: string, decided_at: string|null, decided_by: Person|null,
 *   decision_reason: string, vote_id: number|null}} Amendment
 * @typedef {{id: number, title: string, subject: {kind: string, ref: string}, secret: boolean,
 *   status: 'open'|'closed', opened_at: string, closes_at: string|null, closed_at: string|null,
 *   shown: boolean, eligible: number, cast: number, counts: Counts|null, result: string|null}} Vote
 * @typedef {{for: number|null, against: number|null, abstain: number|null, cast: number}} Tally (null: secret, open)
 * @typedef {{amendments: Amendment[], votes: Vote[], pen: Pen, tallies: Map<string, Tally>, synced: boolean}} DecisionsState
 */

export const NO_PEN = Object.freeze({ on: false, holders: Object.freeze([]) })

/** A map's values parsed from JSON; an entry that is not JSON of an object is left out (and said). */
function parsedValues (ymap) {
  const values = []
  for (const [key, raw] of ymap.entries()) {
    try {
      const value = typeof raw === 'string' ? JSON.parse(raw) : raw
      if (value && typeof value === 'object') values.push([key, value])
    } catch {
      console.warn(`decisions: entry ${key} is not JSON`)
    }
  }
  return values
}

const byCreation = (a, b) => String(a.created_at ?? '').localeCompare(String(b.created_at ?? '')) || Number(a.id) - Number(b.id)

/** @returns {Amendment[]} oldest first */
export function readAmendments (ymap) {
  return parsedValues(ymap).map(([, value]) => value).sort(byCreation)
}

/** @returns {Vote[]} oldest first */
export function readVotes (ymap) {
  return parsedValues(ymap).map(([, value]) => value)
    .sort((a, b) => String(a.opened_at ?? '').localeCompare(String(b.opened_at ?? '')) || Number(a.id) - Number(b.id))
}

/** @returns {Pen} */
export function readPen (ymap) {
  const found = parsedValues(ymap).find(([key]) => key === 'state')
  if (!found) return NO_PEN
  const pen = found[1]
  return { on: Boolean(pen.on), holders: Array.isArray(pen.holders) ? pen.holders : [], version: pen.version }
}

const count = (value) => (Number.isFinite(Number(value)) ? Number(value) : 0)
// A secret vote's tally says only how many voted while it is open: its counts are null.
const hidden = (value) => value === null || value === undefined

/**
 * Per vote id (a string), the count of the process that has seen the most ballots: the entry with
 * the largest `cast` among "{vote}@{process}" keys.
 * @returns {Map<string, Tally>}
 */
export function readTallies (ymap) {
  const best = new Map()
  for (const [key, value] of parsedValues(ymap)) {
    const at = key.indexOf('@')
    const vote = at < 0 ? key : key.slice(0, at)
    const secret = hidden(value.for) || hidden(value.against) || hidden(value.abstain)
    const tally = secret
      ? { for: null, against: null, abstain: null, cast: count(value.cast) }
      : { for: count(value.for), against: count(value.against), abstain: count(value.abstain), cast: count(value.cast) }
    const seen = best.get(vote)
    if (!seen || tally.cast > seen.cast) best.set(vote, tally)
  }
  return best
}

/**
 * The counts to show for `vote`: once closed, the final counts it carries; while open, whichever of
 * its own (shown on the projector) and the organisers' tally has seen more ballots. Null when this
 * page may not know them.
 * @returns {Tally|null}
 */
export function countsOf (vote, tallies) {
  const own = vote.counts ? { ...vote.counts, cast: count(vote.cast) } : null
  if (vote.status === 'closed') return own
  const tally = tallies?.get(String(vote.id)) ?? null
  const live = tally && tally.for !== null ? tally : null
  if (!own) return live
  if (!live) return own
  return live.cast > own.cast ? live : own
}

/** The vote a page shows now: the open one, else none. */
export function openVote (votes) {
  return votes.find((vote) => vote.status === 'open') ?? null
}

/** The vote the projector shows: the newest vote the organisers chose to show. */
export function shownVote (votes) {
  return votes.filter((vote) => vote.shown).at(-1) ?? null
}

/**
 * Is `person` ({id, name} of the decisions: a participant's number) the page's `user` (whose id is
 * the author the server names them by, "participant:42")?
 */
export function isUser (person, user) {
  if (!person || !user) return false
  return String(user.id) === `participant:${person.id}` || String(user.id) === String(person.id)
}

/** May this person write the motion while the pen is on? Organisers and pen-holders may. */
export function holdsPen (pen, user) {
  return !pen.on || user.role === 'organiser' || pen.holders.some((holder) => isUser(holder, user))
}

const version = (value) => (Number.isFinite(Number(value?.version)) ? Number(value.version) : -1)

/**
 * Each entry as the newest of what the room holds now and what this page showed before: two
 * processes writing one key at once may leave the older value in the document for a moment
 * (Yjs keeps one of them) until the server rewrites it; a page never steps back meanwhile.
 */
export function newest (previous, next) {
  if (!previous) return next
  const before = new Map(previous.map((value) => [String(value.id), value]))
  return next.map((value) => {
    const shown = before.get(String(value.id))
    return shown && version(shown) > version(value) ? shown : value
  })
}

/** The state of both documents, parsed; `previous` is the state this page showed before. */
export function readState (decisionsDoc, tallyDoc, synced, previous = null) {
  const pen = readPen(decisionsDoc.getMap('pen'))
  return {
    amendments: newest(previous?.amendments, readAmendments(decisionsDoc.getMap('amendments'))),
    votes: newest(previous?.votes, readVotes(decisionsDoc.getMap('votes'))),
    pen: previous && version(previous.pen) > version(pen) ? previous.pen : pen,
    tallies: tallyDoc ? readTallies(tallyDoc.getMap('tallies')) : new Map(),
    synced
  }
}

/** A socket to a room the page only reads: no presence (nothing to announce), no local copy kept. */
function reader (wsBase, name, doc) {
  const awareness = new Awareness(doc)
  awareness.setLocalState(null)
  return new OwnPresenceProvider(wsBase, name, doc, { awareness, disableBc: true })
}

/**
 * The live decisions of one congress, for one page. `organiser` also joins the tally room.
 * `subscribe(callback)` calls back with the state now and after every change (once for what
 * arrives in one turn of the event loop: a reconnection's sync brings every entry at once).
 */
export class Decisions extends EventTarget {
  constructor ({ wsBase, slug, organiser = false }) {
    super()
    this.doc = new Y.Doc()
    this.tallyDoc = organiser ? new Y.Doc() : null
    this.providers = [reader(wsBase, `${slug}.decisions`, this.doc)]
    if (this.tallyDoc) this.providers.push(reader(wsBase, `${slug}.tally`, this.tallyDoc))
    this.state = readState(this.doc, this.tallyDoc, false)
    this._scheduled = false
    const changed = () => this._schedule()
    this.doc.on('update', changed)
    this.tallyDoc?.on('update', changed)
    this.providers[0].on('sync', (synced) => { if (synced) changed() })
  }

  get synced () {
    return this.providers[0].synced
  }

  subscribe (callback) {
    const listener = () => callback(this.state)
    this.addEventListener('change', listener)
    callback(this.state)
    return () => this.removeEventListener('change', listener)
  }

  /** Re-read now. */
  refresh () {
    this._scheduled = false
    this.state = readState(this.doc, this.tallyDoc, this.synced, this.state)
    this.dispatchEvent(new Event('change'))
  }

  _schedule () {
    if (this._scheduled) return
    this._scheduled = true
    setTimeout(() => { if (this._scheduled) this.refresh() }, 0)
  }

  destroy () {
    for (const provider of this.providers) provider.destroy()
  }
}
