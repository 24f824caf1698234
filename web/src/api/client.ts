import type {
  DeletionPage,
  Health,
  Job,
  JobAccepted,
  JobKind,
  KeepRequest,
  LeavingSoon,
  LeavingSoonItem,
  MediaDetail,
  ProblemDetails,
  RuleBody,
  RulePreview,
  RuleProposal,
  RuleSettingsBody,
  RulesResponse,
  ServiceStatus,
  StoredRule,
  StoredRuleSettings,
} from "./types";

/**
 * An HTTP failure carrying the server's ProblemDetails. `status` is 0 when the server could not be reached at all.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `Request failed with status ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** 412: the resource changed since it was read (If-Match did not match). */
  get isPreconditionFailed(): boolean {
    return this.status === 412;
  }
}

// Relative on purpose: the dashboard uses hash routes, so the document URL is always the app root, and relative
// paths keep working when a reverse proxy serves the app under a sub-path (https://host/cleanup/).
const base = "api/";

async function request<T>(path: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  const headers = new Headers(rest.headers);
  headers.set("Accept", "application/json, application/problem+json");
  if (json !== undefined) headers.set("Content-Type", "application/json");

  let response: Response;
  try {
    response = await fetch(base + path, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
  } catch {
    throw new ApiError(0, { title: "Server unreachable", detail: "The Cleanup server did not answer. Is it running?" });
  }

  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const fallback: ProblemDetails = { title: response.statusText || `HTTP ${response.status}`, status: response.status };
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("json")) return fallback;
  try {
    const body = (await response.json()) as ProblemDetails | null;
    return body && typeof body === "object" ? { ...fallback, ...body } : fallback;
  } catch {
    return fallback;
  }
}

const media = (id: string) => `media/${encodeURIComponent(id)}`;

const rule = (id: string) => `rules/${encodeURIComponent(id)}`;
const ifMatch = (etag: string) => ({ "If-Match": etag });

const jobRoutes: Record<JobKind, string> = {
  FullSync: "sync/full",
  IncrementalSync: "sync/incremental",
  Cleanup: "cleanup",
};

/** Every endpoint the dashboard calls, typed once. */
export const api = {
  health: () => request<Health>("health"),

  leavingSoon: () => request<LeavingSoon>("media/leaving-soon"),
  mediaDetail: (id: string) => request<MediaDetail>(media(id)),
  keep: (id: string, body: KeepRequest) => request<LeavingSoonItem>(`${media(id)}/keep`, { method: "POST", json: body }),
  unkeep: (id: string) => request<void>(`${media(id)}/keep`, { method: "DELETE" }),

  services: () => request<ServiceStatus[]>("services"),
  testService: (name: string) =>
    request<ServiceStatus>(`services/${encodeURIComponent(name)}/test`, { method: "POST" }),

  jobs: () => request<Job[]>("jobs"),
  job: (id: string) => request<Job>(`jobs/${encodeURIComponent(id)}`),
  startJob: (kind: JobKind) => request<JobAccepted>(jobRoutes[kind], { method: "POST" }),

  deletions: (page: number, pageSize: number) =>
    request<DeletionPage>(`deletions?page=${page}&pageSize=${pageSize}`),

  rules: () => request<RulesResponse>("rules"),
  addRule: (body: RuleBody) => request<StoredRule>("rules", { method: "POST", json: body }),
  replaceRule: (id: string, etag: string, body: RuleBody) =>
    request<StoredRule>(rule(id), { method: "PUT", json: body, headers: ifMatch(etag) }),
  deleteRule: (id: string, etag: string) => request<void>(rule(id), { method: "DELETE", headers: ifMatch(etag) }),
  /** `etag` null (never saved yet) overwrites whatever is stored. */
  replaceRuleSettings: (etag: string | null, body: RuleSettingsBody) =>
    request<StoredRuleSettings>("rules/settings", { method: "PUT", json: body, headers: ifMatch(etag ?? "*") }),
  previewRules: (proposal: RuleProposal) => request<RulePreview>("rules/preview", { method: "POST", json: proposal }),
};
