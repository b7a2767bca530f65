// The client id this tab keeps across reloads (sessionStorage), so a reload replaces its own ghost
// connection instead of being told "session busy". A duplicated tab copies sessionStorage; the
// BroadcastChannel probe notices that the id is already live in another tab and picks a new one.

const KEY = 'kubetty.clientId';
const PROBE_MS = 120;

/** Resolves this tab's client id. */
export async function tabClientId() {
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel('kubetty-client-id') : null;
  let id = sessionStorage.getItem(KEY);
  if (id && channel && (await takenElsewhere(channel, id))) id = null;
  if (!id) {
    id = `web-${randomHex(8)}`;
    sessionStorage.setItem(KEY, id);
  }
  if (channel) {
    channel.onmessage = (event) => {
      if (event.data?.probe === id) channel.postMessage({ taken: id });
    };
  }
  return id;
}

function takenElsewhere(channel, id) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), PROBE_MS);
    channel.onmessage = (event) => {
      if (event.data?.taken === id) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    channel.postMessage({ probe: id });
  });
}

// crypto.getRandomValues works on plain http too (randomUUID needs a secure context).
function randomHex(bytes) {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (b) => b.toString(16).padStart(2, '0')).join('');
}
