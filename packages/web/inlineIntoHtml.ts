import type { Plugin } from "vite";

/**
 * Puts the built page's script and stylesheet inside index.html, so the
 * page also opens from disk: browsers refuse to load module scripts and
 * stylesheets from file:// URLs, but run inline ones. (The worker is
 * inlined by Vite itself, `?worker&inline`.)
 */
export function inlineIntoHtml(): Plugin {
  return {
    name: "chipsim-inline-into-html",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const page = bundle["index.html"];
      if (!page || page.type !== "asset" || typeof page.source !== "string") return;
      let html = page.source;
      for (const [fileName, output] of Object.entries(bundle)) {
        const tag = new RegExp(`<script type="module" crossorigin src="\\./${escapeRegExp(fileName)}"></script>`);
        const link = new RegExp(`<link rel="stylesheet" crossorigin href="\\./${escapeRegExp(fileName)}">`);
        if (output.type === "chunk" && tag.test(html)) {
          // A "</script" inside the code would end the element early; "<\/script" means the same in JavaScript.
          html = html.replace(tag, () => `<script type="module">${output.code.replaceAll("</script", "<\\/script")}</script>`);
          delete bundle[fileName];
        } else if (output.type === "asset" && link.test(html)) {
          html = html.replace(link, () => `<style>${String(output.source)}</style>`);
          delete bundle[fileName];
        }
      }
      page.source = html;
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
