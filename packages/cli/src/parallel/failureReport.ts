import { ChipsimError, type ErrorCode } from "@chipsim/core/engine";

/** Why a worker stopped, as it travels: chipsim's own errors keep their code, so the user gets their exit code. */
export interface FailureReport {
  readonly kind: "failed";
  readonly message: string;
  readonly code?: ErrorCode;
}

export function failureReport(error: unknown): FailureReport {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof ChipsimError ? { kind: "failed", message, code: error.code } : { kind: "failed", message };
}
