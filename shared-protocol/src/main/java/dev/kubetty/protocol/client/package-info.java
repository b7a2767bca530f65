/**
 * The reconnecting Java client of protocol {@code kubetty.v1}.
 *
 * <p>Public surface: {@link dev.kubetty.protocol.client.RelayClient} (built with {@link
 * dev.kubetty.protocol.client.RelayClient#builder}), {@link
 * dev.kubetty.protocol.client.RelayListener} and {@link dev.kubetty.protocol.client.State}.
 * Everything else in the package is internal.
 *
 * <pre>
 *   RelayClient ──▶ ReconnectingSocket ──▶ Connection (one per socket, OkHttp listener)
 *                     │ lock: state, backoff, pending input, current connection
 *                     ├─ ClientThreads: timer thread + OkHttpClient
 *                     └─ CallbackQueue ──▶ StreamDelivery (OutputCursor, acks) ──▶ RelayListener
 * </pre>
 */
package dev.kubetty.protocol.client;
