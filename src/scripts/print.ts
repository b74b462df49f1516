/** A "Print" button (`button[data-print]`) that opens the browser's print dialog. */
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
  b.hidden = false;
  b.addEventListener('click', () => window.print());
}
