// Browser scenarios for the exec terminal (BrowserExecTest): the form, the bookmarkable address,
// the ended state with reconnect, the RBAC error and a caller's kubeconfig. The relay's exec
// gateway talks to a mock Kubernetes API whose exec runs a real bash on a real PTY.
import { lines, openTerminal, shot, typeLine, waitForLine, waitForPrompt } from './pages.mjs';

const execState = (page) => page.evaluate(() => window.kubetty.exec.state());
const waitExec = (page, state, timeout = 15000) =>
  page.waitForFunction((s) => window.kubetty?.exec?.state() === s, state, { timeout });

/** Every WebSocket URL the page opens (the exec socket's must carry no ticket). */
function recordSockets(page) {
  const urls = [];
  page.on('websocket', (socket) => urls.push(socket.url()));
  return urls;
}

async function fillForm(page, { namespace, pod, container = '', command = '', kubeconfig }) {
  await page.fill('#exec-form [name=namespace]', namespace);
  await page.fill('#exec-form [name=pod]', pod);
  await page.fill('#exec-form [name=container]', container);
  await page.fill('#exec-form [name=command]', command);
  if (kubeconfig !== undefined) await page.fill('#exec-form [name=kubeconfig]', kubeconfig);
}

/** `stty size` in the shell next to the terminal's own size. */
async function measure(page, tag) {
  const size = await page.evaluate(() => ({ cols: window.term.cols, rows: window.term.rows }));
  await typeLine(page, `echo ${tag} $(stty size)`);
  await waitForLine(page, `${tag} ${size.rows} ${size.cols}`, 5000).catch(() => {});
  const seen = (await lines(page)).filter((l) => l.startsWith(`${tag} `)).pop();
  return { ...size, stty: seen?.slice(tag.length + 1) ?? null };
}

async function shellPid(page, tag) {
  await typeLine(page, `echo ${tag}-$$`);
  await page.waitForFunction(
    (t) => {
      const b = window.term.buffer.active;
      for (let i = 0; i < b.length; i++) if (/^\S+-\d+$/.test(b.getLine(i).translateToString(true).trim()) && b.getLine(i).translateToString(true).startsWith(`${t}-`)) return true;
      return false;
    },
    tag,
    { timeout: 10000 },
  );
  return (await lines(page)).filter((l) => /^\S+-\d+$/.test(l.trim()) && l.startsWith(`${tag}-`)).pop().slice(tag.length + 1);
}

export const execScenarios = {
  async execForm(url) {
    const page = await openTerminal(url, { width: 1000, height: 620 });
    const sockets = recordSockets(page);
    await page.click('#exec-toggle');
    await page.waitForSelector('#exec:not([hidden])');
    await fillForm(page, { namespace: 'team-a', pod: 'web-0', container: 'app' });
    const kubeconfigField = await page.isVisible('#exec-form [name=kubeconfig]');
    await shot(page, 'exec-form.png');
    await page.click('#exec-form button[type=submit]');
    await waitExec(page, 'live');
    const address = await page.evaluate(() => location.pathname + location.search);
    await waitForPrompt(page);
    await typeLine(page, 'echo "exec-$((6*7))"');
    await waitForLine(page, 'exec-42');
    const before = await measure(page, 'SIZE1');
    await page.setViewportSize({ width: 1300, height: 760 });
    await page.waitForFunction((c) => window.term.cols !== c, before.cols, { timeout: 5000 });
    await page.waitForTimeout(200); // the resize message is on its way
    const after = await measure(page, 'SIZE2');
    const firstPid = await shellPid(page, 'PID1');
    await typeLine(page, 'ls --color=always -F / | head -n 8');
    await page.waitForTimeout(300);
    await shot(page, 'exec-live.png');
    await typeLine(page, 'exit 3');
    await waitExec(page, 'ended');
    const ended = {
      code: await page.evaluate(() => window.kubetty.exec.exitCode()),
      banner: await page.textContent('#exec-ended-text'),
      status: await page.textContent('#status-text'),
      mark: (await lines(page)).find((l) => l.includes('shell exited with code')),
    };
    await shot(page, 'exec-ended.png');
    await page.keyboard.press('Enter'); // one key: a new ticket, a new exec
    await page.waitForFunction(() => window.kubetty.exec.opens() === 2 && window.kubetty.exec.state() === 'live', null, { timeout: 15000 });
    await waitForPrompt(page);
    const secondPid = await shellPid(page, 'PID2');
    const execSockets = sockets.filter((u) => new URL(u).pathname === '/exec');
    return { kubeconfigField, address, before, after, ended, firstPid, secondPid, execSockets, bannerHidden: await page.isHidden('#exec-ended') };
  },

  async execAddress(url) {
    const page = await openTerminal(new URL('/?exec=team-a/web-0/app', url).toString());
    await typeLine(page, 'echo "addr-$((5+6))"');
    await waitForLine(page, 'addr-11');
    const title = await page.title();
    const session = await page.textContent('#session');
    // The address's command (split as a shell would) is what runs: bash without its rc files.
    const withCommand = await openTerminal(new URL('/?exec=team-a/web-0&command=bash%20--norc', url).toString());
    await typeLine(withCommand, 'echo "[$((2+2))-${PS1}]"');
    await waitForLine(withCommand, '[4-\\s-\\v\\$ ]');
    return { title, session, logsHidden: await page.isHidden('#logs-toggle'), status: await execState(page) };
  },

  /** Opens the address `/?exec=${args.target}`, expects a failure prompt, screenshots it. */
  async execFailure(url, args) {
    const page = await openTerminal(new URL(`/?exec=${args.target}`, url).toString(), { live: false, width: 1000, height: 620 });
    await page.waitForSelector('#overlay:not([hidden])', { timeout: 15000 });
    const seen = {
      state: await execState(page),
      title: await page.textContent('#overlay-title'),
      text: await page.textContent('#overlay-text'),
      buttons: await page.$$eval('#overlay-actions button', (bs) => bs.map((b) => b.textContent)),
    };
    await shot(page, args.shot);
    return seen;
  },

  async execKubeconfig(url, args) {
    const page = await openTerminal(new URL('/?exec', url).toString(), { live: false });
    await page.waitForSelector('#exec:not([hidden])', { timeout: 15000 });
    await fillForm(page, { namespace: 'team-b', pod: 'api-0' });
    // Loaded from a file, as a person would with "Load file…".
    await page.setInputFiles('#exec-kubeconfig-input', { name: 'mine.yaml', mimeType: 'application/yaml', buffer: Buffer.from(args.kubeconfig) });
    await page.waitForFunction(() => document.querySelector('#exec-form [name=kubeconfig]').value.includes('apiVersion'), null, { timeout: 5000 });
    const fileName = await page.textContent('#exec-kubeconfig-name');
    await page.click('#exec-form button[type=submit]');
    await waitExec(page, 'live');
    await waitForPrompt(page);
    await typeLine(page, 'echo "mine-$((9*9))"');
    await waitForLine(page, 'mine-81');
    const address = await page.evaluate(() => location.href);
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
    return { address, stored, fileName };
  },

  async execNotAllowed(url) {
    const page = await openTerminal(new URL('/?exec=team-z/web-0', url).toString(), { live: false });
    await page.waitForSelector('#exec:not([hidden])', { timeout: 15000 });
    return {
      error: await page.textContent('#exec-error'),
      namespace: await page.inputValue('#exec-form [name=namespace]'),
      pod: await page.inputValue('#exec-form [name=pod]'),
    };
  },
};
