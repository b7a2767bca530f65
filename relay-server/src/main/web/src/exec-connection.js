// One exec socket: GET /exec (kubetty.v1) whose first frame, hello, carries the one-time ticket —
// so the ticket never appears in a URL or a proxy's log. One socket is one shell: it is never
// resumed; a reconnect is a new ticket and a new ExecConnection. Knows nothing of the DOM.

const SUBPROTOCOL = 'kubetty.v1';
const ACK_DEBOUNCE_MS = 150;

/**
 * Listener callbacks (all optional): `onReady()`; `onOutput(bytes, written)` — call `written()`
 * once the terminal has drawn the bytes (acks follow it, so a slow tab slows the shell down);
 * `onExit(code)`; `onFailure(code, message)` for the relay's `error` (the exec could not start or
 * lost its cluster connection); `onClosed(code, reason, opened)` last, once.
 */
export class ExecConnection {
  constructor({ url, ticket, size, listener }) {
    this.listener = listener;
    this.size = clampSize(size.cols, size.rows);
    this.ready = false;
    this.finished = false;
    this.received = 0;
    this.consumed = 0;
    this.acked = 0;
    this.window = 1 << 20;
    this.ackTimer = null;
    this.socket = new WebSocket(url, SUBPROTOCOL);
    this.socket.binaryType = 'arraybuffer';
    let opened = false;
    this.socket.onopen = () => {
      opened = true;
      this.send({ type: 'hello', cols: this.size.cols, rows: this.size.rows, ticket });
    };
    this.socket.onmessage = (event) => {
      if (typeof event.data === 'string') this.control(event.data);
      else this.output(new Uint8Array(event.data));
    };
    this.socket.onclose = (event) => this.closed(event.code, event.reason, opened);
  }

  /** Keyboard input for the shell; dropped unless the shell runs. */
  input(bytes) {
    if (this.ready && this.socket.readyState === WebSocket.OPEN) this.socket.send(bytes);
  }

  /** The terminal's new size (remembered if the hello has not gone out yet). */
  resize(cols, rows) {
    this.size = clampSize(cols, rows);
    if (this.ready && this.socket.readyState === WebSocket.OPEN) this.send({ type: 'resize', ...this.size });
  }

  /** Closes the socket (the relay ends the exec); no callbacks follow. */
  close() {
    this.finished = true;
    clearTimeout(this.ackTimer);
    this.socket.onopen = this.socket.onmessage = this.socket.onclose = null;
    if (this.socket.readyState <= WebSocket.OPEN) this.socket.close(1000, 'client done');
  }

  control(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (message.window > 0) this.window = message.window;
        this.emit('onReady');
        break;
      case 'exit':
        this.emit('onExit', message.code);
        break;
      case 'error':
        this.emit('onFailure', message.code, message.message ?? message.code);
        break;
      default:
        break; // pong, and anything newer relays may add
    }
  }

  output(bytes) {
    const end = (this.received += bytes.length);
    this.emit('onOutput', bytes, () => this.written(end));
  }

  written(end) {
    if (end <= this.consumed) return;
    this.consumed = end;
    if (this.consumed - this.acked >= this.window / 4) this.ack();
    else if (this.ackTimer === null) this.ackTimer = setTimeout(() => this.ack(), ACK_DEBOUNCE_MS);
  }

  ack() {
    clearTimeout(this.ackTimer);
    this.ackTimer = null;
    if (this.consumed > this.acked && this.socket.readyState === WebSocket.OPEN) {
      this.acked = this.consumed;
      this.send({ type: 'ack', offset: this.consumed });
    }
  }

  closed(code, reason, opened) {
    if (this.finished) return;
    this.finished = true;
    this.ready = false;
    clearTimeout(this.ackTimer);
    this.emit('onClosed', code, reason, opened);
  }

  send(message) {
    this.socket.send(JSON.stringify(message));
  }

  emit(name, ...args) {
    this.listener[name]?.(...args);
  }
}

// The protocol's range (cols 1-1000, rows 1-500).
function clampSize(cols, rows) {
  return { cols: Math.min(Math.max(cols, 1), 1000), rows: Math.min(Math.max(rows, 1), 500) };
}
