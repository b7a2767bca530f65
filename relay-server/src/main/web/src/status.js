// The status indicator: one word for the connection state and a counter of bytes lost to gaps.

const LABELS = {
  connecting: 'connecting…',
  live: 'live',
  reconnecting: 'reconnecting…',
  stopped: 'disconnected',
  busy: 'in use elsewhere',
  taken: 'taken over',
  'signed-out': 'signed out',
  ended: 'ended',
  failed: 'failed',
};

/**
 * Binds the status elements; returns `{show(state, detail), addLost(bytes)}`. A string `detail`
 * replaces the state's usual label.
 */
export function createStatus({ state, text, lost }) {
  let lostBytes = 0;
  return {
    show(name, detail) {
      state.dataset.state = name;
      let label = typeof detail === 'string' ? detail : (LABELS[name] ?? name);
      if (name === 'reconnecting' && detail?.delay > 1000) {
        label = `reconnecting in ${Math.ceil(detail.delay / 1000)} s…`;
      }
      text.textContent = label;
    },
    addLost(bytes) {
      lostBytes += bytes;
      lost.hidden = false;
      lost.textContent = `${lostBytes.toLocaleString('en')} bytes lost`;
      lost.title = 'Output the relay no longer held when this page reconnected';
    },
  };
}
