import type { CellError } from "../sheets/table-reader.js";
import type { DocumentRef } from "../sheets/layouts.js";
import type { Row } from "./engine-calls.js";
import { DEFAULT_SETTINGS, type WorkbookSettings } from "./workbook-settings.js";

export type Phase = "starting" | "no-company" | "open" | "refused" | "damaged" | "failed";

export interface Busy {
  label: string;
  done: number;
  total: number;
}

export interface Message {
  kind: "info" | "success" | "warning" | "error";
  text: string;
}

export interface DocumentSummary extends DocumentRef {
  customerNo: string;
  customerName: string;
  status: string;
  amountIncludingVat: string;
}

export interface PostedSummary {
  kind: "Invoice" | "Shipment";
  no: string;
  customerNo: string;
  postingDate: string;
  orderNo: string;
  amountIncludingVat: string;
}

/** Entries grouped by ledger table, for a posted document or a posting preview. */
export interface EntriesView {
  title: string;
  preview: boolean;
  tables: Record<string, Row[]>;
}

/** A yes/no question the pane must answer before the action goes on (posting, starting over). */
export interface Question {
  title: string;
  /** A sentence above the list, when the list needs one. */
  intro?: string;
  lines: string[];
  yes: string;
  no: string;
  /** The yes answer destroys something: it is drawn as a warning, never as the primary button. */
  destructive?: boolean;
}

/** The answer of the engine's `verifyBooks`: the G/L registers' hash chain and the invariants. */
export interface Verification {
  ok: boolean;
  registers: number;
  entries: number;
  problems: { registerNo?: number; message: string }[];
  checkedAt: string;
}

export interface StorageInfo {
  generation: number | null;
  slot: string | null;
  savedAt: string | null;
  bytes: number | null;
}

export interface SessionState {
  phase: Phase;
  mode: "office" | "standalone";
  busy: Busy | null;
  message: Message | null;
  /** Lasting notices: a backup copy was opened, the workbook's copy changed under us. */
  notices: string[];
  storage: StorageInfo;
  documents: DocumentSummary[];
  posted: PostedSummary[];
  customers: { no: string; name: string }[];
  current: DocumentRef | null;
  errors: CellError[];
  entries: EntriesView | null;
  workDate: string;
  question: Question | null;
  settings: WorkbookSettings;
  verification: Verification | null;
}

export function initialState(mode: "office" | "standalone", workDate: string): SessionState {
  return {
    phase: "starting",
    mode,
    busy: null,
    message: null,
    notices: [],
    storage: { generation: null, slot: null, savedAt: null, bytes: null },
    documents: [],
    posted: [],
    customers: [],
    current: null,
    errors: [],
    entries: null,
    workDate,
    question: null,
    settings: { ...DEFAULT_SETTINGS },
    verification: null,
  };
}
