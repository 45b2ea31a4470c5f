// The final reading from the organisers' page: switch the pen mode on or off, choose who holds the pen.
//
// Organisers always write; the people to choose from are the congress's participants (observers
// never write, revoked people are gone). The boxes follow the server's pen when it changes, and keep
// what the organiser ticked meanwhile otherwise.
import { element } from '../lib/dom.js'
import { t } from '../i18n.js'
import { refusalText } from '../refusals.js'

export function penControl ({ form, stateLine, peopleBox, offButton, call, people: peopleCall, say }) {
  let pen = { on: false, holders: [] }
  let seen = null // the pen last drawn into the boxes
  let people = []

  const chosen = () => [...peopleBox.querySelectorAll('input[name=holder]:checked')].map((box) => Number(box.value))

  function drawPeople () {
    const held = new Set(pen.holders.map((h) => String(h.id)))
    peopleBox.replaceChildren(...(people.length
      ? people.map((person) => {
        const box = element('input', { type: 'checkbox', name: 'holder', value: String(person.id) })
        box.checked = held.has(String(person.id))
        return element('label', { class: 'pen-person' }, box, ' ', person.name)
      })
      : [element('p', { class: 'muted' }, t('orgNoParticipants'))]))
  }

  function render () {
    const names = pen.holders.map((h) => h.name).join(', ')
    stateLine.textContent = !pen.on ? t('orgPenOff') : names ? t('orgPenOn', { names }) : t('orgPenOnAlone')
    stateLine.dataset.on = String(pen.on)
    form.querySelector('#pen-on').textContent = pen.on ? t('orgPenChange') : t('orgPenStart')
    offButton.hidden = !pen.on
    const key = JSON.stringify(pen)
    if (key !== seen) {
      seen = key
      drawPeople()
    }
  }

  async function send (on, done) {
    try {
      pen = await call('POST', '/pen', { on, holders: on ? chosen() : pen.holders.map((h) => h.id) })
      say(done)
    } catch (error) {
      say(refusalText(error))
    }
    render()
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    send(true, pen.on ? t('orgPenUpdated') : t('orgPenStarted'))
  })
  offButton.addEventListener('click', () => send(false, t('orgPenStopped')))

  return {
    update (state) {
      pen = state.pen
      render()
    },
    async loadPeople () {
      try {
        const all = await peopleCall('GET', '/participants')
        people = all.filter((p) => p.role === 'participant' && !p.revoked)
        drawPeople()
      } catch (error) {
        say(refusalText(error))
      }
    }
  }
}
