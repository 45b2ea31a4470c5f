// The browser client's entry point: read the page's configuration, connect its rooms, draw the page.
import './mindmap/map.css' // first: where the map's rules stood in style.css, before what overrides them
import './style.css'
import { canWrite, readConfig } from './config.js'
import { setLanguage, t } from './i18n.js'
import { mindmapPage } from './mindmap/page.js'
import { motionPage } from './motion/page.js'
import { Presence, showPresence } from './presence.js'
import { projectorPage } from './projector.js'
import { Room } from './room.js'
import { showStatus } from './status.js'
import { keepForOffline } from './offline.js'
import { Decisions, holdsPen } from './decisions.js'
import { penNotice } from './pen-notice.js'
import { votePanel } from './votes-panel.js'
import { decisionsCall } from './refusals.js'

const PAGES = { motion: motionPage, mindmap: mindmapPage, projector: projectorPage }

function link (href, text, current) {
  const a = document.createElement('a')
  a.href = href
  a.textContent = text
  if (current) a.setAttribute('aria-current', 'page')
  return a
}

function header (config, status) {
  const top = document.createElement('header')
  top.className = 'top'
  const title = document.createElement('p')
  title.className = 'congress'
  title.textContent = config.congress.title
  const nav = document.createElement('nav')
  nav.setAttribute('aria-label', t('mainNav'))
  nav.append(
    link(config.urls.motion, t('motion'), config.page === 'motion'),
    link(config.urls.mindmap, t('mindmap'), config.page === 'mindmap'),
    link(config.urls.projector, t('projector'), config.page === 'projector')
  )
  if (config.organiserUrl) nav.append(link(config.organiserUrl, t('organiserPage'), false))
  const other = new URL(location.href)
  other.searchParams.set('lang', t('otherLanguageCode'))
  const switcher = link(other.pathname + other.search, t('otherLanguage'), false)
  switcher.lang = t('otherLanguageCode')
  switcher.className = 'language'
  top.append(title, nav, status, switcher)
  return top
}

const LOST = (room) => `ubiquite:lost:${room}`
const PEN_RECHECK = 10000 // ms
const NOTE_SHOWN = 12000 // ms

/** The banner that says why the page takes no edits, with what was not accepted, to copy. */
function readOnlyBanner (banner, config, rooms) {
  const reasons = rooms.map((room) => room.readOnly).filter(Boolean)
  const reason = config.frozen ? 'published' : reasons.find((r) => r !== 'observer') || reasons[0]
  const lost = rooms.map((room) => sessionStorage.getItem(LOST(room.name))).filter(Boolean)
  if (!reason && !lost.length) {
    banner.hidden = true // writable again (the pen was put down)
    return
  }
  const why = document.createElement('p')
  why.textContent = t({ published: 'frozenPublished', observer: 'frozenObserver', refused: 'frozenRefused', tooMany: 'frozenTooMany', pen: 'frozenPen' }[reason] || 'frozenOther')
  banner.replaceChildren(...(reason ? [why] : [])) // writable again, with words not accepted before
  if (lost.length) {
    const label = document.createElement('label')
    label.textContent = t('notAccepted')
    const copy = document.createElement('textarea')
    copy.readOnly = true
    copy.className = 'not-accepted'
    copy.value = lost.join('\n\n')
    copy.rows = Math.min(12, copy.value.split('\n').length + 1)
    label.append(copy)
    // Kept for this tab until the person says they have it (a reload keeps showing it).
    const forget = document.createElement('button')
    forget.type = 'button'
    forget.textContent = t('notAcceptedDone')
    forget.addEventListener('click', () => {
      for (const room of rooms) sessionStorage.removeItem(LOST(room.name))
      label.remove()
      forget.remove()
      banner.hidden = !banner.firstChild
    })
    banner.append(label, forget)
  }
  banner.hidden = false
}

/**
 * Above the page, on the pages where people write: the open vote, who holds the pen, and a line
 * where the page says what the server answered to an action.
 */
function decisionsBar (config, decisions) {
  if (config.page === 'projector') return null
  const element = document.createElement('div')
  element.className = 'decisions-bar'
  const note = document.createElement('p')
  note.className = 'decisions-note'
  note.setAttribute('role', 'status')
  const pen = penNotice({ decisions, user: config.user })
  const vote = votePanel({ decisions, user: config.user, call: decisionsCall(config.congress.slug) })
  element.append(pen.element, vote.element, note)
  let fade = null
  // Said for a while, then gone: a sentence about an earlier action must not read as about the next.
  const say = (text) => {
    note.textContent = text
    clearTimeout(fade)
    fade = setTimeout(() => { note.textContent = '' }, NOTE_SHOWN)
  }
  return { element, say }
}

function start () {
  const config = readConfig()
  const assets = [...document.querySelectorAll('script[src], link[rel=stylesheet]')].map((el) => el.src || el.href)
  setLanguage(config.lang)
  let writable = canWrite(config) && config.page !== 'projector' && !config.frozen
  const rooms = {
    motion: new Room(config.wsBase, config.rooms.motion),
    mindmap: new Room(config.wsBase, config.rooms.mindmap)
  }
  const both = [rooms.motion, rooms.mindmap]
  const presence = new Presence(config, both, config.page)

  const status = document.createElement('p')
  status.className = 'connection'
  status.setAttribute('role', 'status')
  showStatus(status, both, { readOnly: !canWrite(config) || config.frozen })
  const main = document.createElement('main')
  main.id = 'main'
  main.tabIndex = -1
  const aside = document.createElement('aside')
  aside.className = 'presence'
  aside.setAttribute('aria-label', t('present'))
  showPresence(aside, presence)
  const skip = link('#main', t('skip'), false)
  skip.className = 'skip'
  // A page may add its own skip links after this one (the motion: straight into the editor).
  const skips = document.createElement('div')
  skips.className = 'skips'
  skips.append(skip)
  const addSkip = (text, onActivate) => {
    const own = link('#main', text, false)
    own.className = 'skip page-skip'
    own.addEventListener('click', (event) => {
      event.preventDefault()
      onActivate()
    })
    skips.append(own)
  }
  const layout = document.createElement('div')
  layout.className = 'layout'
  layout.append(main, aside)
  document.body.classList.add(`page-${config.page}`, `role-${config.user.role}`)
  const banner = document.createElement('div')
  banner.className = 'read-only-banner'
  banner.setAttribute('role', 'alert')
  banner.hidden = true
  // What the congress decides (amendments, votes, the pen): a room only the server writes.
  const decisions = new Decisions({ wsBase: config.wsBase, slug: config.congress.slug, organiser: config.user.role === 'organiser' })
  const bar = decisionsBar(config, decisions)
  document.body.replaceChildren(skips, header(config, status), banner, ...(bar ? [bar.element] : []), layout)

  const draw = () => PAGES[config.page](main, { rooms, presence, writable, config, decisions, say: bar ? bar.say : () => {}, addSkip })
  let page = draw()
  const redraw = () => {
    page?.destroy?.()
    main.replaceChildren()
    for (const own of skips.querySelectorAll('.page-skip')) own.remove()
    page = draw()
  }
  readOnlyBanner(banner, config, both)

  // The server stopped taking this page's edits (the motion is published, the person became an
  // observer, their access ended): never keep as accepted what it dropped. If this browser's copy
  // differs from the server's, keep the difference for the person to copy, forget the local copy
  // and reload from the server; otherwise redraw the page read-only. Either way, say why.
  // A page drawn read-only with nothing unsent (an observer's, a page opened after publication)
  // offered no way to type: nothing to compare, no second socket.
  const stopWriting = async (room) => {
    let lost = null
    try {
      if (writable || room.unsent) lost = await room.notAccepted()
    } catch (error) {
      console.warn('could not compare with the server copy:', error)
    }
    if (lost !== null) {
      const earlier = sessionStorage.getItem(LOST(room.name))
      sessionStorage.setItem(LOST(room.name), earlier ? `${earlier}\n\n${lost}` : lost)
      await room.forgetLocal()
      if (!room.refused) {
        location.reload()
        return
      }
    }
    // The pen makes only the motion read-only: the mind map page keeps its map open.
    if (writable && (room.readOnly !== 'pen' || config.page === 'motion')) {
      writable = false
      redraw()
    }
    readOnlyBanner(banner, config, both)
  }
  for (const room of both) room.addEventListener('read-only', () => stopWriting(room))

  // The server takes this page's edits again (the pen was put down or given to this person, the
  // publication withdrawn): it says so on the socket, and the page is drawn writable again.
  const startWriting = () => {
    if (both.some((room) => room.readOnly)) return
    config.frozen = false
    if (!writable && canWrite(config) && config.page !== 'projector') {
      writable = true
      redraw()
    }
    readOnlyBanner(banner, config, both)
  }
  for (const room of both) room.addEventListener('writable', startWriting)
  // Should that message be lost while the decisions say this person may write, a new socket asks.
  let recheck = null
  decisions.subscribe(({ pen }) => {
    clearTimeout(recheck)
    if (rooms.motion.readOnly === 'pen' && holdsPen(pen, config.user)) {
      recheck = setTimeout(() => { if (rooms.motion.readOnly === 'pen') rooms.motion.reconnect() }, PEN_RECHECK)
    }
  })

  // For the console and the browser tests: the live documents of this page.
  window.ubiquite = { config, rooms, decisions, offlineReady: keepForOffline(assets) }
}

start()
