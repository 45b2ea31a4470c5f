// The vote panel of the editor pages: the open vote, for / against / abstention, then its result.
//
// One ballot per person is the server's rule (unique in its database, whatever the tabs, devices
// and processes); the page only says it: what this person chose comes from the JSON route
// (`my_choice`, per person), a second try from another tab is refused with `already_voted` and said.
// Observers see the vote and are told they do not vote. The counts while open are for organisers
// (the tally room); everyone sees the result once closed.
import { element } from './lib/dom.js'
import { t } from './i18n.js'
import { countsOf, openVote } from './decisions.js'
import { refusalCode, refusalText } from './refusals.js'
import { CHOICES, choiceWord, countsLine, participation, resultSentence, timeLeft, titleAndSubject } from './vote-words.js'

export function votePanel ({ decisions, user, call }) {
  const panel = element('section', { class: 'vote-panel', 'aria-labelledby': 'vote-title' })
  panel.hidden = true
  const voter = user.role !== 'observer'
  const mine = new Map() // vote id → 'for' | 'against' | 'abstain' | 'cast' (secret) | null
  const seenOpen = new Set() // votes this page saw open: their result is shown when they close
  const dismissed = new Set()
  let chosen = null // the choice picked, waiting for confirmation
  let note = '' // what the server said about this person's last try
  let state = decisions.state

  async function learnMine (vote) {
    if (!voter || mine.has(vote.id)) return
    mine.set(vote.id, null)
    try {
      const answer = await call('GET', `/votes/${vote.id}`)
      mine.set(vote.id, answer.my_choice ?? null)
      render()
    } catch (error) {
      mine.delete(vote.id)
      console.warn('could not read this person\'s ballot:', error)
    }
  }

  async function cast (vote, choice) {
    note = t('sending')
    render()
    try {
      await call('POST', `/votes/${vote.id}/ballot`, { choice })
      mine.set(vote.id, vote.secret ? 'cast' : choice)
      note = t('voteRecorded')
    } catch (error) {
      note = refusalText(error)
      if (refusalCode(error) === 'already_voted') {
        mine.delete(vote.id)
        await learnMine(vote)
      }
    }
    chosen = null
    render()
  }

  function ballot (vote) {
    if (!voter) return element('p', { class: 'vote-observer' }, t('observerNoVote'))
    const choice = mine.get(vote.id)
    if (choice) return element('p', { class: 'vote-done' }, choice === 'cast' ? t('votedSecret') : t('voted', { choice: choiceWord(choice) }))
    const buttons = CHOICES.map((c) => element('button', {
      type: 'button',
      class: `choice choice-${c}`,
      'aria-pressed': String(chosen === c),
      onclick: () => {
        chosen = c
        note = ''
        render()
        ballotHost.querySelector('.confirm-vote')?.focus()
      }
    }, choiceWord(c)))
    const confirm = chosen
      ? element('button', { type: 'button', class: 'primary confirm-vote', onclick: () => cast(vote, chosen) }, t('confirmVote', { choice: choiceWord(chosen) }))
      : null
    return element('div', { class: 'vote-choices', role: 'group', 'aria-label': t('yourVote') }, ...buttons, confirm)
  }

  // Stable parts, updated in place: counts change many times a second during a vote, and
  // rebuilding the buttons under a pointer or the keyboard focus would lose a click.
  const title = element('h2', { id: 'vote-title' })
  const subject = element('p', { class: 'vote-subject' })
  const meta = element('p', { class: 'vote-meta' })
  const ballotHost = element('div', { class: 'vote-ballot' })
  const live = element('p', { class: 'vote-live' })
  const result = element('p', { class: 'vote-result' })
  const noteLine = element('p', { class: 'vote-note', role: 'status' })
  const dismiss = element('button', { type: 'button', onclick: () => { dismissed.add(Number(panel.dataset.vote)); note = ''; render() } }, t('voteDismiss'))
  panel.append(title, subject, meta, ballotHost, live, result, noteLine, dismiss)
  let ballotKey = null

  const show = (node, text) => {
    node.hidden = !text
    if (node.textContent !== (text || '')) node.textContent = text || ''
  }

  function metaText (vote) {
    const left = vote.status === 'open' ? timeLeft(vote.closes_at) : null
    const when = vote.status !== 'open' ? null : left ? t('closesIn', { time: left }) : vote.closes_at ? t('closing') : t('untilClosed')
    return [vote.secret ? t('voteSecret') : t('voteNamed'), when, participation(vote)].filter(Boolean).join(' · ')
  }

  function shownNow () {
    const open = openVote(state.votes)
    for (const vote of state.votes) if (vote.status === 'open') seenOpen.add(vote.id)
    return open ?? state.votes.filter((v) => v.status === 'closed' && seenOpen.has(v.id) && !dismissed.has(v.id)).at(-1)
  }

  function render () {
    const vote = shownNow()
    panel.hidden = !vote
    if (!vote) return
    const isOpen = vote.status === 'open'
    if (isOpen) learnMine(vote)
    const counts = countsOf(vote, state.tallies)
    panel.dataset.vote = String(vote.id)
    panel.dataset.status = vote.status
    show(title, isOpen ? t('voteOpen') : t('voteResult'))
    show(subject, titleAndSubject(vote, state.amendments))
    show(meta, metaText(vote))
    const key = isOpen ? `${vote.id}|${mine.get(vote.id)}|${chosen}` : `closed|${vote.id}|${mine.get(vote.id)}`
    if (key !== ballotKey) {
      ballotKey = key
      const choice = mine.get(vote.id)
      ballotHost.replaceChildren(...[
        isOpen ? ballot(vote) : null,
        !isOpen && choice && choice !== 'cast' ? element('p', { class: 'vote-done' }, t('voted', { choice: choiceWord(choice) })) : null
      ].filter(Boolean))
    }
    show(live, !isOpen || user.role !== 'organiser' ? '' : counts ? `${t('liveCount')} ${countsLine(counts)}` : vote.secret ? t('secretCounts') : '')
    show(result, isOpen ? '' : resultSentence(vote, counts))
    result.className = `vote-result result-${vote.result}`
    show(noteLine, note)
    dismiss.hidden = isOpen
  }

  const unsubscribe = decisions.subscribe((next) => {
    const before = openVote(state.votes)?.id
    state = next
    if (openVote(state.votes)?.id !== before) { chosen = null; note = '' }
    render()
  })
  // The time left, once a second while a vote with an end is open.
  const ticker = setInterval(() => {
    const open = openVote(state.votes)
    if (open?.closes_at) show(meta, metaText(open))
  }, 1000)
  return { element: panel, destroy: () => { unsubscribe(); clearInterval(ticker) } }
}
