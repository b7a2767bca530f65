/**
 * The browser page: a thin xterm.js terminal that speaks {@code kubetty.v1} from the browser.
 *
 * <p>Its sources are JavaScript in {@code relay-server/src/main/web} (xterm.js and addons from npm,
 * bundled by esbuild during {@code generate-resources} into the classpath directory {@code web/});
 * {@link dev.kubetty.relay.web.WebPageHandler} serves them at {@code /} and {@code /assets/*}. The
 * page holds no secrets and carries its own login form, so these routes are public; everything it
 * does afterwards goes through the authenticated routes like any other client.
 */
package dev.kubetty.relay.web;
