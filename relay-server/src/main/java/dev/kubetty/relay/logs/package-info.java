/**
 * Reading a session's stored transcript back over HTTP: {@code GET /session/logs} (paged JSON with
 * decoded text and exact bytes) and {@code GET /session/logs.cast} (an asciicast v2 recording).
 *
 * <p>{@link dev.kubetty.relay.logs.LogsHandler} is the only entry point; it pages through the
 * database so memory stays bounded whatever the session's size.
 */
package dev.kubetty.relay.logs;
