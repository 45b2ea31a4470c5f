// The organisers' queue of amendments: accept, reject with a reason, or put to the vote.
//
// Accepting applies the change to the motion as an edit by its author (the server does it, through
// the room); a passage rewritten since is refused (`outdated`) and said. The list follows the live
// room; while an organiser types a reason, it waits (a redraw would take the focus from them).
import { element } from '../lib/dom.js'
import { plural, t } from '../i18n.js'
import { refusalText } from '../refusals.js'

export function amendmentQueue ({ queue, decided, decidedBox, call, say, onPutToVote }) {
  let amendments = []
  let votes = []
  const reasons = new Map() // amendment id → the reason being typed (kept across redraws)
  let rejecting = null
  let waiting = false

  async function decide (amendment, path, body, done) {
    try {
      await call('POST', `/amendments/${amendment.id}/${path}`, body)
      rejecting = null
      reasons.delete(amendment.id)
      say(done)
    } catch (error) {
      say(refusalText(error))
    }
    render()
  }

  function rejectForm (amendment) {
    const input = element('input', { name: 'reason', maxlength: '500', 'aria-label': t('orgRejectReason') })
    input.value = reasons.get(amendment.id) ?? ''
    input.addEventListener('input', () => reasons.set(amendment.id, input.value))
    return element('form', {
      class: 'reject-form',
      onsubmit: (event) => {
        event.preventDefault()
        decide(amendment, 'reject', { reason: input.value.trim() }, t('orgRejected'))
      }
    },
    element('label', {}, t('orgRejectReason'), ' ', input), ' ',
    element('button', { type: 'submit' }, t('orgRejectConfirm')), ' ',
    element('button', { type: 'button', class: 'secondary', onclick: () => { rejecting = null; render() } }, t('cancel')))
  }

  function item (amendment, open) {
    const vote = votes.find((v) => v.status === 'open' && v.subject?.kind === 'amendment' && String(v.subject.ref) === String(amendment.id))
    const change = amendment.kind === 'insert'
      ? [element('ins', {}, amendment.text.trim())]
      : [element('del', {}, amendment.original), ' → ', element('ins', {}, amendment.text)]
    return element('li', { class: 'queue-item', 'data-amendment': String(amendment.id), 'data-status': amendment.status },
      element('p', {},
        element('strong', {}, amendment.kind === 'insert' ? t('kindInsert', { axis: amendment.axis }) : t('kindReplace')), ' ',
        t('byName', { name: amendment.author.name }), ' · ',
        plural('supportersOne', 'supportersMany', amendment.supporters ?? 0),
        open ? null : ` · ${t({ accepted: 'statusAccepted', rejected: 'statusRejected', withdrawn: 'statusWithdrawn' }[amendment.status] ?? 'statusOpen')}`,
        amendment.outdated ? element('span', { class: 'badge outdated' }, t('outdated')) : null),
      element('p', { class: 'amendment-change' }, ...change),
      amendment.reason ? element('p', { class: 'meta' }, t('reasonShown', { reason: amendment.reason })) : null,
      amendment.decision_reason ? element('p', { class: 'meta' }, t('rejectedBecause', { name: amendment.decided_by?.name ?? '', reason: amendment.decision_reason })) : null,
      vote ? element('p', { class: 'meta' }, t('orgInVote')) : null,
      open && rejecting === amendment.id ? rejectForm(amendment) : null,
      open && rejecting !== amendment.id && !vote
        ? element('div', { class: 'actions' },
          element('button', { type: 'button', onclick: () => decide(amendment, 'accept', undefined, t('orgAccepted', { name: amendment.author.name })) }, t('orgAccept')),
          element('button', { type: 'button', class: 'secondary', onclick: () => { rejecting = amendment.id; render(); queue.querySelector('.reject-form input')?.focus() } }, t('orgReject')),
          element('button', { type: 'button', class: 'secondary', onclick: () => onPutToVote(amendment) }, t('orgPutToVote')))
        : null)
  }

  function render () {
    // Someone is typing a reason: redraw once they leave the field.
    if (queue.contains(document.activeElement) && document.activeElement.matches('input, textarea')) {
      waiting = true
      return
    }
    waiting = false
    const open = amendments.filter((a) => a.status === 'open')
    const done = amendments.filter((a) => a.status !== 'open').reverse()
    queue.replaceChildren(...(open.length ? open.map((a) => item(a, true)) : [element('li', { class: 'muted' }, t('orgQueueEmpty'))]))
    decided.replaceChildren(...done.map((a) => item(a, false)))
    decidedBox.hidden = done.length === 0
  }
  queue.addEventListener('focusout', () => setTimeout(() => { if (waiting) render() }, 0))

  return {
    update (state) {
      amendments = state.amendments
      votes = state.votes
      render()
    }
  }
}
