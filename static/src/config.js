// The page's configuration: written by the server (server/routes/client.py) into a JSON block.

/**
 * @typedef {{id: string, name: string, role: 'organiser'|'participant'|'observer',
 *            site: 'on_site'|'remote', colour: string}} User
 * @typedef {{page: 'motion'|'mindmap'|'projector', wsBase: string,
 *            rooms: {motion: string, mindmap: string}, user: User,
 *            congress: {slug: string, title: string}, lang: 'fr'|'en',
 *            organiserUrl: string|null, urls: {motion: string, mindmap: string, projector: string}}} Config
 */

/** @returns {Config} */
export function readConfig () {
  const block = document.getElementById('ubiquite-config')
  return JSON.parse(block.textContent)
}

export const canWrite = (config) => config.user.role !== 'observer'
