// The organisers' "Amendements et votes" section (server/web/templates/organiser/votes.html): the queue
// of amendments, the pen, the votes with their live count. Live from {slug}.decisions and the
// organisers' {slug}.tally (decisions.js); every action through the JSON routes, every refusal said.
import { byId } from '../lib/dom.js'
import { apiClient, congressApi } from '../lib/http.js'
import { setLanguage } from '../i18n.js'
import { Decisions } from '../decisions.js'
import { decisionsCall } from '../refusals.js'
import { amendmentQueue } from '../organiser/queue.js'
import { penControl } from '../organiser/pen-control.js'
import { voteControl } from '../organiser/vote-control.js'

const config = JSON.parse(byId('votes-config').dataset.config)
setLanguage(config.lang)
const call = decisionsCall(config.slug)
const say = (text) => { byId('votes-status').textContent = text }

async function motionText () {
  const answer = await fetch(`${congressApi(config.slug, '/motion.md')}?version=current`, { credentials: 'same-origin' })
  if (!answer.ok) throw new Error(answer.statusText)
  return answer.text()
}

const votes = voteControl({ form: byId('open-vote'), now: byId('vote-now'), past: byId('votes-past'), call, say, motionText })
const queue = amendmentQueue({
  queue: byId('queue'),
  decided: byId('decided'),
  decidedBox: byId('decided-box'),
  call,
  say,
  onPutToVote: (amendment) => votes.choose(amendment)
})
const pen = penControl({
  form: byId('pen-form'),
  stateLine: byId('pen-state'),
  peopleBox: byId('pen-people'),
  offButton: byId('pen-off'),
  call,
  people: apiClient(congressApi(config.slug)),
  say
})
pen.loadPeople()

const wsBase = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
const decisions = new Decisions({ wsBase, slug: config.slug, organiser: true })
decisions.subscribe((state) => {
  queue.update(state)
  votes.update(state)
  pen.update(state)
})
// For the browser tests, as on the editor pages.
window.ubiquiteDecisions = decisions
