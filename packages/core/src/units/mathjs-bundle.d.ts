// mathjs's single-file bundle loads about ten times faster than its ESM entry
// (one file instead of hundreds); its exports map lists it without types.
declare module "mathjs/lib/browser/math.js" {
  const math: import("mathjs").MathJsInstance & { create(): import("mathjs").MathJsInstance };
  export default math;
}
