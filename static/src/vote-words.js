// A vote in words, the same on the motion page, the projector and the organisers' page.
import { language, t } from './i18n.js'

export const CHOICES = ['for', 'against', 'abstain']
const CHOICE_WORDS = { for: 'choiceFor', against: 'choiceAgainst', abstain: 'choiceAbstain' }

/** "Pour", "Contre", "Abstention". */
export const choiceWord = (choice) => t(CHOICE_WORDS[choice])

/** A count in the page's language: "1 234". */
export const number = (n) => new Intl.NumberFormat(language()).format(n)

/** "0 abstention", "1 abstention", "5 abstentions"; in English "0 abstentions" (as the server's words). */
function abstentions (n) {
  const one = language() === 'en' ? n === 1 : n <= 1
  return t(one ? 'abstainOne' : 'abstainMany', { n: number(n) })
}

/**
 * "Adopté par 87 voix contre 12, 5 abstentions", "Rejeté par 60 voix contre 40, 0 abstention",
 * "Égalité, 10 voix contre 10, 1 abstention : non adopté" (server/decisions/wording.py says the
 * same in the history and the adopted version's name). Null while the counts are not known.
 */
export function resultSentence (vote, counts) {
  if (!counts || !vote.result) return null
  const values = { for: number(counts.for), against: number(counts.against), abstain: abstentions(counts.abstain) }
  if (vote.result === 'adopted') return t('resultAdopted', values)
  if (vote.result === 'rejected') return t('resultRejected', values)
  return t('resultTied', values)
}

/** "Pour 12 · Contre 3 · Abstention 1", for a count still open. */
export function countsLine (counts) {
  return CHOICES.map((choice) => `${choiceWord(choice)} ${number(counts[choice] ?? 0)}`).join(' · ')
}

const short = (text, at = 140) => {
  const flat = text.trim().replace(/\s+/g, ' ')
  return flat.length > at ? `${flat.slice(0, at - 1)}…` : flat
}

/** What is being voted on: "« un accès » devient « une connexion »", "axe « Inclusion »", "l'ensemble de la motion". */
export function subjectText (vote, amendments = []) {
  const { kind, ref } = vote.subject ?? {}
  if (kind === 'amendment') {
    const amendment = amendments.find((a) => String(a.id) === String(ref))
    if (!amendment) return t('subjectAmendmentUnknown')
    // What it changes, which is what people vote on: more than whose it is.
    const text = short(amendment.text)
    return amendment.kind === 'insert'
      ? t('subjectInsert', { axis: amendment.axis, text })
      : t('subjectReplace', { original: short(amendment.original), text })
  }
  if (kind === 'proposal') return t('subjectProposal', { ref })
  if (kind === 'axis') return t('subjectAxis', { ref })
  return t('subjectMotion')
}

/** "ont voté : 12 sur 40" (how many of those who may vote have voted). */
export function participation (vote) {
  return t('participation', { cast: number(vote.cast ?? 0), eligible: number(vote.eligible ?? 0) })
}

/** Time left before `closesAt` (ISO), "2 min 05 s", or null once past or without one. */
export function timeLeft (closesAt, now = Date.now()) {
  if (!closesAt) return null
  const seconds = Math.ceil((Date.parse(closesAt) - now) / 1000)
  if (!(seconds > 0)) return null
  const minutes = Math.floor(seconds / 60)
  const rest = String(seconds % 60).padStart(2, '0')
  return minutes ? `${minutes} min ${rest} s` : `${seconds} s`
}

/** "Adoption — l'ensemble de la motion", the title alone when the subject would repeat it. */
export function titleAndSubject (vote, amendments = []) {
  const subject = subjectText(vote, amendments)
  return subject.toLowerCase() === vote.title.trim().toLowerCase() ? vote.title : `${vote.title} — ${subject}`
}
