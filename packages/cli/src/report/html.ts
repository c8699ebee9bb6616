/** Text for HTML: the five characters that matter escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[], caption?: string): string {
  const head = `<thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join("")}</tr>`).join("")}</tbody>`;
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ""}${head}${body}</table>`;
}

export function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

export const REPORT_CSS = `
body { font-family: Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 62rem; color: #1a1a1a; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
.meta { color: #555; font-size: .9rem; } figure { margin: 1.2rem 0; } figcaption { color: #555; font-size: .85rem; }
.note { color: #333; font-size: .9rem; }
table { border-collapse: collapse; font-size: .85rem; margin: .8rem 0; } caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .25rem .6rem; text-align: right; vertical-align: top; }
th[scope=row], thead th:first-child { text-align: left; } td.text, th.text { text-align: left; }
.params td:nth-child(n+2) { text-align: left; }
`;
