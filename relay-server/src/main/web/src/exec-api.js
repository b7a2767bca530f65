// The relay's exec gateway over HTTP: what it accepts (GET /api/exec) and one-time tickets
// (POST /api/exec/tickets). Cookies carry the login; the relay checks the Origin of the POST.

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/**
 * What this relay's gateway accepts: `{enabled, serviceAccount, kubeconfig}`; `enabled` is false
 * when the gateway is off (404), the relay predates it, or the answer cannot be read.
 */
export async function execSettings() {
  try {
    const response = await fetch('/api/exec', { headers: { Accept: 'application/json' } });
    if (!response.ok) return { enabled: false, status: response.status };
    const body = await response.json();
    return { enabled: true, serviceAccount: body.serviceAccount === true, kubeconfig: body.kubeconfig === true };
  } catch {
    return { enabled: false, status: 0 };
  }
}

/**
 * Asks for a ticket for `target` (`{namespace, pod, container, argv}`), with `kubeconfig` if
 * given. Resolves `{ok: true, ticket}` or `{ok: false, status, code, message}`; status 0 means the
 * relay could not be reached.
 */
export async function requestTicket({ namespace, pod, container, argv }, kubeconfig) {
  const body = { namespace, pod };
  if (container) body.container = container;
  if (argv?.length) body.command = argv;
  if (kubeconfig) body.kubeconfig = kubeconfig;
  let response;
  try {
    response = await fetch('/api/exec/tickets', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, code: 'unreachable', message: 'The relay cannot be reached.' };
  }
  const answer = await response.json().catch(() => ({}));
  if (response.ok && typeof answer.ticket === 'string') return { ok: true, ticket: answer.ticket };
  return {
    ok: false,
    status: response.status,
    code: answer.error ?? `http_${response.status}`,
    message: answer.message ?? `The relay answered HTTP ${response.status}.`,
  };
}
