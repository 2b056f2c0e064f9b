// Escape sequences: CSI (colours, cursor moves, screen clears), OSC (window
// titles, hyperlinks; ended by BEL or ST) and the two-byte forms.
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]/g;
// C0 and C1 controls (CR, backspace, BEL…), DEL, and the bidirectional
// overrides and isolates that make text display in another order than it reads.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/**
 * Text a receiver sent (a response body, a Location header), made safe to
 * print on a terminal: escape sequences removed, every other control
 * character (newlines included) turned into one space. A receiver can then
 * neither recolour, move the cursor, overwrite earlier lines with CR, nor
 * change the window title of the person running the sync.
 */
export function printable(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, ' ');
}
