// Altitude embeds: include this on a page that frames /embed/... pages and
// each frame grows to fit its content, with no scrollbar.
//   <script src="https://altitude.example.com/embed-resize.js" defer></script>
window.addEventListener('message', (event) => {
  const message = event.data;
  if (!message || message.type !== 'altitude:resize' || typeof message.height !== 'number') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(message.height)}px`;
  }
});
