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

function start () {
  const config = readConfig()
  const assets = [...document.querySelectorAll('script[src], link[rel=stylesheet]')].map((el) => el.src || el.href)
  setLanguage(config.lang)
  const writable = canWrite(config) && config.page !== 'projector'
  const rooms = {
    motion: new Room(config.wsBase, config.rooms.motion),
    mindmap: new Room(config.wsBase, config.rooms.mindmap)
  }
  const both = [rooms.motion, rooms.mindmap]
  const presence = new Presence(config, both, config.page)

  const status = document.createElement('p')
  status.className = 'connection'
  status.setAttribute('role', 'status')
  showStatus(status, both, { readOnly: !canWrite(config) })
  const main = document.createElement('main')
  main.id = 'main'
  main.tabIndex = -1
  const aside = document.createElement('aside')
  aside.className = 'presence'
  aside.setAttribute('aria-label', t('present'))
  showPresence(aside, presence)
  const skip = link('#main', t('skip'), false)
  skip.className = 'skip'
  const layout = document.createElement('div')
  layout.className = 'layout'
  layout.append(main, aside)
  document.body.classList.add(`page-${config.page}`, `role-${config.user.role}`)
  document.body.replaceChildren(skip, header(config, status), layout)

  PAGES[config.page](main, { rooms, presence, writable, config })
  // For the console and the browser tests: the live documents of this page.
  window.ubiquite = { config, rooms, offlineReady: keepForOffline(assets) }
}

start()
