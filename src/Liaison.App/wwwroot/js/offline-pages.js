// Pages an inspector takes to the villages: an element with data-offline-pages (paths, space
// separated) has this page and those kept on the phone by /supervision-sw.js, and says so in its
// [data-offline-ready] element once they are kept (data-offline-kept holds how many).
(() => {
  'use strict';
  const holder = document.querySelector('[data-offline-pages]');
  if (!holder || !('serviceWorker' in navigator) || !window.MessageChannel) return;
  const paths = [location.pathname, ...holder.dataset.offlinePages.split(/\s+/).filter(Boolean)];
  navigator.serviceWorker.register('/supervision-sw.js', { scope: '/supervision/' })
    .then(() => navigator.serviceWorker.ready)
    .then(registration => {
      const channel = new MessageChannel();
      channel.port1.onmessage = e => {
        holder.dataset.offlineKept = String(e.data.kept);
        const out = holder.querySelector('[data-offline-ready]');
        if (out && e.data.kept > 0) { out.hidden = false; }
      };
      registration.active.postMessage({ keep: paths }, [channel.port2]);
    })
    .catch(() => { /* without https the pages still work while online */ });
})();
