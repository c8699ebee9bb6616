/**
 * A bibliography entry's address as a link target, or undefined where it
 * cannot be one. Many addresses are written as CALIBRATION.md cites them:
 * without a scheme ("anandtech.com/show/16028", taken as https), or
 * shortened with an ellipsis ("tomshardware.com/…/china-to-…"), which
 * names the page but no longer reaches it.
 */
export function linkableUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const text = url.trim();
  if (text.includes("…") || text.includes("...") || /[\s"'<>]/.test(text)) return undefined;
  if (/^https?:\/\/[^/]+\.[^/]+/i.test(text)) return text;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i.test(text)) return `https://${text}`;
  return undefined;
}
