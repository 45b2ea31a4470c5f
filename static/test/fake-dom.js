// Just enough of a DOM for the page library's tests (node --test has no browser): elements that
// keep their attributes, listeners and children, and a document that finds them by id.

class FakeElement {
  constructor (tag) {
    this.tagName = tag.toUpperCase()
    this.attributes = {}
    this.listeners = {}
    this.childNodes = []
    this.dataset = {}
    this.textContent = ''
  }

  setAttribute (name, value) { this.attributes[name] = String(value) }
  addEventListener (type, listener) { (this.listeners[type] ??= []).push(listener) }
  dispatch (type) { for (const listener of this.listeners[type] ?? []) listener({ type }) }
  append (...nodes) { for (const node of nodes) this.childNodes.push(typeof node === 'string' ? { text: node } : node) }
}

/** Installs a fresh `globalThis.document`; `byId` elements are created on demand. */
export function installDocument () {
  const byId = new Map()
  globalThis.document = {
    createElement: (tag) => new FakeElement(tag),
    getElementById: (id) => {
      if (!byId.has(id)) byId.set(id, new FakeElement('div'))
      return byId.get(id)
    }
  }
  return globalThis.document
}
