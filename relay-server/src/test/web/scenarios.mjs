// The browser scenarios: each drives pages through the relay's browser page and returns what it
// observed; BrowserTest asserts on it.
import { control } from './channel.mjs';
import {
  PASSWORD,
  USER,
  enterLine,
  lines,
  newContext,
  openTerminal,
  shot,
  signIn,
  typeLine,
  waitForLine,
  waitForPrompt,
  waitLive,
  waitState,
} from './pages.mjs';

export const scenarios = {
  async command(url) {
    const page = await openTerminal(url);
    await typeLine(page, 'echo "browser-$((6*7))"');
    await waitForLine(page, 'browser-42');
    return { lines: await lines(page), status: await page.evaluate(() => window.kubetty.status()) };
  },

  async title(url) {
    const page = await openTerminal(url);
    await typeLine(page, "printf '\\033]0;%s\\007' build-$((3+4))-title");
    await page.waitForFunction(() => document.title.includes('build-7-title'), null, { timeout: 10000 });
    return { title: await page.title() };
  },

  async colours(url) {
    const page = await openTerminal(url);
    await typeLine(page, "printf 'C:\\033[31mRED\\033[0m \\033[38;2;255;128;0mORANGE\\033[0m \\033[1;32mBOLD\\033[0m\\n'");
    await waitForLine(page, 'C:RED ORANGE BOLD');
    const data = await page.evaluate(() => {
      const buffer = window.term.buffer.active;
      for (let y = buffer.length - 1; y >= 0; y--) {
        const line = buffer.getLine(y);
        if (!line.translateToString(true).startsWith('C:RED')) continue;
        const cell = (x) => {
          const c = line.getCell(x);
          return { chars: c.getChars(), palette: c.isFgPalette(), rgb: c.isFgRGB(), colour: c.getFgColor(), bold: c.isBold() !== 0 };
        };
        const rendered = [...document.querySelectorAll('.xterm-rows span')].find((s) => s.textContent === 'RED');
        return { red: cell(2), orange: cell(6), bold: cell(13), renderedRed: rendered ? getComputedStyle(rendered).color : null };
      }
      return null;
    });
    await typeLine(page, 'ls --color=always -F / | head -n 12; echo https://kubetty.dev/docs');
    await waitForLine(page, 'https://kubetty.dev/docs');
    await shot(page, 'terminal.png');
    return { ...data, link: await clickLink(page, 'https://kubetty.dev/docs') };
  },

  async clipboard(url) {
    const context = await newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const page = await openTerminal(url, { context });
    await typeLine(page, 'echo copy-me-$((9*11))');
    await waitForLine(page, 'copy-me-99');
    // Select the output line as a mouse would (xterm's selection API), then read the clipboard.
    await page.evaluate(() => {
      const buffer = window.term.buffer.active;
      for (let y = buffer.length - 1; y >= 0; y--) {
        if (buffer.getLine(y).translateToString(true) === 'copy-me-99') {
          window.term.select(0, y, 'copy-me-99'.length);
          return;
        }
      }
    });
    await page.waitForFunction(async () => (await navigator.clipboard.readText()) === 'copy-me-99', null, { timeout: 5000, polling: 100 });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // A paste event, as the browser fires it for Ctrl+Shift+V or the context menu.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'echo pasted-$((9*9))');
      const target = document.querySelector('.xterm-helper-textarea');
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.keyboard.press('Enter');
    await waitForLine(page, 'pasted-81');
    return { copied };
  },

  async vim(url) {
    const page = await openTerminal(url);
    const file = `/tmp/kubetty-vim-${Date.now()}.txt`;
    await typeLine(page, `vim -u NONE -N ${file}`);
    await page.waitForFunction(() => window.term.buffer.active.type === 'alternate', null, { timeout: 10000 });
    const inVim = await page.evaluate(() => window.term.buffer.active.type);
    await page.waitForTimeout(300); // vim reads the terminal's answers before it takes keys
    await page.keyboard.type('ihello from vim');
    await page.keyboard.press('Escape');
    await typeLine(page, ':wq');
    await page.waitForFunction(() => window.term.buffer.active.type === 'normal', null, { timeout: 10000 });
    const after = await page.evaluate(() => window.term.buffer.active.type);
    await typeLine(page, `echo "[$(cat ${file})]"`);
    await waitForLine(page, '[hello from vim]');
    return { inVim, after };
  },

  async resize(url) {
    const page = await openTerminal(url, { width: 900, height: 560 });
    const measure = async (tag) => {
      await typeLine(page, `echo ${tag} $(stty size)`);
      const size = await page.evaluate(() => ({ cols: window.term.cols, rows: window.term.rows }));
      const wanted = `${tag} ${size.rows} ${size.cols}`;
      await waitForLine(page, wanted, 5000).catch(() => {});
      const seen = (await lines(page)).filter((l) => l.startsWith(`${tag} `)).pop();
      return { ...size, stty: seen?.slice(tag.length + 1) ?? null };
    };
    const before = await measure('SIZE1');
    const cols = before.cols;
    await page.setViewportSize({ width: 1400, height: 820 });
    await page.waitForFunction((c) => window.term.cols !== c, cols, { timeout: 5000 });
    await page.waitForTimeout(200); // the resize message is on its way to the relay
    const after = await measure('SIZE2');
    return { before, after };
  },

  async swallowed(url) {
    const page = await openTerminal(url);
    await enterLine(page, 'echo warm-$((2+2))');
    await waitForLine(page, 'warm-4');
    await control('freeze'); // the network holds what is typed now, then loses it in the cut
    await typeLine(page, 'echo swallowed-$((40+2))');
    await page.waitForTimeout(300);
    await control('cut');
    await waitForLine(page, 'swallowed-42', 15000);
    await enterLine(page, 'echo after-$((1+2))');
    await waitForLine(page, 'after-3');
    return {
      runs: (await lines(page)).filter((l) => l.trim() === 'swallowed-42').length,
      resent: await page.evaluate(() => window.kubetty.connection.resentBytes),
      lost: await page.evaluate(() => window.kubetty.connection.lostInputBytes),
    };
  },

  async flood(url) {
    const page = await openTerminal(url);
    const start = await page.evaluate(() => window.kubetty.connection.next);
    await typeLine(page, 'seq 1 200000; echo flood-done-$((1+1))');
    await page.waitForFunction((s) => window.kubetty.connection.next > s + 300000, start, { timeout: 30000, polling: 5 });
    await control('cut');
    await page.waitForFunction(() => window.kubetty.connection.reconnects > 0, null, { timeout: 10000 });
    await waitLive(page);
    await waitForLine(page, 'flood-done-2', 60000);
    const all = await lines(page);
    const done = all.lastIndexOf('flood-done-2');
    return {
      tail: all.slice(Math.max(0, done - 5000), done + 1),
      lost: await page.evaluate(() => window.kubetty.connection.lostBytes),
      reconnects: await page.evaluate(() => window.kubetty.connection.reconnects),
      gapMarks: all.filter((l) => l.includes('[kubetty:')).length,
    };
  },

  async gap(url) {
    const page = await openTerminal(url);
    // 121-byte lines: what follows the gap (1 MiB) still fits in the 10,000 lines of scrollback.
    await enterLine(page, "sleep 1; seq -f '%0120g' 1 16000; echo gap-done-$((5+5))");
    await control('offline'); // cut, and refuse reconnects while the flood overflows the buffer
    await page.waitForFunction(() => window.kubetty.status() === 'reconnecting', null, { timeout: 5000 });
    await page.waitForTimeout(3000);
    await control('online');
    await waitForLine(page, 'gap-done-10', 30000);
    const all = await lines(page);
    const markAt = all.findIndex((l) => l.startsWith('[kubetty:'));
    await page.evaluate((y) => window.term.scrollToLine(Math.max(0, y - 12)), markAt);
    await shot(page, 'gap.png');
    return {
      lost: await page.evaluate(() => window.kubetty.connection.lostBytes),
      marks: all.filter((l) => l.startsWith('[kubetty:')),
      status: await page.textContent('#lost'),
      tail: all.slice(Math.max(0, all.lastIndexOf('gap-done-10') - 1000), all.lastIndexOf('gap-done-10') + 1),
    };
  },

  async login(url) {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('#login:not([hidden])', { timeout: 15000 });
    const before = { state: await page.evaluate(() => window.kubetty.status()), logs: (await page.request.get(new URL('/session/logs', url).toString())).status() };
    await shot(page, 'login.png');
    await signIn(page, USER, 'not the password');
    await page.waitForFunction(() => document.getElementById('login-error').textContent !== '', null, { timeout: 10000 });
    const wrong = await page.textContent('#login-error');
    await signIn(page, USER, PASSWORD);
    await waitLive(page);
    const user = await page.textContent('#user');
    await page.evaluate(() => window.term.focus());
    await waitForPrompt(page);
    await typeLine(page, 'echo signed-in-$((7*6))');
    await waitForLine(page, 'signed-in-42');
    const logsWhileIn = (await page.request.get(new URL('/session/logs', url).toString())).status();
    await page.click('#logout');
    await page.waitForSelector('#login:not([hidden])', { timeout: 10000 });
    const logsAfter = (await page.request.get(new URL('/session/logs', url).toString())).status();
    return { before, wrong, user, logsWhileIn, logsAfter, cleared: (await lines(page)).join('').trim() === '' };
  },

  async refresh(url) {
    const page = await openTerminal(url);
    const context = page.context();
    // An access token that no longer opens the door: the reconnect's upgrade gets 401 and the page
    // must refresh (refresh cookie) before it resumes.
    await context.clearCookies({ name: 'kubetty_access' });
    // Cut once the shell has the whole line, so that the command's output is what crosses the
    // reconnect (input sent again after one is the 'swallowed' scenario).
    await enterLine(page, 'sleep 0.5; echo refreshed-$((8*8))');
    await control('cut');
    await waitForLine(page, 'refreshed-64', 20000);
    const cookies = (await context.cookies()).map((c) => c.name);
    return {
      reconnects: await page.evaluate(() => window.kubetty.connection.reconnects),
      lost: await page.evaluate(() => window.kubetty.connection.lostBytes),
      status: await page.evaluate(() => window.kubetty.status()),
      accessCookieBack: cookies.includes('kubetty_access'),
    };
  },

  async revoked(url) {
    const page = await openTerminal(url, { user: 'bob' });
    await control('revoke');
    await page.waitForSelector('#login:not([hidden])', { timeout: 15000 });
    return { error: await page.textContent('#login-error'), state: await page.evaluate(() => window.kubetty.status()) };
  },

  async exit(url) {
    const page = await openTerminal(url);
    await typeLine(page, 'exit 3');
    await page.waitForFunction(
      () => {
        const b = window.term.buffer.active;
        for (let i = 0; i < b.length; i++) if (b.getLine(i).translateToString(true).includes('shell exited with code 3')) return true;
        return false;
      },
      null,
      { timeout: 15000 },
    );
    await waitForPrompt(page);
    const mark = (await lines(page)).find((l) => l.includes('shell exited'));
    return { mark, status: await page.evaluate(() => window.kubetty.status()) };
  },

  async takeover(url) {
    const first = await openTerminal(url);
    const second = await openTerminal(url, { live: false });
    await second.waitForSelector('#overlay:not([hidden])', { timeout: 10000 });
    const busy = {
      state: await second.evaluate(() => window.kubetty.status()),
      title: await second.textContent('#overlay-title'),
      text: await second.textContent('#overlay-text'),
    };
    await shot(second, 'takeover-prompt.png');
    await second.click('#overlay-actions button:has-text("Take over")');
    await waitLive(second);
    await first.waitForSelector('#overlay:not([hidden])', { timeout: 10000 });
    const taken = {
      state: await first.evaluate(() => window.kubetty.status()),
      title: await first.textContent('#overlay-title'),
      button: await first.textContent('#overlay-actions button'),
    };
    await first.click('#overlay-actions button:has-text("Take it back")');
    await waitLive(first);
    await waitState(second, 'taken');
    await first.evaluate(() => window.term.focus());
    await typeLine(first, 'echo back-$((2+3))');
    await waitForLine(first, 'back-5');
    return { busy, taken, secondAfter: await second.evaluate(() => window.kubetty.status()) };
  },

  async reload(url) {
    const page = await openTerminal(url);
    const before = await page.evaluate(() => window.kubetty.connection.clientId);
    await page.reload();
    await waitLive(page);
    const after = await page.evaluate(() => window.kubetty.connection.clientId);
    const other = await openTerminal(url, { live: false });
    await other.waitForSelector('#overlay:not([hidden])', { timeout: 10000 });
    const otherId = await other.evaluate(() => window.kubetty.connection.clientId);
    return { before, after, other: otherId, status: await page.evaluate(() => window.kubetty.status()) };
  },

  async logs(url) {
    const page = await openTerminal(url);
    await typeLine(page, 'echo logs-needle-$((40+2))');
    await waitForLine(page, 'logs-needle-42');
    await control('stored');
    await page.click('#logs-toggle');
    await page.fill('#logs-query', 'logs-needle-42');
    await page.press('#logs-query', 'Enter');
    await page.waitForSelector('#logs-items .entry mark', { timeout: 10000 });
    const entries = await page.$$eval('#logs-items .entry pre', (pres) => pres.map((p) => p.textContent));
    const marks = await page.$$eval('#logs-items .entry mark', (ms) => ms.map((m) => m.textContent));
    const castHref = await page.getAttribute('#logs-cast', 'href');
    const cast = await (await page.request.get(new URL(castHref, url).toString())).text();
    await shot(page, 'logs-panel.png');
    return { entries, marks, castHref, castHasNeedle: cast.includes('logs-needle-42') };
  },
};

/** Hovers over and clicks a URL on the screen; returns whether it looked and acted like a link. */
async function clickLink(page, url) {
  const where = await page.evaluate((wanted) => {
    const term = window.term;
    const buffer = term.buffer.active;
    const screen = document.querySelector('.xterm-screen').getBoundingClientRect();
    for (let y = buffer.length - 1; y >= buffer.viewportY; y--) {
      if (buffer.getLine(y).translateToString(true) === wanted) {
        const cell = { w: screen.width / term.cols, h: screen.height / term.rows };
        return { x: screen.left + cell.w * 5.5, y: screen.top + cell.h * (y - buffer.viewportY + 0.5) };
      }
    }
    return null;
  }, url);
  if (!where) return { found: false };
  await page.evaluate(() => {
    window.openedLinks = [];
    window.open = (uri) => {
      window.openedLinks.push(uri);
      return null;
    };
  });
  await page.mouse.move(where.x, where.y);
  const pointer = await page
    .waitForSelector('.xterm-cursor-pointer', { timeout: 3000 })
    .then(() => true, () => false);
  await page.mouse.click(where.x, where.y);
  return { found: true, pointer, opened: await page.evaluate(() => window.openedLinks) };
}
