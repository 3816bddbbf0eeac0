import type { ErrorDetail } from "../../engine/api/index.js";
import type { EncodedDatabase } from "../storage/codec.js";

/**
 * What the pane asks of the engine. The same interface is served by a Web Worker in the add-in and
 * by an in-process host in Node (tests, bench), so the pane's logic is tested against the real engine.
 */
export interface CommandRequest {
  do: string;
  with?: unknown;
}

/** The engine's error detail, as it crosses the worker boundary. */
export type ErrorDetailJson = ErrorDetail;

export interface EngineErrorJson {
  code: string;
  message: string;
  details: ErrorDetailJson[];
}

export type CommandResponse = { ok: true; result: unknown } | { ok: false; error: EngineErrorJson };

export interface BatchResult {
  responses: CommandResponse[];
  /** True when at least one command committed a change: the caller must save before reporting. */
  changed: boolean;
}

export interface CreateResult {
  warnings: string[];
}

export interface OpenInput {
  chunks: string[];
  sha256: string;
  size: number;
  schemaVersion: number;
  workDate?: string;
}

/** What opening a copy put right: notices to show, and whether the bytes changed (upgrade, repair). */
export interface OpenResult {
  notices: string[];
  /** The engine migrated or repaired the copy: the host saves it so the workbook holds what is open. */
  upgraded: boolean;
}

export interface EngineApi {
  create(options: { demo: boolean; workDate?: string }): Promise<CreateResult>;
  /** Decodes, verifies (checksum, SQLite integrity check, schema) and opens a stored copy. */
  open(input: OpenInput): Promise<OpenResult>;
  dispatch(commands: CommandRequest[], label?: string): Promise<BatchResult>;
  encode(chunkChars?: number): Promise<EncodedDatabase>;
  /** The newest database schema this engine writes. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}

export type ProgressListener = (label: string, done: number, total: number) => void;

/** Messages between the pane and the worker. */
export type WorkerRequest = { id: number; method: keyof EngineApi | "init"; args: unknown[] };
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string; kind?: string } }
  | { progress: { label: string; done: number; total: number } };
