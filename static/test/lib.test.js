// The organiser-side pages' library (src/lib): JSON calls, elements, messages.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import { RequestError, apiClient, congressApi } from '../src/lib/http.js'
import { byId, element, pageConfig } from '../src/lib/dom.js'
import { errorText, fill, say, sayError, when } from '../src/lib/messages.js'
import { installDocument } from './fake-dom.js'

function recorder (status, answer) {
  const calls = []
  const fetcher = async (url, init) => {
    calls.push({ url, ...init })
    const body = typeof answer === 'string' ? answer : JSON.stringify(answer)
    return new Response(body, { status, statusText: status === 200 ? 'OK' : 'Bad Request' })
  }
  return { calls, fetcher }
}

test('a call carries the request header, sends JSON and returns the answer', async () => {
  const { calls, fetcher } = recorder(200, { link: 'https://x/i/abc' })
  const call = apiClient('/api/congresses/congrès', fetcher)
  const data = await call('POST', '/participants', { name: 'Aïcha' })
  assert.deepEqual(data, { link: 'https://x/i/abc' })
  assert.equal(calls.length, 1)
  const [sent] = calls
  assert.equal(sent.url, '/api/congresses/congrès/participants')
  assert.equal(sent.method, 'POST')
  assert.equal(sent.credentials, 'same-origin')
  assert.deepEqual(sent.headers, { 'X-Ubiquite-Request': '1', 'Content-Type': 'application/json' })
  assert.equal(sent.body, '{"name":"Aïcha"}')
})

test('a call without a body sends no content type and no body', async () => {
  const { calls, fetcher } = recorder(200, [])
  await apiClient('/api', fetcher)('GET')
  assert.equal(calls[0].url, '/api')
  assert.deepEqual(calls[0].headers, { 'X-Ubiquite-Request': '1' })
  assert.equal(calls[0].body, undefined)
})

test('another content type sends the body as it is (a CSV file)', async () => {
  const { calls, fetcher } = recorder(200, { imported: 2 })
  const bytes = new TextEncoder().encode('nom\nAïcha\n')
  await apiClient('/api', fetcher)('POST', '/import', bytes, 'text/csv')
  assert.equal(calls[0].headers['Content-Type'], 'text/csv')
  assert.equal(calls[0].body, bytes)
})

test('a refusal rejects with the server\'s error text, status and whole answer', async () => {
  const answer = { error: 'ligne 3 : rôle inconnu', rows: [{ line: 3, reason: 'rôle inconnu' }] }
  const { fetcher } = recorder(400, answer)
  await assert.rejects(apiClient('/api', fetcher)('POST', '/import', 'x', 'text/csv'), (error) => {
    assert.ok(error instanceof RequestError)
    assert.equal(error.message, 'ligne 3 : rôle inconnu')
    assert.equal(error.status, 400)
    assert.deepEqual(error.data, answer)
    return true
  })
})

test('a refusal without JSON falls back on the status text', async () => {
  const { fetcher } = recorder(400, '<html>proxy error</html>')
  await assert.rejects(apiClient('/api', fetcher)('GET', ''), { message: 'Bad Request', data: {} })
})

test('an answer without JSON resolves to an empty object', async () => {
  const { fetcher } = recorder(200, '')
  assert.deepEqual(await apiClient('/api', fetcher)('DELETE', '/publication'), {})
})

test('a congress slug is escaped in the API base', () => {
  assert.equal(congressApi('a/b c'), '/api/congresses/a%2Fb%20c')
  assert.equal(congressApi('demo', '/history'), '/api/congresses/demo/history')
})

test('element sets attributes, turns on<event> functions into listeners, appends children', () => {
  installDocument()
  let clicked = 0
  const child = element('span', { class: 'swatch' })
  const node = element('button', { type: 'button', class: 'secondary', onclick: () => clicked++ },
    'Révoquer ', child, null, undefined, false, '')
  assert.equal(node.tagName, 'BUTTON')
  assert.deepEqual(node.attributes, { type: 'button', class: 'secondary' })
  node.dispatch('click')
  assert.equal(clicked, 1)
  assert.deepEqual(node.childNodes, [{ text: 'Révoquer ' }, child, { text: '' }])
})

test('element keeps a string on* value as an attribute, and change listeners work too', () => {
  installDocument()
  let changed = false
  const select = element('select', { onchange: () => { changed = true }, 'aria-label': 'Déplacer' })
  select.dispatch('change')
  assert.ok(changed)
  assert.deepEqual(element('a', { onclick: 'alert(1)' }).attributes, { onclick: 'alert(1)' })
  assert.deepEqual(element('p', { 'data-id': 7 }).attributes, { 'data-id': '7' })
})

test('the page configuration is read from the data-config attribute', () => {
  installDocument()
  byId('config').dataset.config = JSON.stringify({ slug: 'congrès', words: { error: 'Erreur' } })
  assert.deepEqual(pageConfig(), { slug: 'congrès', words: { error: 'Erreur' } })
})

test('say writes the status line; errors read in the page\'s language', () => {
  installDocument()
  say('Lien copié')
  assert.equal(byId('status').textContent, 'Lien copié')
  sayError({ error: 'Erreur', colon: ' : ' }, new Error('déjà inscrit·e'))
  assert.equal(byId('status').textContent, 'Erreur : déjà inscrit·e')
  assert.equal(errorText({ error: 'Error' }, new Error('gone')), 'Error: gone')
})

test('fill replaces every placeholder, missing ones by nothing, and never reads $ patterns', () => {
  assert.equal(fill('{n} contribution(s) en {s} s', { n: 12, s: 0.5 }), '12 contribution(s) en 0.5 s')
  assert.equal(fill('Révoquer {name} ?', { name: 'Jean $& Co' }), 'Révoquer Jean $& Co ?')
  assert.equal(fill('{k} thèmes', {}), ' thèmes')
  assert.equal(fill('position {position}', { position: 0 }), 'position 0')
})

test('when formats a server timestamp in French or English', () => {
  const at = Date.UTC(2026, 2, 14, 9, 30) / 1000
  const french = when(at, 'fr', 'long')
  const english = when(at, 'en', 'long')
  assert.match(french, /mars 2026/)
  assert.match(english, /March 2026/)
  assert.notEqual(when(at, 'fr', 'medium'), french)
})
