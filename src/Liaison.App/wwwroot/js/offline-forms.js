// Forms that work without a network (an inspector's record in a village): a form marked
// data-offline-queue is posted with fetch; when the phone is offline, or the post cannot reach the
// server, the submission is kept on the phone (localStorage) and sent when the network comes back.
// The form carries an id made when the page was drawn (clientId), so a submission sent twice is
// stored once by the server.
(() => {
  'use strict';
  const KEY = 'liaison.offline-forms';
  const load = () => { try { return JSON.parse(localStorage.getItem(KEY)) ?? []; } catch { return []; } };
  const save = q => localStorage.setItem(KEY, JSON.stringify(q));
  const say = (form, text) => {
    const out = form.querySelector('[data-offline-status]');
    if (out) { out.textContent = text; out.hidden = false; }
  };

  // Sends one kept submission; true when the server took it (or refused it for good: a page, not a network error).
  async function send(item) {
    try {
      const r = await fetch(item.action, { method: 'POST', body: new URLSearchParams(item.fields), credentials: 'same-origin' });
      return { sent: true, response: r };
    } catch {
      return { sent: false };
    }
  }

  async function flush() {
    if (!navigator.onLine) return;
    const left = [];
    for (const item of load()) {
      const { sent } = await send(item);
      if (!sent) left.push(item);
    }
    save(left);
    const form = document.querySelector('form[data-offline-queue]');
    if (form && left.length === 0 && form.dataset.pending === 'true') {
      form.dataset.pending = 'false';
      say(form, form.dataset.sentText || '');
      location.reload();
    }
  }

  document.addEventListener('submit', async e => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-offline-queue')) return;
    e.preventDefault();
    const item = { action: form.action, fields: [...new FormData(form)].map(([k, v]) => [k, String(v)]) };
    const result = navigator.onLine ? await send(item) : { sent: false };
    if (result.sent) {
      // Taken: the record's page. Refused (nothing was written): the form is posted as a browser would, to show the problems by field.
      if (result.response.redirected) { location.href = result.response.url; return; }
      HTMLFormElement.prototype.submit.call(form);
      return;
    }
    save([...load().filter(i => !(i.action === item.action && JSON.stringify(i.fields) === JSON.stringify(item.fields))), item]);
    form.dataset.pending = 'true';
    say(form, form.dataset.savedText || '');
  });

  window.addEventListener('online', flush);
  document.addEventListener('DOMContentLoaded', flush);
})();
