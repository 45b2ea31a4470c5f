// A stock Yjs client (yjs + y-websocket, unmodified) driven over stdio, so the
// Python tests can prove that the reference JavaScript stack interoperates with
// our server.
//
// Usage:
//   node yjs_client.mjs --url ws://127.0.0.1:PORT/ws --room ROOM
//                       [--name NAME] [--params key=value ...]
//
// stdin:  newline-delimited JSON commands ({"op": ...}), run one at a time.
// stdout: newline-delimited JSON events ({"event": ...}) and nothing else.
// stderr: human-readable diagnostics.
import * as readline from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

function parseArgs (argv) {
  const args = { url: null, room: null, name: null, params: {} }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    if (flag === '--url' || flag === '--room' || flag === '--name') {
      args[flag.slice(2)] = argv[++i]
    } else if (flag === '--params') {
      // Takes every following key=value token up to the next --flag, and may
      // also be repeated.
      while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
        const token = argv[++i]
        const eq = token.indexOf('=')
        if (eq < 1) throw new Error(`--params expects key=value, got ${token}`)
        args.params[token.slice(0, eq)] = token.slice(eq + 1)
      }
    } else {
      throw new Error(`unknown argument ${flag}`)
    }
  }
  if (!args.url || !args.room) throw new Error('--url and --room are required')
  return args
}

const args = parseArgs(process.argv.slice(2))
const label = args.name ?? 'yjs-client'

// Linux pipes are written synchronously by Node, so each line is on its way
// to the driver when this returns.
function emit (event) {
  process.stdout.write(JSON.stringify(event) + '\n')
}

function log (...parts) {
  console.error(`[${label}]`, ...parts)
}

const doc = new Y.Doc()
const text = doc.getText('text')

// connect: false so that every listener is in place before the first
// 'connecting' status, which the constructor would otherwise emit synchronously.
// disableBc: the lib0 BroadcastChannel fallback would let two providers of one
// process sync without the server, which would defeat the test.
const provider = new WebsocketProvider(args.url, args.room, doc, {
  WebSocketPolyfill: WebSocket,
  params: args.params,
  disableBc: true,
  connect: false
})
const awareness = provider.awareness

/** Awareness states of every client but this one, keyed by client id. */
function peerStates () {
  const states = {}
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId !== doc.clientID) states[clientId] = state
  }
  return states
}

provider.on('status', ({ status }) => {
  log('status', status)
  emit({ event: 'status', status })
})
// 'sync' also fires with false on every disconnect; only the transition to
// synced is interesting to the driver.
provider.on('sync', (synced) => {
  if (synced) emit({ event: 'synced' })
})
// The close event is null when the provider closed the socket itself
// (disconnect(), or its 30 s "no message received" watchdog).
provider.on('connection-close', (event) => {
  const code = event?.code ?? null
  const reason = event?.reason ?? ''
  log('connection closed', code, reason)
  emit({ event: 'close', code, reason })
})
// Close codes 4400-4499 stop y-websocket's reconnect loop; tests of rejected
// connections need to see that the client gave up.
provider.on('closed', ({ code, reason }) => {
  log('gave up reconnecting', code, reason)
  emit({ event: 'closed', code, reason })
})
provider.on('connection-error', (event) => {
  log('connection error', event?.message ?? event?.type ?? event)
})
// 'change' (unlike 'update') skips the periodic keep-alive renewals.
awareness.on('change', ({ added, updated, removed }) => {
  const changed = [...added, ...updated, ...removed]
  if (changed.some((clientId) => clientId !== doc.clientID)) {
    emit({ event: 'awareness_change', states: peerStates() })
  }
})

async function quit () {
  const ws = provider.ws
  // destroy() sends our awareness removal and then closes the socket; waiting
  // for the close lets that frame reach the server before the process exits.
  const closed = ws && ws.readyState !== WebSocket.CLOSED
    ? new Promise((resolve) => ws.once('close', resolve))
    : Promise.resolve()
  provider.destroy()
  awareness.destroy()
  await Promise.race([closed, sleep(1000)])
  process.exit(0)
}

/** Runs one command; returns the reply event, or null for a plain 'done'. */
async function run (command) {
  switch (command.op) {
    case 'insert':
      text.insert(command.index, command.text)
      return null
    case 'delete':
      text.delete(command.index, command.length)
      return null
    case 'append':
      text.insert(text.length, command.text)
      return null
    case 'type':
      // One transaction (hence one update message) per character, like a user.
      for (const [i, char] of [...command.text].entries()) {
        if (i > 0) await sleep(command.interval_ms ?? 0)
        text.insert(text.length, char)
      }
      return null
    case 'get':
      return {
        event: 'text',
        text: text.toString(),
        state_vector: Buffer.from(Y.encodeStateVector(doc)).toString('hex')
      }
    case 'anchor':
      // A relative position as a browser makes one for an amendment's passage (docs/amendments.md):
      // at UTF-16 index `index` of the text, base64 of Y.encodeRelativePosition.
      return {
        event: 'anchor',
        rp: Buffer.from(Y.encodeRelativePosition(
          Y.createRelativePositionFromTypeIndex(text, command.index, command.assoc ?? 0)
        )).toString('base64')
      }
    case 'awareness':
      awareness.setLocalState(command.state)
      return null
    case 'peers':
      return { event: 'peers', states: peerStates() }
    case 'disconnect':
      provider.disconnect()
      return null
    case 'connect':
      provider.connect()
      return null
    case 'quit':
      return quit()
    default:
      throw new Error(`unknown op ${JSON.stringify(command.op)}`)
  }
}

// Commands are chained so that a slow one ('type') finishes before the next
// starts, and replies come out in command order.
let queue = Promise.resolve()
const input = readline.createInterface({ input: process.stdin })
input.on('line', (line) => {
  if (!line.trim()) return
  queue = queue.then(async () => {
    let command
    try {
      command = JSON.parse(line)
      emit((await run(command)) ?? { event: 'done', op: command.op })
    } catch (error) {
      log('command failed:', line, error)
      emit({ event: 'error', op: command?.op ?? null, message: String(error) })
    }
  })
})
// The driver went away without 'quit': leave cleanly instead of lingering.
input.on('close', () => {
  queue = queue.then(quit)
})

if (args.name) awareness.setLocalState({ user: { name: args.name } })
emit({ event: 'ready', client_id: doc.clientID })
log('connecting to', provider.url)
provider.connect()
