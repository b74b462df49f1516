/**
 * Copy buttons, shipped as a bundled module so the pages need no inline script or handler.
 *
 * Markup contract: `<button hidden data-copy-from="<id>" data-copied="…" data-copy-failed="…">`
 * copies the text of the element with that id; `[data-copy-status-for="<id>"]` is a live
 * region (role="status") that announces the outcome. The button stays hidden without
 * JavaScript, where the text can still be selected and copied by hand.
 */

/** The Clipboard API needs a secure context; elsewhere select the text and copy that. */
async function copyText(source: HTMLElement): Promise<boolean> {
  const text = source.textContent?.trim() ?? '';
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const selection = window.getSelection();
    if (!selection) return false;
    const range = document.createRange();
    range.selectNodeContents(source);
    selection.removeAllRanges();
    selection.addRange(range);
    // Deprecated, but the only way to copy outside a secure context (a plain-http intranet).
    return document.execCommand('copy');
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-from]')) {
  const id = button.dataset.copyFrom ?? '';
  const source = document.getElementById(id);
  if (!source) continue;
  const status = document.querySelector<HTMLElement>(`[data-copy-status-for="${CSS.escape(id)}"]`);
  button.hidden = false;
  let clear: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', async () => {
    const ok = await copyText(source);
    if (!status) return;
    // Emptying first makes a second click announce again.
    status.textContent = '';
    clearTimeout(clear);
    requestAnimationFrame(() => {
      status.textContent = (ok ? button.dataset.copied : button.dataset.copyFailed) ?? '';
      clear = setTimeout(() => (status.textContent = ''), 4000);
    });
  });
}
