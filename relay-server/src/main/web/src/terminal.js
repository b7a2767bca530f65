// The xterm.js terminal with its addons: fit to the window, clickable links, find, Unicode 11
// widths, copy on select, the shell's window title.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';

const THEME = {
  background: '#0d1117',
  foreground: '#d6dbe3',
  cursor: '#7ee0c3',
  cursorAccent: '#0d1117',
  selectionBackground: '#2f4a6d',
  black: '#1c2128',
  red: '#ef6b73',
  green: '#8fd18b',
  yellow: '#e5c07b',
  blue: '#6cb6ff',
  magenta: '#d38aea',
  cyan: '#56d4dd',
  white: '#cdd3dc',
  brightBlack: '#636e7b',
  brightRed: '#ff8e95',
  brightGreen: '#b4f0a7',
  brightYellow: '#f5d98f',
  brightBlue: '#96d0ff',
  brightMagenta: '#e8b1f7',
  brightCyan: '#8ee8ee',
  brightWhite: '#f4f6f8',
};

/** ANSI styles for the page's own lines in the terminal (gap marks, exits). */
export const Mark = Object.freeze({
  lost: (text) => `\r\n\x1b[0;1;38;2;239;107;115m[kubetty: ${text}]\x1b[0m\r\n`,
  note: (text) => `\r\n\x1b[0;2;3m[kubetty: ${text}]\x1b[0m\r\n`,
});

/**
 * Creates the terminal inside `element`. `onTitle(title)` gets the shell's OSC 0/2 titles.
 * Returns `{term, fit, search}`.
 */
export function createTerminal(element, { onTitle }) {
  const term = new Terminal({
    allowProposedApi: true,
    cursorBlink: true,
    fontFamily: '"JetBrains Mono", "Fira Code", "DejaVu Sans Mono", "Liberation Mono", monospace',
    fontSize: 14,
    lineHeight: 1.15,
    scrollback: 10000,
    theme: THEME,
  });
  const fit = new FitAddon();
  const search = new SearchAddon();
  term.loadAddon(fit);
  term.loadAddon(search);
  term.loadAddon(new WebLinksAddon((event, uri) => window.open(uri, '_blank', 'noopener')));
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  term.open(element);
  fit.fit();
  term.onTitleChange((title) => onTitle(title));
  term.onSelectionChange(() => {
    const text = term.getSelection();
    if (text) copyText(text);
  });
  term.attachCustomKeyEventHandler((event) => {
    // Ctrl+Shift+C copies (plain Ctrl+C stays the shell's interrupt); Ctrl+Shift+V is the
    // browser's own paste, which xterm.js receives as a paste event.
    if (event.type === 'keydown' && event.ctrlKey && event.shiftKey && event.code === 'KeyC') {
      copyText(term.getSelection());
      return false;
    }
    return !(event.ctrlKey && event.shiftKey && event.code === 'KeyV');
  });
  return { term, fit, search };
}

/** Copies to the clipboard; the async API needs a secure context, so fall back to execCommand. */
function copyText(text) {
  if (!text) return;
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).catch(() => legacyCopy(text));
  } else {
    legacyCopy(text);
  }
}

function legacyCopy(text) {
  const active = document.activeElement;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    document.execCommand('copy');
  } finally {
    area.remove();
    if (active instanceof HTMLElement) active.focus();
  }
}
