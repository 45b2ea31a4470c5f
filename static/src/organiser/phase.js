// The phase as a stepper of the four phases, and one next step (or one step back), each confirmed
// in a <dialog> that says who is affected and what stops, before anything changes.
import { byId } from '../lib/dom.js'
import { fill, say } from '../lib/messages.js'

/**
 * `counts()` gives the figures the dialog names ({participants, organisers, people, connected}).
 * Returns `show(phase)`, for a phase changed elsewhere (another organiser), as the live status says.
 */
export function startPhase (page, counts) {
  const { config, words, call } = page
  const phases = config.phases
  const dialog = byId('phase-dialog')
  const next = byId('phase-next')
  const back = byId('phase-back')
  let phase = config.phase
  let asked = null // the target the open dialog asks about

  function show (shown) {
    phase = shown
    const index = phases.indexOf(phase)
    for (const step of byId('stepper').querySelectorAll('li')) {
      const at = phases.indexOf(step.dataset.phase)
      step.className = at === index ? 'current' : (at < index ? 'done' : 'todo')
      if (at === index) step.setAttribute('aria-current', 'step')
      else step.removeAttribute('aria-current')
    }
    byId('phase-now').textContent = words['phase_now.' + phase]
    const ahead = phases[index + 1]
    const behind = phases[index - 1]
    next.hidden = !ahead
    back.hidden = !behind
    if (ahead) next.textContent = fill(words.phase_next, { target: words['phase.' + ahead] })
    if (behind) back.textContent = fill(words.phase_back, { target: words['phase.' + behind] })
  }

  function ask (target, direction) {
    const key = `${direction}.${target}`
    const figures = counts()
    byId('phase-dialog-title').textContent = words[key + '.title']
    byId('phase-dialog-who').textContent = fill(words[key + '.who'], figures)
    byId('phase-dialog-what').textContent = words[key + '.what']
    const note = byId('phase-dialog-note')
    note.textContent = words[key + '.note'] ?? ''
    note.hidden = !note.textContent
    byId('phase-confirm').textContent = words[key + '.confirm']
    asked = target
    dialog.returnValue = ''
    dialog.showModal()
  }

  dialog.addEventListener('close', async () => {
    const target = asked
    asked = null
    if (dialog.returnValue !== 'confirm' || !target) {
      say(words.phase_kept)
      return
    }
    try {
      const congress = await call('POST', '/phase', { phase: target })
      show(congress.phase)
      say(fill(words.phase_done, { phase: words['phase.' + congress.phase] }))
    } catch (error) { page.fail(error) }
  })
  next.addEventListener('click', () => ask(phases[phases.indexOf(phase) + 1], 'forward'))
  back.addEventListener('click', () => ask(phases[phases.indexOf(phase) - 1], 'back'))
  show(phase)
  return {
    show (shown) { if (shown !== phase && !dialog.open) show(shown) }
  }
}
