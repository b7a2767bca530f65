// The line protocol with BrowserTest (see browser-suite.mjs): results and requests to act on the
// relay go to stdout prefixed with "@@ ", answers come back on stdin.

/** Sends one message to the Java side. */
export const send = (message) => process.stdout.write(`@@ ${JSON.stringify(message)}\n`);

const waiters = new Map();

/** Asks the Java side to act on the relay (e.g. "cut"); resolves once it has. */
export function control(name) {
  return new Promise((resolve) => {
    waiters.set(name, resolve);
    send({ control: name });
  });
}

/** Called when the Java side answers {"controlled": name}. */
export function controlled(name) {
  waiters.get(name)?.();
  waiters.delete(name);
}
