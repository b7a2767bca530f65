// The logs panel: the stored transcript (GET /session/logs) with search and paging, and a link to
// the whole session as an asciicast file (GET /session/logs.cast).

const PAGE_SIZE = 50;
// CSI, OSC (BEL- or ST-terminated), and two-byte escapes; then the remaining C0 controls.
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f]/g;

/** Binds the panel in `root`; returns `{open, close, toggle, isOpen}`. */
export function createLogsPanel(root, { onClose }) {
  const form = root.querySelector('form');
  const query = root.querySelector('#logs-query');
  const direction = root.querySelector('#logs-direction');
  const list = root.querySelector('#logs-items');
  const info = root.querySelector('#logs-info');
  const previous = root.querySelector('#logs-prev');
  const next = root.querySelector('#logs-next');
  const pages = []; // `from` of every page shown before the current one
  let current = null;
  let following = null;
  let inFlight = null;

  // Only the latest request may render: an older answer (the unfiltered first page asked for when
  // the panel opened) can arrive after a search's and must not overwrite it.
  async function load(from) {
    inFlight?.abort();
    const request = new AbortController();
    inFlight = request;
    const params = new URLSearchParams({ direction: direction.value, limit: String(PAGE_SIZE) });
    if (query.value) params.set('q', query.value);
    if (from !== null) params.set('from', String(from.from));
    if (from?.inputFrom !== undefined) params.set('inputFrom', String(from.inputFrom));
    root.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(`/session/logs?${params}`, {
        headers: { Accept: 'application/json' },
        signal: request.signal,
      });
      if (!response.ok) throw new Error(await failure(response));
      const body = await response.json();
      if (request.signal.aborted) return;
      current = from;
      following = body.next;
      render(body.items, query.value);
    } catch (e) {
      if (request.signal.aborted) return;
      list.replaceChildren(note(e.message, 'error'));
      following = null;
    } finally {
      if (inFlight === request) finish();
    }
  }

  function finish() {
    root.removeAttribute('aria-busy');
    previous.disabled = pages.length === 0;
    next.disabled = following === null;
    info.textContent = `page ${pages.length + 1}`;
  }

  function render(items, needle) {
    if (items.length === 0) {
      list.replaceChildren(note(needle ? `No output contains “${needle}”.` : 'Nothing recorded yet.'));
      return;
    }
    list.replaceChildren(...items.map((item) => entry(item, needle)));
    list.scrollTop = 0;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    pages.length = 0;
    load(null);
  });
  direction.addEventListener('change', () => form.requestSubmit());
  next.addEventListener('click', () => {
    if (following === null) return;
    pages.push(current);
    load(following);
  });
  previous.addEventListener('click', () => {
    if (pages.length > 0) load(pages.pop());
  });
  root.querySelector('#logs-close').addEventListener('click', () => panel.close());

  const panel = {
    isOpen: () => !root.hidden,
    open() {
      root.hidden = false;
      pages.length = 0;
      load(null);
      query.focus();
    },
    close() {
      root.hidden = true;
      onClose();
    },
    toggle() {
      if (panel.isOpen()) panel.close();
      else panel.open();
    },
  };
  return panel;
}

async function failure(response) {
  if (response.status === 401) return 'Sign in again to read the logs.';
  if (response.status === 503) return 'The transcript store is not reachable right now.';
  const body = await response.json().catch(() => ({}));
  return body.message ?? `The relay answered HTTP ${response.status}.`;
}

function entry(item, needle) {
  const li = document.createElement('li');
  li.className = `entry ${item.direction}`;
  const meta = document.createElement('div');
  meta.className = 'entry-meta';
  meta.append(
    span('dir', item.direction === 'input' ? 'in' : 'out'),
    span('time', new Date(item.time).toLocaleTimeString()),
    span('offset', `@${item.offset}`),
  );
  const text = document.createElement('pre');
  text.append(...highlighted(readable(item.text), needle));
  li.append(meta, text);
  return li;
}

/** The chunk as a person would read it: escapes and control characters removed. */
export function readable(text) {
  const plain = text.replace(ESCAPES, '').replace(/\r\n/g, '\n').replace(/\r/g, '');
  return plain.replace(CONTROLS, '').replace(/^\n+/, '');
}

function highlighted(text, needle) {
  if (!needle) return [text];
  const parts = [];
  const lower = text.toLowerCase();
  const wanted = needle.toLowerCase();
  let at = 0;
  for (let hit = lower.indexOf(wanted); hit >= 0; hit = lower.indexOf(wanted, at)) {
    parts.push(text.slice(at, hit));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(hit, hit + needle.length);
    parts.push(mark);
    at = hit + needle.length;
  }
  parts.push(text.slice(at));
  return parts;
}

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

function note(text, className = 'empty') {
  const li = document.createElement('li');
  li.className = className;
  li.textContent = text;
  return li;
}
