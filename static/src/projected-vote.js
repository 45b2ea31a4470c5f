// The vote on the room's screen, in large type, when the organisers choose to show it.
//
// Only `{slug}.decisions` is needed: while a vote is shown, the server refreshes its public entry
// with the counts; once closed, the entry carries the final counts and the result.
import { element } from './lib/dom.js'
import { t } from './i18n.js'
import { countsOf, shownVote } from './decisions.js'
import { CHOICES, choiceWord, number, participation, resultSentence, subjectText } from './vote-words.js'

/** `onShown(shown)` is told when a vote appears on the screen or leaves it. */
export function projectedVote ({ decisions, onShown }) {
  const section = element('section', { class: 'projected-vote', 'aria-labelledby': 'projected-vote-title', 'aria-live': 'polite' })
  section.hidden = true
  let wasShown = false
  const unsubscribe = decisions.subscribe((state) => {
    const vote = shownVote(state.votes)
    section.hidden = !vote
    if (Boolean(vote) !== wasShown) {
      wasShown = Boolean(vote)
      onShown(wasShown)
    }
    if (!vote) return section.replaceChildren()
    const counts = countsOf(vote, state.tallies)
    const total = counts ? CHOICES.reduce((sum, c) => sum + (counts[c] ?? 0), 0) : 0
    section.dataset.vote = String(vote.id)
    section.dataset.status = vote.status
    section.replaceChildren(...[
      element('p', { class: 'projected-vote-state' }, vote.status === 'open' ? t('voteOpen') : t('voteResult')),
      element('h2', { id: 'projected-vote-title' }, vote.title),
      subjectText(vote, state.amendments).toLowerCase() === vote.title.trim().toLowerCase()
        ? null
        : element('p', { class: 'projected-vote-subject' }, subjectText(vote, state.amendments)),
      counts
        ? element('ul', { class: 'projected-counts' }, ...CHOICES.map((choice) => {
          const bar = element('span', { class: 'bar' })
          bar.style.setProperty('--share', String(total ? (counts[choice] ?? 0) / total : 0))
          return element('li', { class: `count-${choice}`, 'data-choice': choice },
            element('span', { class: 'count-label' }, choiceWord(choice)),
            element('span', { class: 'count-number' }, number(counts[choice] ?? 0)),
            bar)
        }))
        : null,
      element('p', { class: 'projected-participation' }, participation(vote)),
      vote.status === 'closed' ? element('p', { class: `projected-result result-${vote.result}` }, resultSentence(vote, counts) ?? '') : null
    ].filter(Boolean)) // replaceChildren would write a null as the text "null"
  })
  return { element: section, destroy: unsubscribe }
}
