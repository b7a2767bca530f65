/**
 * {@code kubetty-relay bench}: measures a relay started as a child process of the same jar —
 * throughput against a local PTY baseline, keystroke echo latency, resume latency and memory — and
 * reports the figures against the project's goals ({@link dev.kubetty.relay.bench.Benchmark},
 * {@link dev.kubetty.relay.bench.ReportTable}).
 */
package dev.kubetty.relay.bench;
