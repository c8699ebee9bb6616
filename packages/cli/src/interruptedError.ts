import { ChipsimError } from "@chipsim/core";

/** Ctrl-C (SIGINT) stopped a job between slices: exit code 130, as shells expect of an interrupted command. */
export class InterruptedError extends ChipsimError {
  constructor(
    readonly done: number,
    readonly total: number,
  ) {
    super("RUNTIME", `interrupted after ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} runs; nothing was written`);
    this.name = "InterruptedError";
  }

  override get exitCode(): number {
    return 130;
  }
}
