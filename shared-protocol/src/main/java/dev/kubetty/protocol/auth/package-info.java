/**
 * The client side of the relay's login API ({@code /api/auth/*}): {@link
 * dev.kubetty.protocol.auth.AuthClient} makes the calls, {@link
 * dev.kubetty.protocol.auth.TokenKeeper} keeps a login's tokens fresh and hands the current access
 * token to {@link dev.kubetty.protocol.client.RelayClient}. No UI and no storage: callers decide
 * where tokens live (the desktop app keeps them in a 0600 file).
 */
package dev.kubetty.protocol.auth;
