// The organisers' vote controls: open a vote, follow its live count, close it, show it on the projector.
//
// The live count is the tally room's (the entry with the most ballots among the processes, see
// decisions.js); once closed, the vote's own final counts. Subjects to choose from are the open
// amendments (live) and the motion's axes and proposals, read from the current text when asked.
import { element } from '../lib/dom.js'
import { t } from '../i18n.js'
import { countsOf, openVote } from '../decisions.js'
import { outline } from '../motion/outline.js'
import { refusalText } from '../refusals.js'
import { countsLine, participation, resultSentence, subjectText, timeLeft } from '../vote-words.js'

/** The motion's axes and proposals, as the outline reads them: [{kind, ref}]. */
export function subjectsOf (markdown) {
  const found = { axis: [], proposal: [] }
  for (const entry of outline(markdown)) {
    if (entry.kind !== 'axis') continue
    found.axis.push(entry.title)
    for (const proposal of entry.children) found.proposal.push(proposal.title)
  }
  return found
}

export function voteControl ({ form, now, past, call, say, motionText }) {
  let state = { votes: [], amendments: [], tallies: new Map() }
  let subjects = { axis: [], proposal: [] }
  let titleTouched = false
  const { kind, ref, title } = form.elements
  const refLabel = form.querySelector('#vote-ref-label')

  const defaultTitle = () => {
    if (kind.value === 'amendment') {
      const amendment = state.amendments.find((a) => String(a.id) === ref.value)
      return amendment ? t('orgTitleAmendment', { name: amendment.author.name }) : ''
    }
    if (kind.value === 'proposal') return ref.value ? t('orgTitleProposal', { ref: ref.value }) : ''
    if (kind.value === 'axis') return ref.value ? t('orgTitleAxis', { ref: ref.value }) : ''
    return t('orgTitleMotion')
  }

  function fillRefs (keep = ref.value) {
    const options = kind.value === 'amendment'
      ? state.amendments.filter((a) => a.status === 'open').map((a) => [String(a.id),
          `${a.kind === 'insert' ? t('kindInsert', { axis: a.axis }) : t('kindReplace')} — ${a.author.name} — « ${a.text.trim().slice(0, 80)} »`])
      : (subjects[kind.value] ?? []).map((value) => [value, value])
    refLabel.hidden = kind.value === 'motion'
    ref.replaceChildren(...options.map(([value, label]) => element('option', { value }, label)))
    if (options.some(([value]) => value === keep)) ref.value = keep
    ref.required = kind.value !== 'motion'
    if (!titleTouched) title.value = defaultTitle()
  }

  async function readMotion () {
    try {
      subjects = subjectsOf(await motionText())
    } catch (error) {
      say(refusalText(error))
    }
    fillRefs()
  }

  kind.addEventListener('change', () => { titleTouched = false; fillRefs(''); if (kind.value === 'proposal' || kind.value === 'axis') readMotion() })
  ref.addEventListener('change', () => { if (!titleTouched) title.value = defaultTitle() })
  ref.addEventListener('focus', () => { if (kind.value === 'proposal' || kind.value === 'axis') readMotion() })
  title.addEventListener('input', () => { titleTouched = title.value !== '' })

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const timed = form.elements.timing.value === 'timed'
    const body = {
      subject: { kind: kind.value, ref: kind.value === 'motion' ? '' : ref.value },
      title: title.value.trim(),
      secret: form.elements.secret.value === 'secret',
      duration_s: timed ? Math.round(Number(form.elements.minutes.value) * 60) : null
    }
    try {
      await call('POST', '/votes', body)
      titleTouched = false
      say(t('orgVoteOpened'))
    } catch (error) {
      say(refusalText(error)) // the form keeps what was chosen
    }
  })

  async function act (vote, path, body, done) {
    try {
      await call('POST', `/votes/${vote.id}/${path}`, body)
      say(done)
    } catch (error) {
      say(refusalText(error))
    }
  }

  const projectorButton = (vote) => vote.shown
    ? element('button', { type: 'button', class: 'secondary', onclick: () => act(vote, 'projector', { shown: false }, t('orgHidden')) }, t('orgHide'))
    : element('button', { type: 'button', class: 'secondary', onclick: () => act(vote, 'projector', { shown: true }, t('orgShown')) }, t('orgShow'))

  const metaText = (vote) => {
    const left = vote.status === 'open' ? timeLeft(vote.closes_at) : null
    return [vote.secret ? t('voteSecret') : t('voteNamed'),
      vote.status === 'open' ? (left ? t('closesIn', { time: left }) : t('untilClosed')) : null,
      participation(vote), vote.shown ? t('orgShownNow') : null].filter(Boolean).join(' · ')
  }
  const countText = (vote) => {
    const counts = countsOf(vote, state.tallies)
    if (vote.status !== 'open') return resultSentence(vote, counts) ?? ''
    // A secret vote's counts are told to nobody before it closes (docs/amendments.md).
    return counts ? `${t('liveCount')} ${countsLine(counts)}` : vote.secret ? t('secretCounts') : `${t('liveCount')} —`
  }

  /** A vote's lines; `parts.meta` and `parts.count` are refreshed in place as ballots come in. */
  function describe (vote) {
    const parts = {
      meta: element('p', { class: 'meta' }, metaText(vote)),
      count: element('p', { class: vote.status === 'open' ? 'live-count' : `vote-result result-${vote.result}` }, countText(vote))
    }
    const subject = subjectText(vote, state.amendments)
    const same = subject.toLowerCase() === vote.title.trim().toLowerCase()
    return { parts, lines: [element('p', {}, element('strong', {}, vote.title), same ? null : ` — ${subject}`), parts.meta, parts.count] }
  }

  // Built again only when what the buttons act on changes: counts arrive several times a second
  // during a vote, and a button replaced under the pointer would lose the organiser's click.
  let nowKey = null
  let nowParts = null
  let pastKey = null
  function render () {
    const open = openVote(state.votes)
    const key = open ? `${open.id}|${open.shown}` : ''
    if (key !== nowKey) {
      nowKey = key
      if (open) {
        const { parts, lines } = describe(open)
        nowParts = parts
        now.replaceChildren(...lines, element('div', { class: 'actions' },
          element('button', { type: 'button', onclick: () => { if (window.confirm(t('orgCloseConfirm'))) act(open, 'close', undefined, t('orgVoteClosed')) } }, t('orgClose')),
          projectorButton(open)))
      } else {
        nowParts = null
        now.replaceChildren(element('p', { class: 'muted' }, t('orgNoVote')))
      }
    }
    if (open && nowParts) {
      nowParts.meta.textContent = metaText(open)
      nowParts.count.textContent = countText(open)
    }
    const closed = state.votes.filter((v) => v.status === 'closed').reverse()
    const closedKey = JSON.stringify(closed.map((v) => [v.id, v.shown, v.result, v.cast]))
    if (closedKey !== pastKey) {
      pastKey = closedKey
      past.replaceChildren(...(closed.length
        ? closed.map((vote) => element('li', { 'data-vote': String(vote.id) }, ...describe(vote).lines,
          element('div', { class: 'actions' }, projectorButton(vote))))
        : [element('li', { class: 'muted' }, t('orgPastEmpty'))]))
    }
    form.querySelector('button[type=submit]').disabled = Boolean(open)
  }

  setInterval(() => { if (openVote(state.votes)?.closes_at) render() }, 1000)
  return {
    update (next) {
      state = next
      // The list of open amendments changes live; the other subjects only when asked.
      if (kind.value === 'amendment' && document.activeElement !== ref) fillRefs()
      render()
    },
    /** Prefill the form with an amendment (from the queue's "put to the vote"). */
    choose (amendment) {
      kind.value = 'amendment'
      titleTouched = false
      fillRefs(String(amendment.id))
      form.scrollIntoView({ block: 'center' })
      title.focus()
    }
  }
}
