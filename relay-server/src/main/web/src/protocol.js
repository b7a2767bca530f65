// The kubetty.v1 client for the browser: one reconnecting WebSocket to the relay's /ws.
// It knows nothing of the DOM or of xterm.js; the page feeds it keystrokes and tells it what the
// terminal has written, and it reports what happens through a listener.
//
// Offsets: `next` is the offset of the next output byte this client needs (everything below it has
// been received and handed to the terminal); `consumed` is what the terminal has actually written;
// acks follow `consumed`, so a tab that cannot keep up slows the relay down instead of freezing.

import { InputJournal } from './input-journal.js';

/** Close codes of the protocol (PROTOCOL.md section 10). */
export const CloseCode = Object.freeze({
  NORMAL: 1000,
  GOING_AWAY: 1001,
  ABNORMAL: 1006,
  INTERNAL: 1011,
  PROTOCOL_ERROR: 4400,
  UNAUTHORIZED: 4401,
  BUSY: 4409,
  TAKEN_OVER: 4410,
});

const FINAL_CODES = new Set([
  CloseCode.NORMAL,
  CloseCode.PROTOCOL_ERROR,
  CloseCode.UNAUTHORIZED,
  CloseCode.BUSY,
  CloseCode.TAKEN_OVER,
]);

const SUBPROTOCOL = 'kubetty.v1';
const BACKOFF_BASE_MS = 100;
const BACKOFF_CAP_MS = 5000;
const PING_EVERY_MS = 10000;
const DEAD_AFTER_MS = 25000;
const ACK_DEBOUNCE_MS = 150;

/**
 * A persistent attachment to the relay's session.
 *
 * Listener callbacks (all optional): `onState(state, detail)` with state one of `connecting`,
 * `live`, `reconnecting`, `stopped`; `onAttached({session, offset, lost, rewound, newSession})`;
 * `onOutput(bytes, written)` — the page must call `written()` once the terminal has written the
 * bytes; `onExit(code)`; `onRelayError(code, message)`; `onFinal(code, reason)` for closes after
 * which the client does not reconnect by itself (1000, 4400, 4401, 4409, 4410).
 *
 * `checkAuth()` (optional, async) is asked when an upgrade fails before the socket opens (browsers
 * hide the HTTP status); returning `false` turns the failure into a final 4401.
 */
export class RelayConnection {
  constructor({ url, clientId, size, listener, checkAuth }) {
    this.url = url;
    this.clientId = clientId;
    this.size = clampSize(size.cols, size.rows);
    this.listener = listener;
    this.checkAuth = checkAuth ?? (async () => true);
    this.session = null;
    this.next = null;
    this.consumed = 0;
    this.acked = 0;
    this.window = 1 << 20;
    this.lostBytes = 0;
    this.reconnects = 0;
    this.attempt = 0;
    this.socket = null;
    this.epoch = 0;
    this.stream = 0;
    this.retryTimer = null;
    this.ackTimer = null;
    this.pingTimer = null;
    this.lastHeard = 0;
    this.running = false;
    this.journal = new InputJournal();
    this.resentBytes = 0;
    this.lostInputBytes = 0;
  }

  /** Connects (or reconnects at once), resuming from the last byte received. */
  start({ takeover = false } = {}) {
    this.running = true;
    clearTimeout(this.retryTimer);
    this.abandon();
    this.open(takeover);
  }

  /** Closes the socket normally (1000) and stops reconnecting. */
  stop() {
    this.running = false;
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.abandon();
    if (socket && socket.readyState <= WebSocket.OPEN) socket.close(CloseCode.NORMAL, 'client done');
    this.emit('onState', 'stopped');
  }

  /** Forgets the stream (after a logout): the next start gets the session's recent history. */
  forget() {
    this.session = null;
    this.next = null;
    this.stream += 1;
    this.journal = new InputJournal(); // nobody's keys are sent again into the next login's shell
  }

  /**
   * Whether the terminal is still writing output that was produced before this attach (history or
   * missed output). Terminal answers to queries in it (cursor position, colours, device
   * attributes) were meant for programs long gone and must not reach the shell.
   */
  replaying() {
    return this.consumed < (this.replayUntil ?? 0);
  }

  /**
   * Sends keyboard input; dropped while not attached (like typing into a disconnected ssh). Input
   * that a connection swallowed as it died is sent again after the reconnect (PROTOCOL.md 5.1).
   */
  input(bytes) {
    if (!this.attached()) return;
    this.socket.send(bytes);
    this.journal.record(bytes);
  }

  /** Tells the relay the terminal's new size (also remembered for the next hello). */
  resize(cols, rows) {
    this.size = clampSize(cols, rows);
    if (this.attached()) this.sendJson({ type: 'resize', ...this.size });
  }

  attached() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN && this.isReady;
  }

  open(takeover) {
    const epoch = ++this.epoch;
    this.isReady = false;
    this.emit('onState', this.session === null ? 'connecting' : 'reconnecting');
    let socket;
    try {
      socket = new WebSocket(this.url, SUBPROTOCOL);
    } catch (e) {
      this.emit('onFinal', CloseCode.PROTOCOL_ERROR, `cannot open ${this.url}: ${e.message}`);
      return;
    }
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.lastHeard = Date.now();
      this.sendJson({
        type: 'hello',
        cols: this.size.cols,
        rows: this.size.rows,
        resumeFrom: this.next,
        takeover,
        client: this.clientId,
      });
      this.pingTimer = setInterval(() => this.keepAlive(epoch), PING_EVERY_MS);
    };
    socket.onmessage = (event) => {
      if (epoch !== this.epoch) return;
      this.lastHeard = Date.now();
      if (typeof event.data === 'string') this.control(event.data);
      else this.output(new Uint8Array(event.data));
    };
    socket.onclose = (event) => {
      if (epoch !== this.epoch) return;
      this.closed(event.code, event.reason, opened);
    };
  }

  control(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return; // The relay only sends JSON; a garbled frame is not worth dropping the session for.
    }
    switch (message.type) {
      case 'ready':
        this.ready(message);
        break;
      case 'exit':
        this.emit('onExit', message.code);
        break;
      case 'error':
        this.emit('onRelayError', message.code, message.message ?? message.code);
        break;
      default:
        break; // pong, and anything newer relays may add
    }
  }

  ready(message) {
    const newSession = this.session !== null && this.session !== message.session;
    const resumeFrom = newSession ? null : this.next;
    const offset = message.offset;
    const lost = resumeFrom !== null && offset > resumeFrom ? offset - resumeFrom : 0;
    const rewound = resumeFrom !== null && offset < resumeFrom ? resumeFrom - offset : 0;
    if (this.session === null || newSession || rewound > 0) {
      this.stream += 1; // terminal callbacks for older bytes no longer move `consumed`
      this.consumed = offset;
    } else if (lost > 0) {
      this.consumed = Math.max(this.consumed, offset);
    }
    this.session = message.session;
    this.window = message.window > 0 ? message.window : this.window;
    this.next = offset;
    this.acked = offset;
    this.replayUntil = typeof message.head === 'number' ? message.head : offset;
    this.lostBytes += lost;
    this.attempt = 0;
    this.isReady = true;
    const resend = this.journal.afterReady(message.input);
    for (const chunk of resend.chunks) {
      this.socket.send(chunk);
      this.resentBytes += chunk.length;
    }
    this.lostInputBytes += resend.lost;
    this.emit('onAttached', { session: message.session, offset, lost, rewound, newSession });
    this.emit('onState', 'live');
  }

  output(bytes) {
    if (!this.isReady) return;
    const end = this.next + bytes.length;
    const stream = this.stream;
    this.next = end;
    this.emit('onOutput', bytes, () => this.written(end, stream));
  }

  written(end, stream) {
    // A late callback for bytes of an older connection still counts within the same stream.
    if (stream !== this.stream || end <= this.consumed) return;
    this.consumed = end;
    if (this.consumed - this.acked >= this.window / 4) this.ack();
    else if (this.ackTimer === null) this.ackTimer = setTimeout(() => this.ack(), ACK_DEBOUNCE_MS);
  }

  ack() {
    clearTimeout(this.ackTimer);
    this.ackTimer = null;
    if (this.consumed > this.acked && this.attached()) {
      this.acked = this.consumed;
      this.sendJson({ type: 'ack', offset: this.consumed });
    }
  }

  keepAlive(epoch) {
    if (epoch !== this.epoch) return;
    if (Date.now() - this.lastHeard > DEAD_AFTER_MS) {
      // No pong, no output: the relay or the network is gone without a close frame.
      this.closed(CloseCode.ABNORMAL, 'relay not answering', true);
      return;
    }
    if (this.socket.readyState === WebSocket.OPEN) this.sendJson({ type: 'ping' });
  }

  async closed(code, reason, opened) {
    this.abandon();
    if (!this.running) return;
    const epoch = this.epoch;
    if (!opened) {
      const allowed = await this.checkAuth();
      if (epoch !== this.epoch || !this.running) return; // started or stopped meanwhile
      if (!allowed) {
        this.running = false;
        this.emit('onFinal', CloseCode.UNAUTHORIZED, 'login required');
        return;
      }
    }
    if (FINAL_CODES.has(code)) {
      this.running = false;
      this.emit('onFinal', code, reason);
      return;
    }
    const delay = Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 16);
    this.reconnects += 1;
    this.emit('onState', 'reconnecting', { code, reason, delay });
    this.retryTimer = setTimeout(() => this.running && this.open(false), delay);
  }

  /** Forgets the current socket: its events are ignored from now on. */
  abandon() {
    clearInterval(this.pingTimer);
    clearTimeout(this.ackTimer);
    this.ackTimer = null;
    this.isReady = false;
    const socket = this.socket;
    this.socket = null;
    this.epoch += 1;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null;
      if (socket.readyState <= WebSocket.OPEN) socket.close(CloseCode.NORMAL, 'client reconnecting');
    }
  }

  sendJson(message) {
    this.socket.send(JSON.stringify(message));
  }

  emit(name, ...args) {
    const callback = this.listener[name];
    if (callback) callback(...args);
  }
}

// The protocol's range (cols 1-1000, rows 1-500): a hello outside it would be closed with 4400.
function clampSize(cols, rows) {
  return { cols: Math.min(Math.max(cols, 1), 1000), rows: Math.min(Math.max(rows, 1), 500) };
}
