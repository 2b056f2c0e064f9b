// Altitude embeds: include this on a page that frames /embed/... pages and
// each frame grows to fit its content, with no scrollbar.
//   <script src="https://altitude.example.com/embed-resize.js" defer></script>
window.addEventListener('message', (event) => {
  const message = event.data;
  if (!message || message.type !== 'altitude:resize' || typeof message.height !== 'number') return;
  for (const frame of document.querySelectorAll('iframe')) {
    // Only the frame that sent it, only if it is an Altitude embed from that origin, and within reason.
    if (frame.contentWindow !== event.source || new URL(frame.src, location.href).origin !== event.origin) continue;
    frame.style.height = `${Math.min(Math.max(Math.ceil(message.height), 50), 20000)}px`;
  }
});
