/**
 * Authentication ({@code AUTH_MODE=local}): local users in PostgreSQL with Argon2id passwords,
 * short-lived HS256 access tokens (JWT) and single-use, rotating refresh tokens grouped in login
 * families, the {@code /api/auth/*} endpoints, the gate every other route and the WebSocket upgrade
 * pass through, the Origin policy against cross-site WebSocket hijacking, and login rate limiting.
 *
 * <p>The code promises: no password, token or secret is ever logged; tokens and hashes are compared
 * in constant time; a login attempt for an unknown user costs the same Argon2id work as one for a
 * known user.
 */
package dev.kubetty.relay.auth;
