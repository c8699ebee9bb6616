// The public surface of @chipsim/scenarios.
export { ExtendsError, loadScenarioChain, readDocument, displayPath, MAX_SCENARIO_BYTES, type FileReadObserver } from "./loadScenario.js";
export { loadBibliography } from "./bibliography.js";
export { builtinIds, builtinPath, BUILTIN_DIR, BIBLIOGRAPHY_FILE } from "./builtins.js";
export { parseScenarioText, MAX_ALIASES } from "./yamlDocument.js";
export { loadTargets, TARGETS_FILE } from "./targets.js";
export { parseBibliography } from "./bibliographyDocument.js";
export { builtinChain } from "./builtinChain.js";
export { parseOverrideText, type ParsedOverride } from "./overrideText.js";
