import { ChipsimError } from "@chipsim/core";

/** A wrong flag or argument: reported like a scenario problem, exit code 2. */
export class UsageError extends ChipsimError {
  constructor(message: string) {
    super("BAD_INPUT", message);
    this.name = "UsageError";
  }
}
