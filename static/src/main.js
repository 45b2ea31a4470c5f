// The browser client's entry point: read the page's configuration, connect its rooms, draw the page.
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

/** The banner that says why the page takes no edits, with what was not accepted, to copy. */
function readOnlyBanner (banner, config, rooms) {
  const reasons = rooms.map((room) => room.readOnly).filter(Boolean)
  const reason = config.frozen ? 'published' : reasons.find((r) => r !== 'observer') || reasons[0]
  const lost = rooms.map((room) => sessionStorage.getItem(LOST(room.name))).filter(Boolean)
  if (!reason && !lost.length) return
  const why = document.createElement('p')
  why.textContent = t({ published: 'frozenPublished', observer: 'frozenObserver', refused: 'frozenRefused', tooMany: 'frozenTooMany' }[reason] || 'frozenOther')
  banner.replaceChildren(why)
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
    })
    banner.append(label, forget)
  }
  banner.hidden = false
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
  document.body.replaceChildren(skips, header(config, status), banner, layout)

  PAGES[config.page](main, { rooms, presence, writable, config, addSkip })
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
    if (writable) {
      writable = false
      main.replaceChildren()
      for (const own of skips.querySelectorAll('.page-skip')) own.remove()
      PAGES[config.page](main, { rooms, presence, writable, config, addSkip })
    }
    readOnlyBanner(banner, config, both)
  }
  for (const room of both) room.addEventListener('read-only', () => stopWriting(room))
  // For the console and the browser tests: the live documents of this page.
  window.ubiquite = { config, rooms, offlineReady: keepForOffline(assets) }
}

start()
