/**
 * Styles for the extension's own shadow roots (badge, textarea underlines). A constructed sheet adopted by the
 * shadow root is not an inline <style>, so a page whose Content-Security-Policy forbids inline styles
 * (`style-src 'self'`) cannot unstyle them; the sheet must come from the window of the root's own document
 * (an iframe's, for an editor inside one), or adopting it throws.
 */
export function styleShadow(root: ShadowRoot, css: string): void {
  const win = root.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  try {
    const sheet = new (win ?? window).CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Browsers without constructed sheets: fall back to an element, which a strict page CSP may refuse.
  }
  const style = root.ownerDocument.createElement("style");
  style.textContent = css;
  root.prepend(style);
}
