// One amendment in the margin: what it changes, who proposed it and why, its supporters and status.
import { element } from '../lib/dom.js'
import { plural, t } from '../i18n.js'
import { isUser } from '../decisions.js'

const STATUS = { open: 'statusOpen', accepted: 'statusAccepted', rejected: 'statusRejected', withdrawn: 'statusWithdrawn' }


/** The words of a decision: "Accepté par Olga", "Rejeté par Olga : hors sujet". */
function decisionLine (amendment) {
  const by = amendment.decided_by?.name
  if (amendment.status === 'rejected' && amendment.decision_reason) return t('rejectedBecause', { name: by ?? '', reason: amendment.decision_reason })
  if (amendment.status === 'accepted') return by ? t('acceptedBy', { name: by }) : t('acceptedByVote')
  if (amendment.status === 'rejected') return by ? t('rejectedBy', { name: by }) : t('rejectedByVote')
  return null
}

export function amendmentCard ({ amendment, range, outdated }, { user, current, canSupport, supported, inVote, onShow, onSupport, onWithdraw }) {
  const open = amendment.status === 'open'
  const mine = isUser(amendment.author, user)
  const kind = amendment.kind === 'insert' ? t('kindInsert', { axis: amendment.axis }) : t('kindReplace')
  const head = element('p', { class: 'amendment-head' },
    element('strong', {}, kind), ' ',
    element('span', { class: `badge status-${amendment.status}` }, t(STATUS[amendment.status] ?? 'statusOpen')),
    outdated ? element('span', { class: 'badge outdated' }, t('outdated')) : null)
  const change = amendment.kind === 'insert'
    ? element('p', { class: 'amendment-change' }, element('ins', {}, amendment.text.trim()))
    : element('p', { class: 'amendment-change' }, element('del', {}, amendment.original), ' → ', element('ins', {}, amendment.text))
  const actions = element('div', { class: 'amendment-actions' },
    range ? element('button', { type: 'button', class: 'link', onclick: onShow }, t('showPassage')) : null,
    open && canSupport && !mine
      ? element('button', { type: 'button', 'aria-pressed': String(supported), onclick: () => onSupport(!supported) }, supported ? t('unsupport') : t('support'))
      : null,
    open && mine ? element('button', { type: 'button', class: 'danger', onclick: onWithdraw }, t('withdraw')) : null)
  return element('article', {
    class: `amendment${current ? ' current' : ''}`,
    'data-amendment': String(amendment.id),
    'data-status': amendment.status,
    'data-outdated': String(outdated)
  },
  head,
  element('p', { class: 'amendment-author' }, mine ? t('byYou') : t('byName', { name: amendment.author.name })),
  change,
  outdated ? element('p', { class: 'amendment-outdated' }, t('outdatedLong')) : null,
  amendment.reason ? element('p', { class: 'amendment-reason' }, t('reasonShown', { reason: amendment.reason })) : null,
  element('p', { class: 'amendment-supporters' }, plural('supportersOne', 'supportersMany', amendment.supporters ?? 0)),
  decisionLine(amendment) ? element('p', { class: 'amendment-decision' }, decisionLine(amendment)) : null,
  open && inVote ? element('p', { class: 'amendment-in-vote' }, t('inVoteNow')) : null,
  actions.childNodes.length ? actions : null)
}
