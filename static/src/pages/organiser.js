// The organisers' page, the one that runs the day: the phase (stepper, confirmed steps), the live
// figures, people and their links, inviting, publishing for the press. Served by
// server/routes/organiser_page.py, whose templates (organiser.html, organiser/*.html) write the
// elements each part fills; each part is a module of ../organiser/.
import { organiserPage } from '../organiser/page.js'
import { startPhase } from '../organiser/phase.js'
import { startLive } from '../organiser/live.js'
import { startPeople } from '../organiser/people.js'
import { startInvite } from '../organiser/invite.js'
import { startPublication } from '../organiser/publication.js'

const page = organiserPage()
const people = startPeople(page)
const phase = startPhase(page, () => people.counts())
const invite = startInvite(page, people)
const publication = startPublication(page)
startLive(page, [
  (status) => people.markConnected(status.here.map((h) => h.participant_id)),
  (status) => phase.show(status.phase)
])

Promise.all([people.refresh(), invite.refreshSharedLinks(), publication.refresh()]).catch(page.fail)
