// The demo page's behaviour: the embed builder, copy buttons and the theme
// switch. Loaded as a file (no inline script), so the page runs under a
// strict CSP.

function copyButton(button) {
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
document.querySelectorAll('button[data-copy]').forEach(copyButton);

const theme = document.getElementById('theme');
theme?.addEventListener('change', () => {
  for (const widget of document.querySelectorAll('main .example [data-widget]')) {
    if (theme.value) widget.setAttribute('theme', theme.value);
    else widget.removeAttribute('theme');
  }
});

// --- The embed builder ------------------------------------------------------

const form = document.getElementById('builder');
if (form) {
  const problem = document.getElementById('builder-problem');
  const preview = document.getElementById('builder-preview');
  const show = (id, text) => {
    document.getElementById(`form-${id}`).textContent = text;
    document.getElementById(`form-${id}-status`).textContent = '';
  };
  let generation = 0;

  const fields = () => {
    const data = new FormData(form);
    const widget = data.get('widget');
    for (const part of form.querySelectorAll('[data-for]')) part.hidden = part.dataset.for !== widget;
    const params = new URLSearchParams({ widget });
    if (widget === 'level-compare') {
      params.set('levels', data.getAll('levels').join(','));
      const dimensions = data.getAll('dimensions');
      if (dimensions.length) params.set('dimensions', dimensions.join(','));
    }
    if (widget === 'level') params.set('level', data.get('level'));
    if (widget === 'failure-mode') params.set('mode', data.get('mode'));
    if (widget === 'self-assessment') params.set('target', data.get('target'));
    if (widget === 'role-health-check' && data.get('card-href')) params.set('card-href', data.get('card-href'));
    if (data.get('theme')) params.set('theme', data.get('theme'));
    if (data.get('lang')) params.set('lang', data.get('lang'));
    return params;
  };

  // Same-origin paths (the page's CSP allows only its own origin), whatever
  // public URL the forms themselves name.
  const path = (url) => {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  };

  const update = async () => {
    const mine = ++generation;
    let response;
    let forms;
    try {
      response = await fetch(`/embed-forms?${fields()}`);
      forms = await response.json();
    } catch {
      if (mine === generation) problem.textContent = 'The Altitude server did not answer; try again.';
      return;
    }
    if (mine !== generation) return;
    if (!response.ok) {
      problem.textContent = forms.error;
      return;
    }
    problem.textContent = '';
    const element = document.createElement(forms.tag);
    for (const [name, value] of Object.entries(forms.attributes)) element.setAttribute(name, value);
    element.setAttribute('heading-level', '4');
    preview.replaceChildren(element);
    show('script', forms.scriptTag);
    show('iframe', forms.iframe);
    show('oembed', forms.oembedUrl);
    // A tool has no static snippet (its answers need its script): the builder says so instead.
    const tool = forms.snippetHtmlUrl === undefined;
    for (const part of form.parentElement.querySelectorAll('[data-static]')) part.hidden = tool;
    document.getElementById('builder-tool-note').hidden = !tool;
    if (tool) {
      form.dispatchEvent(new CustomEvent('builder-updated', { bubbles: true }));
      return;
    }
    let html;
    let markdown;
    try {
      [html, markdown] = await Promise.all([
        fetch(path(forms.snippetHtmlUrl)).then((r) => r.text()),
        fetch(path(forms.snippetMarkdownUrl)).then((r) => r.text()),
      ]);
    } catch {
      if (mine === generation) problem.textContent = 'The snippets could not be fetched; try again.';
      return;
    }
    if (mine !== generation) return;
    show('html', html);
    show('markdown', markdown);
    form.dispatchEvent(new CustomEvent('builder-updated', { bubbles: true }));
  };

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', () => void update());
  void update();
}
