/**
 * Text from a document (or a hostile file name) printed to a terminal must not drive it: ESC sequences can
 * recolour, retitle or clear the screen, and C1 CSI (U+009B) does the same on some terminals. Each control
 * character becomes one visible character (the Unicode "control pictures", ␛ for ESC), so offsets into the
 * text, and columns computed from them, stay the same. Tab and newline are kept. Bidirectional controls become
 * U+FFFD for the same reason as ESC: they change what the terminal shows.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visible(s: string): string {
  return s.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    // Bidirectional controls (Unicode UAX #9 §2) would reorder the terminal line around them, so the words
    // shown differ from the words checked (Unicode TR #36 §2.3); the finding names each one.
    return "\ufffd";
  });
}

/** Every string inside a plain JSON-like value made visible (reports before the stylish formatter sees them). */
export function visibleDeep<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === "string" ? visible(v) : v)) as T;
}

/**
 * For a whole stdout chunk: the colour codes our own formatter adds (ESC [ n m) are kept, every other control
 * character is made visible. Document text reaches this already made visible (visibleDeep), so a colour code
 * inside a document cannot pass as ours.
 */
export function visibleKeepingColour(s: string): string {
  return s
    .split(/(\u001b\[[0-9;]*m)/)
    .map((part, i) => (i % 2 === 1 ? part : visible(part)))
    .join("");
}
