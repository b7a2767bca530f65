// Drives Debian's Chromium (playwright-core, never a downloaded browser) through the relay's
// browser page for BrowserTest. One browser for the whole run; every scenario gets fresh contexts.
//
// Line protocol on stdin/stdout, one JSON object per line prefixed with "@@ ":
//   suite -> test: {"event":"ready"} once the browser runs
//   test -> suite: {"run":NAME,"url":URL,"args":{...}}
//   suite -> test: {"control":NAME}  asks the test to act on the relay (e.g. "cut"), and waits for
//   test -> suite: {"controlled":NAME}
//   suite -> test: {"result":NAME,"ok":true,"data":{...}} or {"result":NAME,"ok":false,"error":"..."}
// Anything else the suite prints goes to stderr.
//
// Usage: node browser-suite.mjs WEB_PACKAGE_JSON ARTIFACT_DIR [CHROMIUM]
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { controlled, send } from './channel.mjs';
import { lines, open, setUp, shot } from './pages.mjs';
import { execScenarios } from './exec-scenarios.mjs';
import { scenarios as sessionScenarios } from './scenarios.mjs';

const scenarios = { ...sessionScenarios, ...execScenarios };

const [webPackage, artifacts, chromiumPath = '/usr/bin/chromium'] = process.argv.slice(2);
if (Number(process.versions.node.split('.')[0]) < 20) {
  console.error(`the browser tests need Node.js >= 20 (playwright-core); this is ${process.version}`);
  process.exit(1);
}
const { chromium } = createRequire(webPackage)('playwright-core');
mkdirSync(artifacts, { recursive: true });

const log = (...args) => console.error('[suite]', ...args);

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
setUp(browser, artifacts, log);

// ---- the command loop ----

async function run(name, url, args) {
  const scenario = scenarios[name];
  if (!scenario) return send({ result: name, ok: false, error: `no scenario '${name}'` });
  const started = Date.now();
  try {
    const data = await scenario(url, args ?? {});
    send({ result: name, ok: true, data, millis: Date.now() - started });
  } catch (error) {
    const page = open.at(-1)?.pages()[0];
    if (page) await shot(page, `failed-${name}.png`).catch(() => {});
    const screen = page ? await lines(page).catch(() => []) : [];
    send({ result: name, ok: false, error: `${error.message}\n--- screen ---\n${screen.slice(-25).join('\n')}` });
  } finally {
    for (const context of open.splice(0)) await context.close().catch(() => {});
  }
}

const input = createInterface({ input: process.stdin });
let queue = Promise.resolve();
input.on('line', (line) => {
  const message = JSON.parse(line);
  if (message.controlled) {
    controlled(message.controlled);
  } else if (message.run) {
    queue = queue.then(() => run(message.run, message.url, message.args));
  }
});
input.on('close', async () => {
  await queue;
  await browser.close();
  process.exit(0);
});
send({ event: 'ready' });
