// What a person is told when the server refuses an amendment, a support or a ballot.
//
// The JSON routes answer a refusal with `{"error": code, "message": …}` (docs/amendments.md); the
// codes a person can run into have a sentence of their own here, saying what to do next. Anything
// else is said with the server's own message, so that no refusal is ever silent.
import { RequestError, apiClient } from './lib/http.js'
import { t } from './i18n.js'

const SENTENCES = {
  passage_changed: () => t('refusedPassageChanged'),
  anchor_unknown: () => t('refusedAnchorUnknown'),
  already_voted: () => t('refusedAlreadyVoted'),
  vote_closed: () => t('refusedVoteClosed'),
  vote_open: () => t('refusedVoteOpen'),
  observer: () => t('refusedObserver'),
  outdated: () => t('refusedOutdated'),
  published: () => t('refusedPublished')
}

/** The refusal's code (`passage_changed`…), or null for a network failure or an answer without one. */
export function refusalCode (error) {
  if (!(error instanceof RequestError)) return null
  const data = error.data ?? {}
  if (typeof data.code === 'string') return data.code
  return typeof data.error === 'string' && /^[a-z_]+$/.test(data.error) ? data.error : null
}

/** One sentence for the person: what was refused and, where it helps, what to do. */
export function refusalText (error) {
  if (error instanceof TypeError) return t('refusedNoServer') // fetch found no server to answer
  if (!(error instanceof RequestError)) return error.message
  const sentence = SENTENCES[refusalCode(error)]
  if (sentence) return sentence()
  const message = error.data?.message || error.message
  return t('refusedOther', { message })
}

/** The JSON routes of one congress's decisions (amendments, pen, votes): /api/c/{slug}/… */
export const decisionsCall = (slug) => apiClient(`/api/c/${encodeURIComponent(slug)}`)
