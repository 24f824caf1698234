import { useEffect, useState } from "react";
import { ApiError } from "../../api/client";
import { isActive, useHealth, useJobs, useStartJob } from "../../api/queries";
import type { Job, JobKind } from "../../api/types";
import { ErrorState } from "../../components/ErrorState";
import { EmptyState, Loading, PageHeader } from "../../components/States";
import { jobKindLabel } from "../../lib/format";
import { JobCard } from "./JobCard";

const actions: { kind: JobKind; label: string; hint: string }[] = [
  { kind: "FullSync", label: "Full sync", hint: "Read every service again and re-evaluate the rules" },
  { kind: "IncrementalSync", label: "Incremental sync", hint: "Read what changed since the last sync" },
  { kind: "Cleanup", label: "Run cleanup", hint: "Delete items whose grace period has ended" },
];

export function JobsPage() {
  const { data: jobs, error, isPending } = useJobs();
  const { data: health } = useHealth();
  const start = useStartJob();
  const now = useNow(jobs?.some(isActive) ?? false);

  const sorted = jobs ? [...jobs].sort(byNewest) : [];
  const conflict = start.error instanceof ApiError && start.error.isConflict ? start.error : null;
  const runningId = conflict ? conflictJobId(conflict) : undefined;

  return (
    <>
      <PageHeader
        title="Jobs"
        subtitle="Syncs read your media services; cleanup deletes what the grace period has released. Only one job runs at a time."
        actions={actions.map((a) => (
          <button
            key={a.kind}
            className={`button ${a.kind === "Cleanup" ? "button-danger" : "button-primary"}`}
            title={a.hint}
            disabled={start.isPending}
            onClick={() => start.mutate(a.kind)}
          >
            {a.label}
            {a.kind === "Cleanup" && health?.dryRun ? " (dry run)" : ""}
          </button>
        ))}
      />

      <div aria-live="polite">
        {start.isSuccess && start.variables && (
          <div className="callout callout-info" role="status">
            <div className="callout-title">{jobKindLabel(start.variables)} started</div>
            <p className="callout-body">
              Job <code>{start.data.jobId}</code> is queued; this page follows its progress.
            </p>
          </div>
        )}
        {conflict && (
          <div className="callout callout-warning" role="status" data-testid="job-conflict">
            <div className="callout-title">Another job is already running</div>
            <p className="callout-body">
              {conflict.problem.detail ?? "Wait for it to finish, then try again."}
              {runningId && (
                <>
                  {" "}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => document.getElementById(`job-${runningId}`)?.scrollIntoView({ behavior: "smooth", block: "center" })}
                  >
                    Show the running job
                  </button>
                </>
              )}
            </p>
          </div>
        )}
        {start.error && !conflict && <ErrorState error={start.error} />}
      </div>

      {isPending && <Loading label="Loading jobs…" />}
      {error && <ErrorState error={error} />}
      {jobs && jobs.length === 0 && (
        <EmptyState title="No jobs yet">
          <p>Start a full sync to read your library for the first time.</p>
        </EmptyState>
      )}
      {sorted.length > 0 && (
        <ul className="job-list" aria-label="Jobs">
          {sorted.map((job) => (
            <JobCard key={job.id} job={job} now={now} highlighted={job.id === runningId} />
          ))}
        </ul>
      )}
    </>
  );
}

/** The 409 names the running job; the server may put it in an extension member or only in the detail text. */
function conflictJobId(error: ApiError): string | undefined {
  const p = error.problem;
  for (const key of ["jobId", "runningJobId", "existingJobId"]) {
    if (typeof p[key] === "string") return p[key] as string;
  }
  return undefined;
}

function byNewest(a: Job, b: Job): number {
  // Not-yet-started jobs first, then by start time, newest first.
  const ta = a.startedAt ? Date.parse(a.startedAt) : Number.POSITIVE_INFINITY;
  const tb = b.startedAt ? Date.parse(b.startedAt) : Number.POSITIVE_INFINITY;
  return tb - ta;
}

/** A clock that ticks every second while something runs, so durations count up between polls. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!ticking) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [ticking]);
  return now;
}
