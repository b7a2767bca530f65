// The exec side of the page: the *Exec…* button, the form, the `/?exec=` address and the exec
// terminal, wired to the page's xterm.js terminal, status bar and prompts.
import { execSettings } from './exec-api.js';
import { createExecForm } from './exec-form.js';
import { execPath, execRoute, splitCommand, targetLabel, targetProblem } from './exec-route.js';
import { createExecTerminal } from './exec-terminal.js';

const OFF_TEXT =
  'This relay does not open shells in pods. Its administrator can set KUBETTY_EXEC_ALLOW (pods the relay may exec into) or KUBETTY_EXEC_KUBECONFIG=on.';

/**
 * `ui` = `{showOverlay, hideOverlay, button}` (the page's prompts); `leaveSession()` detaches the
 * relay's own session when the first shell of a pod opens in a session page; `showLogin(message)`
 * and `stillLoggedIn()` as the page has them. Returns `{active(), start(), afterSignIn(), input,
 * resize, stop, hideForm, terminal}`: `active()` is whether the terminal shows a pod's shell (the address is
 * an exec address) rather than the relay's session.
 */
export function createExecPage({ term, status, ui, leaveSession, showLogin, stillLoggedIn }) {
  const $ = (id) => document.getElementById(id);
  let settings = { enabled: false, kubeconfig: false };
  let active = execRoute() !== null;

  const form = createExecForm($('exec'), {
    onOpen: async (target, kubeconfig) => {
      const refused = await terminal.open(target, kubeconfig);
      if (!refused) form.hide();
      return refused;
    },
    onCancel: () => {
      if (active && terminal.target() === null) location.assign('/');
      else term.focus();
    },
  });
  const showForm = (target, message) => form.show({ target, message, kubeconfig: settings.kubeconfig });

  const terminal = createExecTerminal({
    term,
    status,
    ui,
    banner: { show: showBanner, hide: () => ($('exec-ended').hidden = true) },
    session: { enter, signIn: showLogin, stillLoggedIn },
    changeTarget: showForm,
  });

  $('exec-toggle').addEventListener('click', () => showForm(terminal.target() ?? undefined));

  /** The first shell of a target opens: leave the relay's session, show the target's address. */
  function enter(target) {
    if (!active) leaveSession();
    active = true;
    document.body.dataset.mode = 'exec';
    term.reset();
    const path = execPath(target);
    if (location.pathname + location.search !== path) history.pushState(null, '', path);
    $('session').textContent = targetLabel(target);
    document.title = `${targetLabel(target)} · KubeTTY`;
  }

  /** The bar under a shell that has ended: what happened and what to do next. */
  function showBanner(text, tone, actions) {
    $('exec-ended').dataset.tone = tone;
    $('exec-ended-text').textContent = text;
    $('exec-ended-actions').replaceChildren(...actions);
    $('exec-ended').hidden = false;
  }

  /** Once signed in: learns what the gateway accepts; on an exec address opens it. */
  async function start() {
    settings = await execSettings();
    $('exec-toggle').hidden = !settings.enabled;
    if (!active) return;
    document.body.dataset.mode = 'exec';
    const route = execRoute();
    if (!settings.enabled) {
      status.show('stopped');
      ui.showOverlay('Exec is off', OFF_TEXT, [
        ui.button('Open the relay session', () => location.assign('/'), 'primary'),
      ]);
      return;
    }
    $('session').textContent = targetLabel(route);
    if (targetProblem(route)) {
      status.show('stopped', 'choose a pod');
      showForm(route);
      return;
    }
    const refused = await terminal.open({ ...route, argv: splitCommand(route.command) });
    if (refused) {
      status.show('failed');
      showForm(route, refused);
    }
  }

  return {
    active: () => active,
    start,
    /** After a sign-in: a shell that was open reconnects, else the address is opened. */
    afterSignIn: () => (active && terminal.target() ? terminal.reconnect() : start()),
    input: (data) => terminal.input(data),
    resize: (cols, rows) => terminal.resize(cols, rows),
    stop() {
      terminal.stop();
      form.hide();
    },
    hideForm: () => form.hide(),
    terminal,
  };
}
