// Pan and zoom of the mind map: a CSS transform on the canvas, driven by pointer, wheel and keys.
//
// The map never shrinks its labels below READABLE_PX: zooming out stops there, and a map too big
// to fit at that size opens on its central subject, to be panned (drag, wheel, arrows) and unfolded.

export const READABLE_PX = 13
const MAX = 2.5

/** The font size, in CSS pixels, of the map's smaller labels (any node but the central subject). */
function labelSize (canvas) {
  const label = canvas.querySelector('.mm-node:not(.mm-root) .mm-label') || canvas
  return parseFloat(getComputedStyle(label).fontSize) || 16
}

export class PanZoom {
  constructor (viewport, canvas, { isHandle }) {
    this.viewport = viewport
    this.canvas = canvas
    this.x = 0
    this.y = 0
    this.scale = 1
    // Until the person pans or zooms, the view follows the map as it fills (first sync, seeding).
    this.steered = false
    let drag = null
    viewport.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || isHandle(event.target)) return
      drag = { x: event.clientX - this.x, y: event.clientY - this.y, id: event.pointerId }
      viewport.setPointerCapture(event.pointerId)
      viewport.classList.add('panning')
    })
    viewport.addEventListener('pointermove', (event) => {
      if (!drag || event.pointerId !== drag.id) return
      this.steered = true
      this.x = event.clientX - drag.x
      this.y = event.clientY - drag.y
      this.apply()
    })
    const stop = () => {
      drag = null
      viewport.classList.remove('panning')
    }
    viewport.addEventListener('pointerup', stop)
    viewport.addEventListener('pointercancel', stop)
    viewport.addEventListener('wheel', (event) => {
      event.preventDefault()
      this.steered = true
      const box = viewport.getBoundingClientRect()
      this.zoomAt(Math.exp(-event.deltaY / 500), event.clientX - box.left, event.clientY - box.top)
    }, { passive: false })
  }

  apply () {
    this.canvas.style.transform = `translate(${this.x}px, ${this.y}px) scale(${this.scale})`
  }

  /** The smallest scale at which every label is still READABLE_PX or more on screen. */
  minScale () {
    return Math.min(1, READABLE_PX / labelSize(this.canvas))
  }

  /** Zoom by `factor`, keeping the point (px, py) of the viewport where it is. */
  zoomAt (factor, px, py) {
    const scale = Math.min(MAX, Math.max(this.minScale(), this.scale * factor))
    this.x = px - ((px - this.x) * scale) / this.scale
    this.y = py - ((py - this.y) * scale) / this.scale
    this.scale = scale
    this.apply()
  }

  zoom (factor) {
    this.steered = true
    this.zoomAt(factor, this.viewport.clientWidth / 2, this.viewport.clientHeight / 2)
  }

  /**
   * The whole map in view when it fits at a readable size, the central subject at the left;
   * otherwise the readable size, the central subject (`root`) at the left and mid-height.
   */
  recentre (root = null) {
    const width = this.canvas.offsetWidth
    const height = this.canvas.offsetHeight
    const fit = Math.min(1, (this.viewport.clientWidth - 48) / width, (this.viewport.clientHeight - 48) / height)
    const middle = root ? this._inCanvas(root).y : height / 2
    this.scale = Math.max(this.minScale(), fit)
    this.x = 24
    this.y = fit >= this.scale ? (this.viewport.clientHeight - height * this.scale) / 2 : this.viewport.clientHeight / 2 - middle * this.scale
    this.apply()
  }

  /** Bring `element` (inside the canvas) to the middle of the view, at least at a readable size. */
  centreOn (element) {
    this.steered = true
    const { x, y } = this._inCanvas(element)
    this.scale = Math.max(this.scale, this.minScale())
    this.x = this.viewport.clientWidth / 2 - x * this.scale
    this.y = this.viewport.clientHeight / 2 - y * this.scale
    this.apply()
  }

  /** The centre of `element` in the canvas's own (unscaled) coordinates. */
  _inCanvas (element) {
    const canvas = this.canvas.getBoundingClientRect()
    const box = element.getBoundingClientRect()
    return {
      x: (box.left + box.width / 2 - canvas.left) / this.scale,
      y: (box.top + box.height / 2 - canvas.top) / this.scale
    }
  }

  /** Pan just enough for `element` to be fully visible. */
  reveal (element) {
    const view = this.viewport.getBoundingClientRect()
    const box = element.getBoundingClientRect()
    const margin = 24
    if (box.left < view.left + margin) this.x += view.left + margin - box.left
    else if (box.right > view.right - margin) this.x -= box.right - (view.right - margin)
    if (box.top < view.top + margin) this.y += view.top + margin - box.top
    else if (box.bottom > view.bottom - margin) this.y -= box.bottom - (view.bottom - margin)
    this.apply()
  }
}
