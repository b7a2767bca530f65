// The relay's /api/auth routes. Tokens travel as HttpOnly cookies set by the relay; the page never
// sees or stores them (the JSON bodies also carry them, for non-browser clients: ignored here).

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/**
 * Who is logged in: `{state: 'in', username, authMode}`, `{state: 'out', authMode: 'local'}`, or
 * `{state: 'none'}` when the relay has no authentication (AUTH_MODE=disabled, or a relay that
 * predates the auth routes).
 */
export async function whoAmI() {
  const response = await fetch('/api/auth/me', { headers: { Accept: 'application/json' } });
  if (response.status === 401) return { state: 'out', authMode: 'local' };
  if (response.status === 404) return { state: 'none', authMode: 'disabled' };
  if (!response.ok) throw new Error(`the relay answered ${response.status} to /api/auth/me`);
  const body = await response.json();
  if (body.authMode === 'disabled') return { state: 'none', authMode: 'disabled' };
  return { state: 'in', username: body.username, authMode: body.authMode };
}

/**
 * Logs in. Resolves `{ok: true, username}` or `{ok: false, message}` with a sentence for the
 * user; throws only when the relay cannot be reached.
 */
export async function logIn(username, password) {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ username, password }),
  });
  if (response.ok) {
    const body = await response.json().catch(() => ({}));
    return { ok: true, username: body.username ?? username };
  }
  if (response.status === 401) return { ok: false, message: 'Wrong username or password.' };
  if (response.status === 429) {
    const seconds = Number(response.headers.get('Retry-After'));
    const wait = Number.isFinite(seconds) && seconds > 0 ? ` in ${seconds} s` : ' later';
    return { ok: false, message: `Too many attempts. Try again${wait}.` };
  }
  const body = await response.json().catch(() => ({}));
  return { ok: false, message: body.message ?? `Login failed (HTTP ${response.status}).` };
}

/** Trades the refresh cookie for a new pair; resolves whether that worked. */
export async function refresh() {
  try {
    const response = await fetch('/api/auth/refresh', { method: 'POST', headers: JSON_HEADERS });
    return response.ok;
  } catch {
    return false;
  }
}

/** Revokes the refresh token and clears the cookies (best effort). */
export async function logOut() {
  try {
    await fetch('/api/auth/logout', { method: 'POST', headers: JSON_HEADERS });
  } catch {
    // Offline: the cookies expire on their own; the page shows the login form anyway.
  }
}

/**
 * Whether the current credentials still open the door: false only on a definite 401, so a relay
 * that is merely unreachable keeps the reconnect loop going.
 */
export async function stillLoggedIn() {
  try {
    const response = await fetch('/api/auth/me', { headers: { Accept: 'application/json' } });
    if (response.status !== 401) return true;
    return await refresh();
  } catch {
    return true;
  }
}
