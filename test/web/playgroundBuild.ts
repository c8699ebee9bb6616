import { fileURLToPath } from "node:url";
import { build, preview, type PreviewServer } from "vite";

export const WEB_ROOT = fileURLToPath(new URL("../../packages/web", import.meta.url));

/** Builds the playground with Vite (a fresh build every time) and serves the static files on a free local port. */
export async function buildAndServePlayground(): Promise<{ url: string; close: () => Promise<void> }> {
  const configFile = `${WEB_ROOT}/vite.config.ts`;
  await build({ root: WEB_ROOT, configFile, logLevel: "error" });
  const server: PreviewServer = await preview({ root: WEB_ROOT, configFile, logLevel: "warn", preview: { port: 0, host: "127.0.0.1", strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error("the preview server reported no local URL");
  return { url, close: () => server.close() };
}
