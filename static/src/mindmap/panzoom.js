// Pan and zoom of the mind map: a CSS transform on the canvas, driven by pointer, wheel and keys.

const MIN = 0.3
const MAX = 2.5

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

  /** Zoom by `factor`, keeping the point (px, py) of the viewport where it is. */
  zoomAt (factor, px, py) {
    const scale = Math.min(MAX, Math.max(MIN, this.scale * factor))
    this.x = px - ((px - this.x) * scale) / this.scale
    this.y = py - ((py - this.y) * scale) / this.scale
    this.scale = scale
    this.apply()
  }

  zoom (factor) {
    this.steered = true
    this.zoomAt(factor, this.viewport.clientWidth / 2, this.viewport.clientHeight / 2)
  }

  /** The whole map in view when it fits, the central subject at the left and mid-height. */
  recentre () {
    const width = this.canvas.offsetWidth
    const height = this.canvas.offsetHeight
    const fit = Math.min(1, (this.viewport.clientWidth - 48) / width, (this.viewport.clientHeight - 48) / height)
    this.scale = Math.max(MIN, fit)
    this.x = 24
    this.y = (this.viewport.clientHeight - height * this.scale) / 2
    this.apply()
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
