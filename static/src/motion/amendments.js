// The amendments beside the motion: the margin (a column on a wide screen, a drawer on a phone), their
// marks in the editor, and the actions on them (propose, support, withdraw).
//
// The list is the live `{slug}.decisions` room (decisions.js); whether this person supports an
// amendment is theirs alone, so it comes from the JSON route (`supported_by_me`) and the answers to
// their own actions. Every action goes through the JSON routes; a refusal is said in the status line.
import { EditorView } from '@codemirror/view'
import { element } from '../lib/dom.js'
import { plural, t } from '../i18n.js'
import { refusalText } from '../refusals.js'
import { anchorsOf, passageChanged, pointAnchor, resolveRange } from './anchors.js'
import { amendmentMarks, setMarks } from './marks.js'
import { axesOf, proposalPoint } from './proposal.js'
import { lineOf } from './markdown.js'
import { proposeDialog } from './propose.js'
import { amendmentCard } from './amendment-card.js'

/**
 * `canPropose`: this person may propose (participants and organisers while the motion is not
 * published, pen or not); `say(text)`: the page's polite status line.
 */
export function amendmentsMargin ({ ytext, decisions, user, call, canPropose, say }) {
  let view = null
  let amendments = []
  let current = null // the amendment picked (in the margin or on its mark), as a string id
  const supported = new Set() // ids this person supports, from the JSON route
  const answered = new Map() // id → amendment from our own actions, until the live room has it

  const heading = element('h2', { id: 'amendments-title' }, t('amendments'))
  const close = element('button', { type: 'button', class: 'drawer-close', onclick: () => openDrawer(false) }, t('closePanel'))
  const list = element('div', { class: 'amendment-list' })
  const decided = element('details', { class: 'amendments-decided' }, element('summary'), element('div'))
  const pane = element('section', { class: 'amendments-pane', 'aria-labelledby': 'amendments-title', 'data-open': 'false' },
    element('div', { class: 'pane-head' }, heading, close), list, decided)
  const toggle = element('button', { type: 'button', class: 'amendments-toggle', 'aria-expanded': 'false', onclick: () => openDrawer(pane.dataset.open !== 'true') })
  const openDrawer = (open) => {
    pane.dataset.open = String(open)
    toggle.setAttribute('aria-expanded', String(open))
    if (open) heading.focus?.()
  }
  heading.tabIndex = -1

  const dialog = canPropose ? proposeDialog({ send, onSent }) : null
  const proposeButton = element('button', { type: 'button', disabled: 'disabled', title: t('proposeHint'), onclick: () => proposeOnSelection() }, t('propose'))
  const newButton = element('button', { type: 'button', onclick: () => proposeNew() }, t('newProposal'))
  const tools = canPropose ? element('div', { class: 'tool-group amend-tools', role: 'group', 'aria-label': t('amendments') }, proposeButton, newButton) : null

  function selection () {
    if (!view) return null
    const { from, to } = view.state.selection.main
    return to > from ? { from, to } : null
  }

  function proposeOnSelection () {
    const range = selection()
    if (!range) return say(t('proposeHint'))
    // Anchored now, on the passage as this browser sees it; the server checks it still reads so.
    pending = { ...anchorsOf(ytext, range.from, range.to), expected: ytext.toString().slice(range.from, range.to), from: range.from }
    dialog.open('replace', { selected: pending.expected })
  }

  function proposeNew () {
    const text = ytext.toString()
    const axes = axesOf(text)
    if (!axes.length) return say(t('noAxis'))
    dialog.open('insert', { axes, axisHere: view ? axisAt(text, view.state.selection.main.head) : '' })
  }

  let pending = null
  async function send (kind, { text, reason, axis }) {
    if (kind === 'replace') {
      const { start, end, expected, from } = pending
      return call('POST', '/amendments', { kind, start, end, expected, text, reason, axis: axisAt(ytext.toString(), from) })
    }
    // Placed when sent, in the text as it is then: the end of that axis's section.
    const point = proposalPoint(ytext.toString(), axis)
    if (point === null) throw new Error(t('noAxis'))
    const { start, end } = pointAnchor(ytext, point)
    return call('POST', '/amendments', { kind, start, end, expected: '', text: text.trim(), reason, axis })
  }

  function onSent (created) {
    answered.set(String(created.id), created)
    current = String(created.id)
    say(t('amendmentSent'))
    render()
  }

  async function act (amendment, method, path) {
    try {
      const changed = await call(method, `/amendments/${amendment.id}${path}`)
      if (changed.supported_by_me) supported.add(String(changed.id))
      else supported.delete(String(changed.id))
      answered.set(String(changed.id), changed)
      render()
    } catch (error) {
      say(refusalText(error))
    }
  }

  function show (amendment, range) {
    current = String(amendment.id)
    if (view && range) {
      view.dispatch({ selection: { anchor: range.from, head: range.to }, effects: EditorView.scrollIntoView(range.from, { y: 'center' }) })
    }
    openDrawer(false)
    render()
  }

  /** Every amendment with where it is now and whether its passage still reads as proposed. */
  function placed () {
    const byId = new Map(amendments.map((a) => [String(a.id), a]))
    for (const [id, a] of answered) if (!byId.has(id)) byId.set(id, a)
    return [...byId.values()].map((a) => {
      const range = resolveRange(ytext, a.anchor)
      const outdated = a.status === 'open' && (a.outdated || passageChanged(ytext, a, range))
      return { amendment: a, range, outdated }
    })
  }

  function render () {
    const all = placed()
    const open = all.filter((p) => p.amendment.status === 'open')
      .sort((a, b) => (a.range?.from ?? Infinity) - (b.range?.from ?? Infinity))
    const done = all.filter((p) => p.amendment.status !== 'open').reverse()
    const card = (p) => amendmentCard(p, {
      user,
      current: String(p.amendment.id) === current,
      canSupport: canPropose,
      supported: supported.has(String(p.amendment.id)),
      inVote: inVote.has(String(p.amendment.id)),
      onShow: () => show(p.amendment, p.range),
      onSupport: (yes) => act(p.amendment, yes ? 'POST' : 'DELETE', '/support'),
      onWithdraw: () => { if (window.confirm(t('withdrawConfirm'))) act(p.amendment, 'POST', '/withdraw') }
    })
    list.replaceChildren(...(open.length ? open.map(card) : [element('p', { class: 'muted' }, canPropose ? t('amendmentsNone') : t('amendmentsNoneRead'))]))
    decided.hidden = done.length === 0
    decided.querySelector('summary').textContent = t('amendmentsDecided', { n: done.length })
    decided.lastChild.replaceChildren(...done.map(card))
    heading.textContent = open.length ? t('amendmentsCount', { n: open.length }) : t('amendments')
    toggle.textContent = open.length ? plural('amendmentsOne', 'amendmentsMany', open.length) : t('amendments')
    if (view) {
      view.dispatch({
        effects: setMarks.of(open.filter((p) => p.range).map((p) => ({
          id: p.amendment.id,
          from: p.range.from,
          to: p.range.to,
          label: t('markLabel', { name: p.amendment.author.name }),
          outdated: p.outdated,
          current: String(p.amendment.id) === current
        })))
      })
    }
  }

  // Places move with every keystroke: resolved again once the editor has the change.
  let scheduled = false
  const later = () => {
    if (scheduled) return
    scheduled = true
    setTimeout(() => { scheduled = false; render() }, 0)
  }
  ytext.observe(later)
  let inVote = new Set() // amendments with an open vote on them
  const unsubscribe = decisions.subscribe((state) => {
    amendments = state.amendments
    inVote = new Set(state.votes.filter((v) => v.status === 'open' && v.subject?.kind === 'amendment').map((v) => String(v.subject.ref)))
    later()
  })

  async function loadMine () {
    try {
      const answer = await call('GET', '/amendments')
      supported.clear()
      for (const a of answer.amendments ?? []) if (a.supported_by_me) supported.add(String(a.id))
      later()
    } catch (error) {
      console.warn('could not read which amendments this person supports:', error)
    }
  }
  if (canPropose) {
    loadMine()
    window.addEventListener('focus', loadMine)
  }

  return {
    pane,
    toggle,
    tools,
    /** The editor's extensions: the marks, and picking an amendment by clicking its mark. */
    extension: amendmentMarks((id) => { current = id; render() }),
    attach (editorView) {
      view = editorView
      render()
    },
    /** The selection changed: "Proposer un amendement" only with a passage selected. */
    selectionChanged () {
      proposeButton.disabled = selection() === null
    },
    destroy () {
      unsubscribe()
      ytext.unobserve(later)
      window.removeEventListener('focus', loadMine)
      dialog?.destroy()
      toggle.remove()
    }
  }
}

/** The title of the axis whose section holds `offset`, or '' before the first axis. */
function axisAt (markdown, offset) {
  const line = lineOf(markdown, offset)
  let found = ''
  for (const axis of axesOf(markdown)) if (axis.line <= line) found = axis.title
  return found
}
