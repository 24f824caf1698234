// Shapes of the Cleanup HTTP API (API.md). JSON is camelCase, dates are ISO-8601 UTC strings, sizes are bytes.

export type IsoDate = string;

/** RFC 7807 body every error carries (application/problem+json); servers may add extension members. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

export interface Health {
  status: "ok" | "degraded";
  version: string;
  uptimeSeconds: number;
  mode: "demo" | "live";
  dryRun: boolean;
  storage: { reachable: boolean; error: string | null };
}

export type MediaType = "movie" | "series" | "season" | "episode";

export interface LeavingSoonItem {
  id: string;
  title: string;
  year: number | null;
  mediaType: MediaType;
  sizeBytes: number;
  addedAt: IsoDate | null;
  flaggedAt: IsoDate | null;
  deletionDate: IsoDate;
  daysLeft: number;
  rule: string;
  kept: boolean;
}

export interface LeavingSoon {
  items: LeavingSoonItem[];
  count: number;
  totalSizeBytes: number;
  /** Due within this many days = leaving soon. */
  windowDays: number;
  /** Shown at least this long before deletion. */
  gracePeriodDays: number;
  dryRun: boolean;
}

/** API.md leaves the element shape of sources/watchedBy open: plain names or small records. */
export type DetailEntry = string | Record<string, unknown>;

export interface MediaDetail extends LeavingSoonItem {
  sources: DetailEntry[];
  watchedBy: DetailEntry[];
  explanation: string[];
}

export interface KeepRequest {
  until: IsoDate | null;
  reason: string;
}

export interface ServiceStatus {
  name: string;
  kind: string;
  url: string;
  reachable: boolean;
  version: string | null;
  latencyMs: number | null;
  error: string | null;
}

export type JobKind = "FullSync" | "IncrementalSync" | "Cleanup";
export type JobStatus = "Pending" | "Running" | "Completed" | "Failed";

export interface JobSource {
  name: string;
  kind: string;
  outcome: "ok" | "failed";
  items: number;
  error: string | null;
}

export interface Job {
  id: string;
  kind: JobKind;
  status: JobStatus;
  trigger: "schedule" | "user" | "webhook";
  startedAt: IsoDate | null;
  finishedAt: IsoDate | null;
  progress: { step: string; done: number; total: number } | null;
  sources: JobSource[];
  errors: string[];
}

export interface JobAccepted {
  jobId: string;
  statusUrl: string;
}

export type DeletionOutcome = "deleted" | "would-delete" | "failed" | "skipped";

export interface Deletion {
  id: string;
  itemId: string;
  title: string;
  mediaType: MediaType;
  sizeBytes: number;
  rule: string;
  action: string;
  dryRun: boolean;
  actor: string;
  at: IsoDate;
  outcome: DeletionOutcome;
  reason: string | null;
  trace: string[];
}

export interface DeletionPage {
  items: Deletion[];
  page: number;
  pageSize: number;
  total: number;
  reclaimedBytes: number;
  wouldReclaimBytes: number;
}
