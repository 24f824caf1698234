import type { Job, JobStatus } from "../../api/types";
import { Badge, Spinner, type Tone } from "../../components/States";
import { formatAgo, formatDateTime, formatDuration, jobKindLabel } from "../../lib/format";

const statusTone: Record<JobStatus, Tone> = { Pending: "neutral", Running: "info", Completed: "success", Failed: "danger" };

export function JobCard({ job, now, highlighted }: { job: Job; now: number; highlighted: boolean }) {
  const active = job.status === "Pending" || job.status === "Running";
  const sources = job.sources ?? [];
  const errors = job.errors ?? [];
  const failedSources = sources.filter((s) => s.outcome === "failed").length;
  const progress = job.progress;
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;

  return (
    <li id={`job-${job.id}`} className={`card job ${highlighted ? "job-highlight" : ""}`} data-testid="job-row">
      <div className="job-head">
        <div className="job-title">
          <span className="job-kind">{jobKindLabel(job.kind)}</span>
          <Badge tone={statusTone[job.status] ?? "neutral"}>
            {active && <Spinner />}
            {job.status}
          </Badge>
          <span className="muted">by {job.trigger}</span>
        </div>
        <div className="job-times muted">
          {job.startedAt ? (
            <time dateTime={job.startedAt} title={formatDateTime(job.startedAt)}>
              {formatAgo(job.startedAt, now)}
            </time>
          ) : (
            "not started"
          )}
          {job.startedAt && <> · {formatDuration(job.startedAt, job.finishedAt, now)}</>}
        </div>
      </div>

      {active && progress && (
        <div className="progress-row">
          <div
            className="progress"
            role="progressbar"
            aria-label={`${jobKindLabel(job.kind)} progress`}
            aria-valuemin={0}
            aria-valuemax={progress.total || undefined}
            aria-valuenow={progress.total ? progress.done : undefined}
          >
            <div className={`progress-bar ${percent === null ? "progress-indeterminate" : ""}`} style={percent === null ? undefined : { width: `${percent}%` }} />
          </div>
          <span className="muted progress-text">
            {progress.step}
            {progress.total > 0 && ` · ${progress.done}/${progress.total}`}
          </span>
        </div>
      )}

      {sources.length > 0 && (
        <ul className="sources" aria-label="Sources">
          {sources.map((s) => (
            <li key={s.name} className={`source source-${s.outcome}`} title={s.error ?? `${s.items} items`}>
              <span className={`dot ${s.outcome === "ok" ? "dot-success" : "dot-danger"}`} aria-hidden="true" />
              <span className="source-name">{s.name}</span>
              <span className="muted">{s.outcome === "ok" ? `${s.items} items` : "failed"}</span>
            </li>
          ))}
        </ul>
      )}

      {(errors.length > 0 || failedSources > 0) && (
        <details className="job-errors" open={job.status === "Failed"}>
          <summary>
            {errors.length} {errors.length === 1 ? "error" : "errors"}
            {failedSources > 0 && `, ${failedSources} failed ${failedSources === 1 ? "source" : "sources"}`}
          </summary>
          <ul>
            {sources
              .filter((s) => s.outcome === "failed")
              .map((s) => (
                <li key={`source-${s.name}`}>
                  <strong>{s.name}</strong>: {s.error ?? "failed"}
                </li>
              ))}
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
