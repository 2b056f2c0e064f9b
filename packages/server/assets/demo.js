// The demo page's behaviour: copy buttons and the theme switch. Loaded as a
// file (no inline script), so the page runs under a strict CSP.
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const code = document.getElementById(button.dataset.copy);
    const status = document.getElementById(`${button.dataset.copy}-status`);
    try {
      await navigator.clipboard.writeText(code.textContent);
      status.textContent = 'Copied to the clipboard.';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      status.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
    }
  });
}

const theme = document.getElementById('theme');
theme?.addEventListener('change', () => {
  for (const widget of document.querySelectorAll('main [data-widget]')) {
    if (theme.value) widget.setAttribute('theme', theme.value);
    else widget.removeAttribute('theme');
  }
});
