import type { Worker } from "node:worker_threads";
import { ChipsimError, type ErrorCode } from "@chipsim/core";

/**
 * Posts `message` to a worker and resolves once it has answered: with its
 * reply, or with why it never will (it threw outside its own handler, or
 * exited). The listeners live for this message only, since a worker serves
 * one message after another.
 */
export function askWorker<Reply>(worker: Worker, message: unknown, onReply: (reply: Reply) => void, onLost: (why: string) => void): Promise<void> {
  return new Promise((resolve) => {
    const settle = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      resolve();
    };
    const onMessage = (reply: Reply) => {
      settle();
      onReply(reply);
    };
    const onError = (error: Error) => {
      settle();
      onLost(error.message);
    };
    const onExit = (code: number) => {
      settle();
      onLost(`exited (code ${code}) before it answered`);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(message);
  });
}

/** A worker's failure as the error to raise: chipsim's own error (with its exit code) when it sent one, else an internal one. */
export function workerFailure(message: string, code?: ErrorCode): Error {
  return code ? new ChipsimError(code, message) : new Error(`a worker stopped: ${message}`);
}
