/**
 * How deeply a scenario may nest mappings and lists. The deepest real
 * scenario field (a distribution inside a parameter inside a design) is six
 * levels down; 64 leaves room for any honest file while keeping the
 * recursive code after parsing (merging, validation) far from the stack's
 * limit.
 */
export const MAX_NESTING = 64;

/** The depth of the deepest mapping or list in `data`, counted without recursion (so it cannot overflow itself), stopping past `limit`. */
export function nestingDepth(data: unknown, limit: number = MAX_NESTING): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value: data, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof value !== "object" || value === null) continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > limit) return deepest;
    for (const child of Object.values(value)) stack.push({ value: child, depth: here });
  }
  return deepest;
}

/** The parser recursed past the stack: the input is nested too deeply, not a bug of ours. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && /call stack/i.test(error.message)) || (typeof error === "string" && /call stack/i.test(error));
}

export const NESTING_EXPECTED = `at most ${MAX_NESTING} levels of nested mappings and lists`;
