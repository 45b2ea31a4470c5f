// The amendments' passages highlighted in the motion's editor (CodeMirror decorations).
//
// The places come from the amendments' Yjs anchors (anchors.js), resolved again whenever the text
// or the amendments change; between two resolutions, CodeMirror maps the marks through every edit,
// so a mark never lags a keystroke behind. A new proposal has no passage: it is a small marker at
// the point where it would go.
import { StateEffect, StateField } from '@codemirror/state'
import { Decoration, EditorView, WidgetType } from '@codemirror/view'

/** @typedef {{id: number|string, from: number, to: number, label: string, outdated: boolean, current: boolean}} Mark */

/** Replace every mark: the effect's value is a Mark[]. */
export const setMarks = StateEffect.define()

class PointMarker extends WidgetType {
  constructor (mark) {
    super()
    this.mark = mark
  }

  eq (other) {
    return other.mark.id === this.mark.id && other.mark.current === this.mark.current && other.mark.label === this.mark.label
  }

  toDOM () {
    const marker = document.createElement('span')
    marker.className = `cm-amendment-point${this.mark.current ? ' cm-amendment-current' : ''}`
    marker.dataset.amendment = String(this.mark.id)
    marker.title = this.mark.label
    marker.setAttribute('aria-label', this.mark.label)
    marker.textContent = '+'
    return marker
  }

  ignoreEvent () {
    return false
  }
}

function decorate (marks, length) {
  const ranges = []
  for (const mark of marks) {
    const from = Math.min(mark.from, length)
    const to = Math.min(mark.to, length)
    if (to > from) {
      const className = ['cm-amendment', mark.outdated && 'cm-amendment-outdated', mark.current && 'cm-amendment-current'].filter(Boolean).join(' ')
      ranges.push(Decoration.mark({ class: className, attributes: { 'data-amendment': String(mark.id), title: mark.label } }).range(from, to))
    } else {
      ranges.push(Decoration.widget({ widget: new PointMarker(mark), side: 1 }).range(from))
    }
  }
  return Decoration.set(ranges, true)
}

const marksField = StateField.define({
  create: () => Decoration.none,
  update (marks, transaction) {
    for (const effect of transaction.effects) {
      if (effect.is(setMarks)) return decorate(effect.value, transaction.state.doc.length)
    }
    return marks.map(transaction.changes)
  },
  provide: (field) => EditorView.decorations.from(field)
})

/** The editor extension: the marks, and a click on one calls `onPick(id)`. */
export function amendmentMarks (onPick) {
  return [
    marksField,
    EditorView.domEventHandlers({
      click (event) {
        const marked = event.target instanceof Element ? event.target.closest('[data-amendment]') : null
        if (marked) onPick(marked.dataset.amendment)
        return false
      }
    })
  ]
}
