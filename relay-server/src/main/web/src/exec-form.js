// The "open a shell in a pod" form: namespace, pod, container and command, and — only when the
// relay accepts callers' kubeconfigs — a kubeconfig pasted or loaded from a file. The kubeconfig
// stays in this page's memory; it is never put in the address, storage or a log.
import { splitCommand, targetProblem } from './exec-route.js';

const MAX_KUBECONFIG_BYTES = 256 * 1024;

/**
 * Binds the form inside `root` (the overlay). `onOpen({namespace, pod, container, command, argv},
 * kubeconfig)` runs on submit and resolves an error sentence to show, or null once it opened;
 * `onCancel()` when the person closes the form. Returns `{show({target, message, kubeconfig,
 * cancellable}), hide, isOpen}`.
 */
export function createExecForm(root, { onOpen, onCancel }) {
  const form = root.querySelector('form');
  const fields = form.elements;
  const error = root.querySelector('#exec-error');
  const kubeconfigBox = root.querySelector('#exec-kubeconfig');
  const file = root.querySelector('#exec-kubeconfig-input');
  const fileName = root.querySelector('#exec-kubeconfig-name');
  const cancel = root.querySelector('#exec-cancel');

  root.querySelector('#exec-kubeconfig-file').addEventListener('click', () => file.click());
  file.addEventListener('change', async () => {
    const chosen = file.files[0];
    file.value = '';
    if (!chosen) return;
    if (chosen.size > MAX_KUBECONFIG_BYTES) {
      error.textContent = `${chosen.name} is larger than 256 KiB: that is not a kubeconfig.`;
      return;
    }
    fields.kubeconfig.value = await chosen.text();
    fileName.textContent = chosen.name;
    error.textContent = '';
  });
  fields.kubeconfig.addEventListener('input', () => {
    fileName.textContent = '';
  });
  cancel.addEventListener('click', () => {
    hide();
    onCancel();
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !cancel.hidden) {
      hide();
      onCancel();
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const target = {
      namespace: fields.namespace.value.trim(),
      pod: fields.pod.value.trim(),
      container: fields.container.value.trim(),
      command: fields.command.value.trim(),
    };
    const problem = targetProblem(target);
    if (problem) {
      error.textContent = problem;
      return;
    }
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    error.textContent = '';
    try {
      const kubeconfig = kubeconfigBox.hidden ? '' : fields.kubeconfig.value.trim();
      const refused = await onOpen({ ...target, argv: splitCommand(target.command) }, kubeconfig);
      if (refused) error.textContent = refused;
    } finally {
      submit.disabled = false;
    }
  });

  function show({ target, message = '', kubeconfig = false, cancellable = true } = {}) {
    if (target) {
      fields.namespace.value = target.namespace ?? '';
      fields.pod.value = target.pod ?? '';
      fields.container.value = target.container ?? '';
      fields.command.value = target.command ?? '';
    }
    kubeconfigBox.hidden = !kubeconfig;
    cancel.hidden = !cancellable;
    error.textContent = message;
    root.hidden = false;
    const empty = [fields.namespace, fields.pod].find((f) => !f.value);
    (empty ?? form.querySelector('button[type=submit]')).focus();
  }

  function hide() {
    root.hidden = true;
  }

  return { show, hide, isOpen: () => !root.hidden };
}
