// The page: a terminal attached to the relay's session — or, at `/?exec=namespace/pod[/container]`,
// to a shell in a Kubernetes container through the relay's exec gateway — a status bar, the login
// form, the exec form, the busy / taken-over prompts, the find bar and the logs panel.
import '@xterm/xterm/css/xterm.css';
import './style.css';
import { logIn, logOut, refresh, stillLoggedIn, whoAmI } from './auth.js';
import { tabClientId } from './client-id.js';
import { createExecPage } from './exec-page.js';
import { createLogsPanel } from './logs.js';
import { CloseCode, RelayConnection } from './protocol.js';
import { createStatus } from './status.js';
import { Mark, createTerminal } from './terminal.js';

const $ = (id) => document.getElementById(id);
const encoder = new TextEncoder();

const { term, fit, search } = createTerminal($('terminal'), {
  onTitle: (title) => {
    document.title = title ? `${title} · KubeTTY` : 'KubeTTY';
  },
});
const status = createStatus({ state: $('status'), text: $('status-text'), lost: $('lost') });
const logs = createLogsPanel($('logs'), { onClose: () => refit(true) });

const connection = new RelayConnection({
  url: webSocketUrl(),
  clientId: await tabClientId(),
  size: { cols: term.cols, rows: term.rows },
  checkAuth: stillLoggedIn,
  listener: {
    onState: (state, detail) => status.show(state, detail),
    onAttached: attached,
    onOutput: (bytes, written) => term.write(bytes, written),
    onExit: (code) => term.write(Mark.note(`shell exited with code ${code}; a new shell starts`)),
    onRelayError: (code, message) => term.write(Mark.note(`relay refused: ${message}`)),
    onFinal: final,
  },
});

const exec = createExecPage({
  term,
  status,
  ui: { showOverlay, hideOverlay, button },
  leaveSession: () => {
    connection.stop();
    connection.forget();
    if (logs.isOpen()) logs.close();
  },
  showLogin,
  stillLoggedIn,
});

// For people and for the browser tests: the terminal and the connection's counters.
window.term = term;
window.kubetty = { connection, exec: exec.terminal, status: () => $('status').dataset.state };

// While history replays, xterm.js answers the queries in it (vim asks for the cursor position,
// colours, device attributes): those answers start with ESC and would land in the shell as junk.
const stale = (data) => connection.replaying() && data.startsWith('\x1b');
term.onData((data) => {
  if (exec.active()) exec.input(data);
  else stale(data) || connection.input(encoder.encode(data));
});
term.onBinary((data) => {
  const bytes = Uint8Array.from(data, (c) => c.charCodeAt(0));
  if (exec.active()) exec.input(bytes);
  else stale(data) || connection.input(bytes);
});
term.onResize(({ cols, rows }) => {
  connection.resize(cols, rows);
  exec.resize(cols, rows);
  $('size').textContent = `${cols}×${rows}`;
});
$('size').textContent = `${term.cols}×${term.rows}`;

function attached({ session, lost, rewound, newSession }) {
  hideOverlay();
  $('session').textContent = session;
  if (newSession) term.write(Mark.note(`the relay started a new session (${session})`));
  if (lost > 0) {
    term.write(Mark.lost(`${lost.toLocaleString('en')} bytes of output lost while disconnected`));
    status.addLost(lost);
  }
  if (rewound > 0) {
    term.write(Mark.note(`the relay lost its last ${formatBytes(rewound)}; continuing from there`));
  }
}

async function final(code, reason) {
  switch (code) {
    case CloseCode.BUSY:
      status.show('busy');
      showOverlay('In use elsewhere', 'Another window or the desktop app is attached to this session. Take over? The other one will be disconnected.', [
        button('Take over', () => connection.start({ takeover: true }), 'primary'),
        button('Try again', () => connection.start()),
      ]);
      break;
    case CloseCode.TAKEN_OVER:
      status.show('taken');
      showOverlay('Taken over', 'This session was opened in another window. Your screen is kept; nothing is lost.', [
        button('Take it back', () => connection.start({ takeover: true }), 'primary'),
      ]);
      break;
    case CloseCode.UNAUTHORIZED:
      if (await refresh()) connection.start();
      else showLogin('Your session has ended. Sign in again to continue.');
      break;
    default:
      status.show('stopped');
      showOverlay(code === CloseCode.NORMAL ? 'Disconnected' : 'Connection refused', reason || `The relay closed the connection (${code}).`, [
        button('Reconnect', () => connection.start(), 'primary'),
      ]);
  }
}

// ---- login ----

async function boot() {
  let who;
  try {
    who = await whoAmI();
  } catch (e) {
    showOverlay('Relay unreachable', e.message, [button('Retry', () => location.reload(), 'primary')]);
    return;
  }
  signedIn(who);
  if (who.state === 'out') showLogin();
  else start();
}

/** Starts what the address asks for (the session, or a pod's shell), once signed in. */
function start() {
  const opening = exec.start(); // on a session address: only asks whether to offer Exec…
  if (!exec.active()) connection.start();
  return opening;
}

// Back and forward between the session and exec addresses: the page starts over for the address.
window.addEventListener('popstate', () => location.reload());

function signedIn(who) {
  $('auth-warning').hidden = who.authMode !== 'disabled';
  $('user').hidden = who.state !== 'in';
  $('user').textContent = who.username ?? '';
  $('logout').hidden = who.state !== 'in';
}

function showLogin(message = '') {
  status.show('signed-out');
  hideOverlay();
  exec.hideForm();
  if (logs.isOpen()) logs.close();
  document.body.dataset.auth = 'out';
  $('login').hidden = false;
  $('login-error').textContent = message;
  $('login-form').elements.username.focus();
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const submit = form.querySelector('button[type=submit]');
  submit.disabled = true;
  try {
    const result = await logIn(form.elements.username.value, form.elements.password.value);
    if (!result.ok) {
      $('login-error').textContent = result.message;
      return;
    }
    if ((await whoAmI()).state === 'out') {
      // The relay's cookies are Secure by default; over plain http (not localhost) they are dropped.
      $('login-error').textContent =
        'Signed in, but the browser did not keep the login cookie. Open the relay over HTTPS (or set AUTH_COOKIE_SECURE=false on a trusted network).';
      return;
    }
    form.elements.password.value = '';
    $('login').hidden = true;
    delete document.body.dataset.auth;
    signedIn({ state: 'in', username: result.username, authMode: 'local' });
    if (exec.active()) exec.afterSignIn();
    else start();
    term.focus();
  } catch {
    $('login-error').textContent = 'The relay cannot be reached.';
  } finally {
    submit.disabled = false;
  }
});

$('logout').addEventListener('click', async () => {
  connection.stop();
  exec.stop();
  await logOut();
  connection.forget();
  term.reset();
  signedIn({ state: 'out', authMode: 'local' });
  showLogin();
});

// ---- overlay prompts ----

function showOverlay(title, text, actions) {
  $('overlay-title').textContent = title;
  $('overlay-text').textContent = text;
  $('overlay-actions').replaceChildren(...actions);
  $('overlay').hidden = false;
  actions[0]?.focus();
}

function hideOverlay() {
  $('overlay').hidden = true;
}

function button(label, action, className = '', key = '') {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.className = className;
  if (key) {
    const hint = document.createElement('kbd');
    hint.textContent = key;
    element.append(hint);
  }
  element.addEventListener('click', () => {
    hideOverlay();
    action();
    // Unless the action moved the focus (to a form), typing goes to the terminal again.
    if (document.activeElement === element || document.activeElement === document.body) term.focus();
  });
  return element;
}

// ---- find bar, logs panel, fitting ----

const findInput = $('find-input');
const findOptions = {
  decorations: {
    matchBackground: '#3a4b2c',
    matchOverviewRuler: '#8fd18b',
    activeMatchBackground: '#8a6d1f',
    activeMatchColorOverviewRuler: '#e5c07b',
  },
};

function toggleFind(show = $('find-bar').hidden) {
  $('find-bar').hidden = !show;
  if (show) {
    findInput.select();
    findInput.focus();
  } else {
    search.clearDecorations();
    term.focus();
  }
}

$('find-bar').addEventListener('submit', (event) => {
  event.preventDefault();
  search.findNext(findInput.value, findOptions);
});
findInput.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') toggleFind(false);
  if (event.key === 'Enter' && event.shiftKey) {
    event.preventDefault();
    search.findPrevious(findInput.value, findOptions);
  }
});
findInput.addEventListener('input', () => search.findNext(findInput.value, { ...findOptions, incremental: true }));
$('find-prev').addEventListener('click', () => search.findPrevious(findInput.value, findOptions));
$('find-close').addEventListener('click', () => toggleFind(false));
$('find-toggle').addEventListener('click', () => toggleFind());
$('logs-toggle').addEventListener('click', () => {
  logs.toggle();
  refit();
});
window.addEventListener('keydown', (event) => {
  if (event.ctrlKey && event.shiftKey && event.code === 'KeyF') {
    event.preventDefault();
    toggleFind();
  }
});

let fitPending = false;
function refit(focus = false) {
  if (fitPending) return;
  fitPending = true;
  requestAnimationFrame(() => {
    fitPending = false;
    fit.fit();
    if (focus) term.focus();
  });
}
new ResizeObserver(() => refit()).observe($('terminal'));
window.addEventListener('online', () => {
  if (connection.running) connection.start();
});

function webSocketUrl() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

function formatBytes(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

term.focus();
boot();
