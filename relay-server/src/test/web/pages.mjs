// Page helpers for the browser scenarios: contexts, signing in, typing, reading xterm.js's buffer.
import { join } from 'node:path';

let browser;
let artifacts;
let log;

/** Contexts opened by the running scenario; the suite closes them after it. */
export const open = [];

/** Binds the helpers to the launched browser. */
export function setUp(launched, artifactDir, logger) {
  browser = launched;
  artifacts = artifactDir;
  log = logger;
}

/** A fresh browser context (own cookies and sessionStorage), closed after the scenario. */
export async function newContext({ width = 1100, height = 650 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  open.push(context);
  return context;
}

// The relay under test may run with AUTH_MODE=local: pages then sign in with these.
export const USER = process.env.KUBETTY_TEST_USER;
export const PASSWORD = process.env.KUBETTY_TEST_PASSWORD;

export async function openTerminal(url, { width = 1100, height = 650, live = true, context, user = USER } = {}) {
  if (!context) context = await newContext({ width, height });
  const page = await context.newPage();
  page.on('pageerror', (error) => log('page error:', error.message));
  await page.goto(url);
  await page.waitForFunction(() => window.kubetty?.status() !== 'connecting' || !document.getElementById('login').hidden, null, { timeout: 15000 });
  if (await page.isVisible('#login')) await signIn(page, user, PASSWORD);
  if (live) {
    await waitLive(page);
    await page.evaluate(() => window.term.focus());
    await waitForPrompt(page);
  }
  return page;
}

export async function signIn(page, username, password) {
  await page.fill('#login-form [name=username]', username);
  await page.fill('#login-form [name=password]', password);
  await page.click('#login-form button[type=submit]');
}

export const waitLive = (page, timeout = 15000) =>
  page.waitForFunction(() => window.kubetty?.status() === 'live', null, { timeout });

export const waitState = (page, state, timeout = 15000) =>
  page.waitForFunction((s) => window.kubetty?.status() === s, state, { timeout });

/** Every line of the active buffer (scrollback included), trailing blanks trimmed. */
export const lines = (page) =>
  page.evaluate(() => {
    const buffer = window.term.buffer.active;
    const out = [];
    for (let i = 0; i < buffer.length; i++) out.push(buffer.getLine(i).translateToString(true));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  });

export async function waitForLine(page, wanted, timeout = 15000) {
  await page.waitForFunction(
    (w) => {
      const buffer = window.term.buffer.active;
      for (let i = 0; i < buffer.length; i++) {
        if (buffer.getLine(i).translateToString(true).trim() === w) return true;
      }
      return false;
    },
    wanted,
    { timeout, polling: 50 },
  );
}

// Keys typed before bash's readline is up can be lost: wait until the shell shows something.
export async function waitForPrompt(page) {
  await page.waitForFunction(() => window.term.buffer.active.getLine(0)?.translateToString(true).length > 0 || window.term.buffer.active.cursorX > 0, null, { timeout: 15000 });
  await typeLine(page, 'echo prompt-$((100+1))');
  await waitForLine(page, 'prompt-101');
}

export async function typeLine(page, text) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/**
 * Types a command line and waits until the shell has echoed its Enter (the cursor has left the
 * line): the whole line is then known to be in the shell, not still on its way through a socket.
 */
export async function enterLine(page, text) {
  await typeLine(page, text);
  await page.waitForFunction(
    (t) => {
      const buffer = window.term.buffer.active;
      const line = buffer.getLine(buffer.baseY + buffer.cursorY);
      return !(line?.translateToString(true) ?? '').includes(t);
    },
    text,
    { timeout: 10000 },
  );
}

export const shot = (page, name) => page.screenshot({ path: join(artifacts, name) });
