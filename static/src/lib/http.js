// JSON calls from the organiser-side pages to the server's /api routes.
//
// Every request carries the X-Ubiquite-Request header: the server refuses a change made with the
// session cookie without it (a form on another site cannot add a header), see server/auth/door.py.

/** A refused request: the server's `error` text as the message, its whole JSON answer as `data`. */
export class RequestError extends Error {
  constructor (message, status, data) {
    super(message)
    this.name = 'RequestError'
    this.status = status
    this.data = data
  }
}

/**
 * A `call(method, path, body, contentType)` bound to one API base such as `/api/congresses/x`.
 * A body is sent as JSON unless another content type is given (a CSV file's bytes, say).
 * Resolves to the answer's JSON (`{}` when there is none); rejects with a RequestError.
 */
export function apiClient (base, fetcher = (...args) => fetch(...args)) {
  return async function call (method, path = '', body = undefined, contentType = 'application/json') {
    const headers = { 'X-Ubiquite-Request': '1' }
    if (body !== undefined) headers['Content-Type'] = contentType
    const response = await fetcher(base + path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : (contentType === 'application/json' ? JSON.stringify(body) : body)
    })
    const data = await response.json().catch(() => ({}))
    if (!response.ok) throw new RequestError(data.error || response.statusText, response.status, data)
    return data
  }
}

/** The API base of one congress: `/api/congresses/<slug>` followed by `tail`. */
export const congressApi = (slug, tail = '') => `/api/congresses/${encodeURIComponent(slug)}${tail}`
