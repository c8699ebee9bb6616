/** Text for HTML: the five characters that matter escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A table cell's markup, already escaped; plain strings are escaped by `table`. */
export interface Html {
  readonly html: string;
}

/** A link to an http or https address (linkableUrl's), or the text alone where there is none. The page fetches nothing itself. */
export function link(url: string | undefined, text: string): Html {
  const safe = url !== undefined && /^https?:\/\/[^\s"'<>]+$/i.test(url);
  return { html: safe ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text) };
}

const cell = (c: string | Html): string => (typeof c === "string" ? escapeHtml(c) : c.html);

export function table(headers: readonly string[], rows: readonly (readonly (string | Html)[])[], caption?: string): string {
  const head = `<thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${cell(c)}</th>` : `<td>${cell(c)}</td>`)).join("")}</tr>`).join("")}</tbody>`;
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ""}${head}${body}</table>`;
}

export function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

export const REPORT_CSS = `
body { font-family: Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 62rem; color: #1a1a1a; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
.meta { color: #555; font-size: .9rem; } figure { margin: 1.2rem 0; } figcaption { color: #555; font-size: .85rem; }
.generated { color: #555; font-size: .9rem; border-left: 3px solid #0072B2; padding-left: .6rem; }
.note { color: #333; font-size: .9rem; }
.caveats { border: 1px solid #D55E00; background: #fff8f3; padding: .2rem 1rem .6rem; margin: 1.5rem 0; }
.caveats h2 { margin-top: .8rem; border-bottom: none; } .caveats li { margin: .3rem 0; }
.coincide { border-left: 3px solid #009E73; padding: .3rem .8rem; background: #f3faf7; }
table { border-collapse: collapse; font-size: .85rem; margin: .8rem 0; } caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .25rem .6rem; text-align: right; vertical-align: top; }
th[scope=row], thead th:first-child { text-align: left; } td.text, th.text { text-align: left; }
.params td:nth-child(n+2) { text-align: left; }
`;
