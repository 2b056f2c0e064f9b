/** The message an embed page posts to the page that frames it. */
export interface ResizeMessage {
  readonly type: 'altitude:resize';
  readonly height: number;
}

/**
 * In an iframe, tells the parent page how tall the content is, on load and
 * whenever it changes, so the host can size the frame with no scrollbar.
 */
export function postHeightToParent(): void {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: ResizeMessage = { type: 'altitude:resize', height };
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  window.addEventListener('load', post);
  post();
}
