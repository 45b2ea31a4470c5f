// The dialog in which a person proposes an amendment to a passage, or a new proposal under an axis.
//
// What the person typed stays in the dialog whatever the server answers: a refusal is said inside
// the dialog, and a draft closed without being sent comes back the next time the dialog opens
// (after "select the passage again", typically). Only a successful sending forgets it.
import { element } from '../lib/dom.js'
import { t } from '../i18n.js'
import { refusalCode, refusalText } from '../refusals.js'

const RETRY_AFTER = 1000 // ms: the contract's one retry when the server has not received the passage yet

/**
 * `send(kind, {text, reason, axis})` builds and posts the amendment (it reads the text of the
 * motion at that moment) and resolves to the created amendment; `onSent(amendment)` follows.
 */
export function proposeDialog ({ send, onSent }) {
  const title = element('h2', { id: 'propose-title' })
  const passage = element('blockquote', { class: 'propose-passage' })
  const passageBox = element('div', {}, element('p', { class: 'label' }, t('passage')), passage)
  const axis = element('select', { name: 'axis' })
  const axisLabel = element('label', {}, t('underAxis'), axis)
  const text = element('textarea', { name: 'text', rows: '4', maxlength: '2000', required: 'required' })
  const textLabel = element('label', {}, element('span', { class: 'text-label' }), text)
  const reason = element('textarea', { name: 'reason', rows: '2', maxlength: '500' })
  const problem = element('p', { class: 'propose-problem', role: 'alert' })
  const submit = element('button', { type: 'submit', class: 'primary' }, t('send'))
  const again = element('button', { type: 'button', hidden: 'hidden' }, t('selectAgain'))
  const cancel = element('button', { type: 'button' }, t('cancel'))
  const form = element('form', { class: 'propose-form' },
    title, passageBox, axisLabel, textLabel, element('label', {}, t('reason'), reason), problem,
    element('div', { class: 'dialog-buttons' }, submit, again, cancel))
  const dialog = element('dialog', { class: 'propose-dialog', 'aria-labelledby': 'propose-title' }, form)
  document.body.append(dialog)

  let kind = 'replace'
  let draft = null // {kind, text, reason, axis}: typed, not yet accepted by the server

  const keepDraft = () => { draft = { kind, text: text.value, reason: reason.value, axis: axis.value } }
  const tell = (sentence) => { problem.textContent = sentence }

  /**
   * Open for `kind` ('replace': `selected` is the passage; 'insert': `axes` to choose from, the one
   * where the cursor is first). A draft of the same kind comes back as it was typed.
   */
  function open (newKind, { selected = '', axes = [], axisHere = '' } = {}) {
    kind = newKind
    title.textContent = kind === 'replace' ? t('proposeTitle') : t('newProposal')
    textLabel.querySelector('.text-label').textContent = kind === 'replace' ? t('newWording') : t('proposalText')
    passageBox.hidden = kind !== 'replace'
    passage.textContent = selected
    axisLabel.hidden = kind !== 'insert'
    axis.replaceChildren(...axes.map((a) => element('option', { value: a.title }, `${t('axis', { n: a.number })} — ${a.title}`)))
    const kept = draft && draft.kind === kind ? draft : null
    text.value = kept ? kept.text : (kind === 'replace' ? selected : '')
    reason.value = kept ? kept.reason : ''
    const chosen = kept && axes.some((a) => a.title === kept.axis) ? kept.axis : axisHere
    if (chosen) axis.value = chosen
    tell(kept ? t('draftKept') : '')
    again.hidden = true
    submit.disabled = false
    dialog.showModal()
    text.focus()
  }

  async function sendOnce () {
    try {
      return await send(kind, { text: text.value, reason: reason.value, axis: axis.value })
    } catch (error) {
      if (refusalCode(error) !== 'anchor_unknown') throw error
      await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER))
      return send(kind, { text: text.value, reason: reason.value, axis: axis.value })
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (!text.value.trim()) return tell(t('textNeeded'))
    if (kind === 'replace' && text.value === passage.textContent) return tell(t('sameWording'))
    keepDraft()
    submit.disabled = true
    tell(t('sending'))
    try {
      const created = await sendOnce()
      draft = null
      dialog.close()
      onSent(created)
    } catch (error) {
      tell(refusalText(error))
      // The passage moved under the person's feet: they must select it again; their text is kept.
      again.hidden = refusalCode(error) !== 'passage_changed'
      submit.disabled = false
    }
  })
  again.addEventListener('click', () => { keepDraft(); dialog.close() })
  cancel.addEventListener('click', () => { draft = null; dialog.close() })
  // Escape closes a modal dialog: what was typed is kept, as after "select again".
  dialog.addEventListener('cancel', keepDraft)

  return { open, element: dialog, destroy: () => dialog.remove() }
}
