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

// Rules (GET/POST /api/rules, PUT/DELETE /api/rules/{id}, GET/PUT /api/rules/settings, POST /api/rules/preview).
// Bodies are the rule set's own JSON form: camelCase, enums as camelCase strings, durations as text ("30d", "never").

export type RuleType = "tag" | "requester" | "watched" | "condition" | "episode";
export type RuleAction = "delete" | "unmonitorAndDeleteFiles" | "unmonitorOnly" | "doNothing";
export type RetentionBase = "lastWatchedOrAdded" | "lastWatched" | "added";
export type UnwatchedBehavior = "keepForever" | "countFromAdded";
export type MatchMode = "all" | "any";

/** A rule's JSON as the server stores it. Fields vary by type; unknown ones are kept as they are when edited. */
export interface RuleBody {
  type: RuleType | string;
  name?: string;
  enabled?: boolean;
  /** tag, requester, watched */
  retention?: string;
  requireWatched?: boolean;
  retentionBase?: RetentionBase | string;
  unwatchedBehavior?: UnwatchedBehavior | string;
  action?: RuleAction | string;
  /** "movie" | "series"; absent for both (condition rules: also "season" | "episode"). */
  mediaType?: string | null;
  /** tag, episode */
  tags?: string[];
  /** requester, watched */
  users?: string[];
  /** condition */
  match?: MatchMode | string;
  groups?: ConditionGroup[];
  /** episode */
  keepLatestEpisodes?: number | null;
  keepLatestSeasons?: number | null;
  maxAge?: string;
  skipContinuingSeries?: boolean;
  [field: string]: unknown;
}

export interface ConditionGroup {
  match?: MatchMode | string;
  conditions?: Condition[];
}

export interface Condition {
  property: string;
  operator: string;
  value?: string | null;
  values?: string[] | null;
  user?: string | null;
}

export interface StoredRule extends RuleBody {
  id: string;
  etag: string;
}

export interface RetentionPolicy {
  retention?: string;
  requireWatched?: boolean;
  retentionBase?: RetentionBase | string;
  unwatchedBehavior?: UnwatchedBehavior | string;
  action?: RuleAction | string;
}

export interface RuleSettingsBody {
  version?: number;
  movies?: RetentionPolicy;
  series?: RetentionPolicy;
  protections?: {
    favoritesOf?: string[];
    inProgress?: boolean;
    currentlyPlaying?: boolean;
    requestedWithin?: string;
    [field: string]: unknown;
  };
  timeline?: { leavingSoonWindow?: string; gracePeriod?: string; [field: string]: unknown };
  diskSpace?: { enabled?: boolean; minimumFreeGb?: number; [field: string]: unknown };
  [field: string]: unknown;
}

export interface StoredRuleSettings extends RuleSettingsBody {
  /** Null until the settings were first saved. */
  etag: string | null;
}

export interface RulesResponse {
  rules: StoredRule[];
  settings: StoredRuleSettings;
}

/** A proposed rule set for a preview; parts left out are the stored ones. */
export interface RuleProposal extends RuleSettingsBody {
  rules?: RuleBody[];
}

export interface PreviewDecision {
  status: string;
  dueDate: IsoDate | null;
  deletionDate: IsoDate | null;
  /** The deciding rule in words ("tag rule 'Kids', tag 'kids'"). */
  rule: string | null;
  action: string;
}

export interface PreviewItem {
  id: string;
  title: string;
  mediaType: string;
  sizeBytes: number;
  before: PreviewDecision | null;
  after: PreviewDecision | null;
}

export interface RulePreview {
  evaluatedAt: IsoDate;
  entering: PreviewItem[];
  leaving: PreviewItem[];
  wouldDelete: PreviewItem[];
  newlyDue: PreviewItem[];
  noLongerDue: PreviewItem[];
  bytesWouldFree: number;
  changedCount: number;
}
