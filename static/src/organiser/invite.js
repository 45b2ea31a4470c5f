// Inviting: one person (their link made and copied), a shared link for a list of names, a CSV file
// (every refused line listed, and then nothing imported).
import { byId, element } from '../lib/dom.js'
import { fill, say } from '../lib/messages.js'
import { copy } from './people.js'

export function startInvite (page, people) {
  const { words, call } = page

  async function refreshSharedLinks () {
    const invitations = await call('GET', '/invitations')
    const list = byId('shared-links')
    list.replaceChildren()
    for (const invitation of invitations.filter((i) => i.participant_id === null && !i.revoked)) {
      const names = invitation.names.map((n) => n.name + (n.claimed ? ' ✓' : '')).join(', ')
      list.append(element('li', {},
        element('span', {}, `${words['role.' + invitation.role]} — ${words.names}${words.colon}${names} `),
        element('button', { type: 'button', onclick: () => copy(words, invitation.link) }, words.copy),
        element('button', {
          type: 'button',
          class: 'secondary',
          onclick: async () => {
            try {
              await call('POST', `/invitations/${invitation.id}/revoke`)
              await Promise.all([refreshSharedLinks(), people.refresh()])
            } catch (error) { page.fail(error) }
          }
        }, words.revoke)))
    }
  }

  byId('add-person').addEventListener('submit', async (event) => {
    event.preventDefault()
    const form = event.target
    try {
      const invited = await call('POST', '/participants', Object.fromEntries(new FormData(form)))
      form.reset()
      await copy(words, invited.link)
      await people.refresh()
    } catch (error) { page.fail(error) }
  })

  byId('shared-link').addEventListener('submit', async (event) => {
    event.preventDefault()
    const form = event.target
    const names = form.elements.names.value.split('\n').map((n) => n.trim()).filter(Boolean)
    try {
      const invited = await call('POST', '/invitations', { role: form.elements.role.value, names })
      form.reset()
      await copy(words, invited.link)
      await Promise.all([refreshSharedLinks(), people.refresh()])
    } catch (error) { page.fail(error) }
  })

  byId('import').addEventListener('submit', async (event) => {
    event.preventDefault()
    const errors = byId('import-errors')
    errors.replaceChildren()
    const file = event.target.elements.file.files[0]
    try {
      const result = await call('POST', '/participants/import', await file.arrayBuffer(), 'text/csv')
      say(fill(words.import_done, { count: result.imported }))
      event.target.reset()
      await people.refresh()
    } catch (error) {
      say(`${words.import_refused} ${error.message}`)
      for (const row of error.data?.rows ?? []) {
        errors.append(element('li', {}, `${words.line} ${row.line}${words.colon}${row.reason}`))
      }
    }
  })

  return { refreshSharedLinks }
}
