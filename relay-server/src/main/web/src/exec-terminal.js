// The exec terminal: a shell in a Kubernetes container through the relay's exec gateway, in the
// page's xterm.js. Asks for a one-time ticket, opens the socket (ticket in the first frame), shows
// the exit code when the shell ends with a reconnect one key away, and says plainly why a shell
// could not open.
import { requestTicket } from './exec-api.js';
import { ExecConnection } from './exec-connection.js';
import { targetLabel } from './exec-route.js';
import { Mark } from './terminal.js';

/** Titles for the gateway's stable error codes (PROTOCOL.md section 15); its message follows. */
const FAILURES = {
  exec_forbidden: 'No permission to open a shell',
  credentials_rejected: 'Credentials rejected',
  pod_not_found: 'Pod not found',
  pod_not_running: 'Pod not running',
  cluster_unreachable: 'Cluster unreachable',
  no_shell: 'No shell in the container',
  exec_failed: 'Could not open a shell',
  connection_lost: 'Connection to the cluster lost',
};

const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_FORBIDDEN = 4403;

/**
 * `term` the page's terminal; `status` its status indicator; `ui` = `{showOverlay, button,
 * hideOverlay}`; `banner` = `{show(text, tone, actions), hide}` docked under the terminal;
 * `session` = `{enter(target), signIn(message), stillLoggedIn()}` — what the page does when the
 * first shell opens (leave the relay's session, set the address), when a login is needed, and
 * whether the login still holds; `changeTarget(target, message)` opens the form.
 *
 * Returns `{open(target, kubeconfig), reconnect(), input(bytes, data), resize(cols, rows), stop(),
 * state(), exitCode(), opens()}`; `open` resolves an error sentence for the form, or null.
 */
export function createExecTerminal({ term, status, ui, banner, session, changeTarget }) {
  const encoder = new TextEncoder();
  let current = null; // {target, kubeconfig} of the shell on screen
  let connection = null;
  let state = 'idle';
  let exitCode = null;
  let opens = 0;

  async function open(target, kubeconfig = '') {
    const ticket = await requestTicket(target, kubeconfig);
    if (!ticket.ok) {
      if (ticket.status === 401) {
        session.signIn('Sign in to open a shell.');
        return 'Sign in first.';
      }
      return ticket.message;
    }
    const first = current === null || targetLabel(current.target) !== targetLabel(target);
    if (first) session.enter(target);
    current = { target, kubeconfig };
    connect(ticket.ticket, first);
    return null;
  }

  async function reconnect() {
    if (!current || state === 'opening') return;
    setState('opening');
    banner.hide();
    ui.hideOverlay();
    const refused = await open(current.target, current.kubeconfig);
    if (refused) {
      setState('failed');
      changeTarget(current.target, refused);
    }
  }

  function connect(ticket, first) {
    connection?.close();
    exitCode = null;
    opens += 1;
    setState('opening');
    banner.hide();
    ui.hideOverlay();
    if (!first) term.write(Mark.note(`new shell in ${targetLabel(current.target)}`));
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const mine = new ExecConnection({
      url: `${scheme}//${location.host}/exec`,
      ticket,
      size: { cols: term.cols, rows: term.rows },
      listener: {
        onReady: () => {
          setState('live');
          term.focus();
        },
        onOutput: (bytes, written) => term.write(bytes, written),
        onExit: (code) => exited(code),
        onFailure: (code, message) => failed(code, message),
        onClosed: (code, reason, opened) => closed(code, reason, opened),
      },
    });
    connection = mine;
  }

  function exited(code) {
    exitCode = code;
    setState('ended', `exited (${code})`);
    term.write(Mark.note(`shell exited with code ${code}`));
    banner.show(`The shell exited with code ${code}.`, code === 0 ? 'ok' : 'warn', endedActions());
  }

  function failed(code, message) {
    const title = FAILURES[code] ?? 'The shell stopped';
    // Every other code means the exec never started (`ready` comes before the exec does).
    if (code === 'connection_lost') {
      setState('ended', 'disconnected');
      term.write(Mark.lost(message));
      banner.show(`${title}: ${message}`, 'danger', endedActions());
      return;
    }
    setState('failed');
    ui.showOverlay(title, message, [
      ui.button('Try again', reconnect, 'primary'),
      ui.button('Change target', () => changeTarget(current.target)),
    ]);
  }

  async function closed(code, reason, opened) {
    connection = null;
    if (state === 'ended' || state === 'failed') return; // exit or error said it already
    if (code === CLOSE_UNAUTHORIZED || (!opened && !(await session.stillLoggedIn()))) {
      setState('failed');
      session.signIn('Your session has ended. Sign in again to continue.');
      return;
    }
    if (!opened) {
      setState('failed');
      ui.showOverlay('Relay unreachable', 'The exec connection to the relay could not be opened.', [
        ui.button('Try again', reconnect, 'primary'),
      ]);
      return;
    }
    if (code === CLOSE_FORBIDDEN) {
      setState('failed');
      ui.showOverlay('Ticket refused', `The relay refused the exec ticket: ${reason}.`, [
        ui.button('Try again', reconnect, 'primary'),
      ]);
      return;
    }
    setState('ended', 'disconnected');
    term.write(Mark.lost(`disconnected from the relay (${code})`));
    banner.show(
      'The connection to the relay was lost. A shell cannot be resumed: reconnect opens a new one.',
      'danger',
      endedActions(),
    );
  }

  function endedActions() {
    return [
      ui.button('Reconnect', reconnect, 'primary', 'Enter'),
      ui.button('Change target', () => changeTarget(current.target)),
    ];
  }

  function setState(name, label) {
    state = name;
    status.show(name === 'opening' ? 'connecting' : name, label);
  }

  return {
    open,
    reconnect,
    /** Keyboard input: to the shell while it runs; Enter reconnects once it has ended. */
    input(data) {
      if (state === 'live') connection?.input(typeof data === 'string' ? encoder.encode(data) : data);
      else if (state === 'ended' && data === '\r') reconnect();
    },
    resize: (cols, rows) => connection?.resize(cols, rows),
    stop() {
      connection?.close();
      connection = null;
      setState('idle');
      banner.hide();
    },
    state: () => state,
    exitCode: () => exitCode,
    opens: () => opens,
    target: () => current?.target ?? null,
  };
}
