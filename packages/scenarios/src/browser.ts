// The browser-safe part of @chipsim/scenarios (no file system): parsing and
// resolving scenario texts that the page bundles at build time.
export { parseScenarioText, MAX_ALIASES } from "./yamlDocument.js";
export { parseBibliography } from "./bibliographyDocument.js";
export { builtinChain } from "./builtinChain.js";
export { parseOverrideText, type ParsedOverride } from "./overrideText.js";
