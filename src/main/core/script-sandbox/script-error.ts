import type { PreprocessLimits, ScriptError } from './types.js';

/** The name the user's script has inside the engine; stack frames are matched against it. */
export const SCRIPT_FILE = 'script.js';

/** A thrown value as the prelude's `describeError` reports it. */
export interface ThrownValue {
  name?: string;
  message: string;
  stack?: string;
  lineNumber?: number;
  fileName?: string;
}

/** A frame of the user's own code, outermost last. */
export interface UserFrame {
  functionName: string;
  line?: number;
  column?: number;
}

/** Where the error surfaced: while the script's top level ran, or inside `main`. */
export type ErrorPhase = 'load' | 'run';

const MAX_MESSAGE_CHARS = 500;
const FRAME = /^\s*at (.*?) \(([^)]*?)(?::(\d+))?(?::(\d+))?\)\s*$/;

/** Frames of QuickJS's `stack` that point into the user's script. */
export function userFrames(stack: string | undefined): UserFrame[] {
  if (stack === undefined) return [];
  const frames: UserFrame[] = [];
  for (const raw of stack.split('\n')) {
    const match = FRAME.exec(raw);
    if (match === null || match[2] !== SCRIPT_FILE) continue;
    const frame: UserFrame = { functionName: match[1] ?? '<anonymous>' };
    if (match[3] !== undefined) frame.line = Number(match[3]);
    if (match[4] !== undefined) frame.column = Number(match[4]);
    frames.push(frame);
  }
  return frames;
}

/** Turns what the script threw into a `ScriptError` of the right kind, with the user's line. */
export function classifyThrown(
  thrown: ThrownValue,
  phase: ErrorPhase,
  limits: PreprocessLimits,
  deadlinePassed: boolean,
): ScriptError {
  const resource = resourceError(thrown, limits, deadlinePassed);
  if (resource !== undefined) return resource;
  const isSyntax = phase === 'load' && thrown.name === 'SyntaxError' && thrown.fileName === SCRIPT_FILE;
  const error: ScriptError = {
    kind: isSyntax ? 'syntax' : 'runtime',
    message: clip(thrown.name === undefined ? `Uncaught ${thrown.message}` : `${thrown.name}: ${thrown.message}`),
  };
  const line = isSyntax ? thrown.lineNumber : userFrames(thrown.stack).find((f) => f.line)?.line;
  if (line !== undefined) error.line = line;
  return error;
}

function resourceError(
  thrown: ThrownValue,
  limits: PreprocessLimits,
  deadlinePassed: boolean,
): ScriptError | undefined {
  if (thrown.name !== 'InternalError') return undefined;
  if (thrown.message === 'interrupted') return timeoutError(limits);
  if (thrown.message === 'out of memory') {
    return { kind: 'memory', message: `The script exceeded its memory limit of ${mebibytes(limits.memoryBytes)}` };
  }
  if (thrown.message === 'stack overflow') {
    return {
      kind: 'memory',
      message: `Stack overflow: recursion too deep for the ${kibibytes(limits.stackBytes)} stack limit`,
    };
  }
  return deadlinePassed ? timeoutError(limits) : undefined;
}

export function timeoutError(limits: PreprocessLimits, detail = ''): ScriptError {
  return { kind: 'timeout', message: `The script exceeded its time limit of ${limits.timeoutMs} ms${detail}` };
}

function clip(message: string): string {
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
}

const mebibytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
const kibibytes = (bytes: number): string => `${Math.round(bytes / 1024)} KiB`;
