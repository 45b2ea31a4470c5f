// The projector page: the motion in large type for the room's screen, following where people write.
import { t } from './i18n.js'
import { blockForLine, lineOf, render } from './motion/markdown.js'
import { mapViewer } from './mindmap/page.js'
import { projectedVote } from './projected-vote.js'

/** Where a remote change ends in the new text (where its writer's cursor is), or null if nothing changed. */
function changeEnd (delta) {
  let offset = 0
  let end = null
  for (const op of delta) {
    if (op.retain !== undefined) offset += op.retain
    else if (op.insert !== undefined) end = offset += op.insert.length
    else end = offset
  }
  return end
}

export function projectorPage (main, { rooms, config, decisions }) {
  main.classList.add('projector-page')
  const ytext = rooms.motion.doc.getText('text')
  const controls = document.createElement('div')
  controls.className = 'projector-controls'
  const toggle = document.createElement('button')
  toggle.type = 'button'
  const full = document.createElement('button')
  full.type = 'button'
  full.textContent = t('fullScreen')
  const hint = document.createElement('span')
  hint.className = 'hint'
  hint.textContent = t('projectorHint')
  controls.append(toggle, full, hint)

  const motion = document.createElement('article')
  motion.className = 'rendered projected'
  motion.setAttribute('aria-label', t('motion'))
  const mapHost = document.createElement('div')
  mapHost.className = 'projected-map'
  // The vote the organisers show takes the screen; the motion (or the map) comes back after.
  const vote = projectedVote({ decisions, onShown: (shown) => { main.dataset.vote = shown ? 'shown' : '' } })
  main.append(controls, vote.element, motion, mapHost)
  let map = null

  let showing = 'motion'
  const show = (what) => {
    showing = what
    motion.hidden = what !== 'motion'
    mapHost.hidden = what !== 'mindmap'
    if (what === 'mindmap' && map === null) map = mapViewer(mapHost, { rooms, config })
    if (what === 'mindmap') map.panzoom.recentre()
    toggle.textContent = what === 'motion' ? t('showMap') : t('showMotion')
    main.dataset.showing = what
  }
  toggle.addEventListener('click', () => show(showing === 'motion' ? 'mindmap' : 'motion'))
  full.addEventListener('click', () => document.documentElement.requestFullscreen?.())
  document.addEventListener('keydown', (event) => {
    if (event.target.closest('input, textarea, [contenteditable]')) return
    if (event.key === 'm' || event.key === 'M') show(showing === 'motion' ? 'mindmap' : 'motion')
    if (event.key === 'f' || event.key === 'F') document.documentElement.requestFullscreen?.()
  })

  let followLine = null
  let scheduled = false
  const refresh = () => {
    scheduled = false
    const text = ytext.toString()
    motion.innerHTML = text.trim() ? render(text) : `<p class="muted">${t('motionEmpty')}</p>`
    if (followLine === null) return
    const block = blockForLine(motion, followLine)
    followLine = null
    if (!block) return
    block.classList.add('being-written')
    block.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }
  // Follow what others write once the page is synced, not the initial load of the whole text.
  const { provider } = rooms.motion
  ytext.observe((event) => {
    const offset = event.transaction.origin === provider && provider.synced ? changeEnd(event.delta) : null
    if (offset !== null) followLine = lineOf(ytext.toString(), offset)
    if (!scheduled) {
      scheduled = true
      requestAnimationFrame(refresh)
    }
  })
  refresh()
  show('motion')
}
