// The exec terminal's address: `/?exec=NAMESPACE/POD[/CONTAINER][&command=…]`, so a person can
// bookmark or share it. It never holds a ticket or a kubeconfig: those are asked for on every open.

// A Kubernetes name as the relay accepts it (DNS subdomain).
const NAME = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;

/**
 * The exec target in `url` (a Location or URL): `{namespace, pod, container, command}` with empty
 * strings for what is missing, or null when the address is not an exec address at all.
 */
export function execRoute(url = location) {
  const params = new URLSearchParams(url.search);
  if (!params.has('exec')) return null;
  const [namespace = '', pod = '', container = ''] = params.get('exec').split('/');
  return { namespace, pod, container, command: params.get('command') ?? '' };
}

/** The address of `target` (names stay readable; the command is percent-encoded). */
export function execPath({ namespace, pod, container, command }) {
  const where = [namespace, pod, container].filter(Boolean).join('/');
  return `/?exec=${where}${command ? `&command=${encodeURIComponent(command)}` : ''}`;
}

/** What is wrong with `target` as a sentence, or null when it can be opened. */
export function targetProblem({ namespace, pod, container }) {
  if (!namespace) return 'Enter the namespace.';
  if (!NAME.test(namespace)) return `“${namespace}” is not a Kubernetes namespace name.`;
  if (!pod) return 'Enter the pod.';
  if (!NAME.test(pod)) return `“${pod}” is not a Kubernetes pod name.`;
  if (container && !NAME.test(container)) return `“${container}” is not a container name.`;
  return null;
}

/** The target as people write it: `namespace/pod[/container]`. */
export const targetLabel = ({ namespace, pod, container }) =>
  [namespace, pod, container].filter(Boolean).join('/');

/**
 * Splits a command line into argv as a shell would for simple cases: whitespace separates words,
 * single quotes keep everything, double quotes keep everything but `\"` and `\\`. No expansion.
 */
export function splitCommand(line) {
  const argv = [];
  let word = null;
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) argv.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) argv.push(word);
  return argv;
}
