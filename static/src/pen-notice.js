// The final reading ("pen" mode) as seen by those who still write: who holds the pen.
//
// Everyone else learns it from their own socket, which the server turns read-only with the reason
// `pen`: the page's read-only banner says it (main.js). This line is for organisers and pen-holders,
// whose editor stays open while the others' is not.
import { element } from './lib/dom.js'
import { t } from './i18n.js'
import { holdsPen, isUser } from './decisions.js'

export function penNotice ({ decisions, user }) {
  const line = element('p', { class: 'pen-notice' })
  line.hidden = true
  const unsubscribe = decisions.subscribe(({ pen }) => {
    line.hidden = !pen.on || !holdsPen(pen, user) || user.role === 'observer'
    if (line.hidden) return
    const others = pen.holders.filter((h) => !isUser(h, user)).map((h) => h.name)
    const names = others.join(', ')
    if (user.role === 'organiser') line.textContent = names ? t('penOrganiser', { names }) : t('penOrganiserAlone')
    else line.textContent = names ? t('penHolder', { names }) : t('penHolderAlone')
  })
  return { element: line, destroy: unsubscribe }
}
