import { ApiError } from "../../api/client";
import type { PreviewItem, RulePreview } from "../../api/types";
import { ErrorState } from "../../components/ErrorState";
import { Link } from "../../router";
import { Badge, Loading, Stat } from "../../components/States";
import { formatBytes, formatDate, formatDateTime, mediaTypeLabel } from "../../lib/format";

// Long lists are cut: the counts say how many there are, and the first ones show what kind of items move.
const shown = 25;

/** What the proposed rules would change, or why the preview could not run (409: nothing synced yet). */
export function PreviewPanel({ data, error, pending }: { data: RulePreview | undefined; error: unknown; pending: boolean }) {
  if (pending) return <Loading label="Evaluating the library under the proposed rules…" />;
  if (error instanceof ApiError && error.isConflict) {
    return (
      <div className="callout callout-warning" role="status" data-testid="preview-conflict">
        <div className="callout-title">{error.problem.title ?? "Nothing to preview against"}</div>
        <p className="callout-body">
          {error.problem.detail ?? "Run a sync first, then preview again."} <Link to={{ page: "jobs" }}>Go to Jobs</Link>
        </p>
      </div>
    );
  }
  // 400s with field errors are shown next to the editor's fields.
  if (error instanceof ApiError && error.status === 400 && error.problem.errors) return null;
  if (error) return <ErrorState error={error} />;
  if (!data) return null;

  const moves = data.entering.length + data.leaving.length + data.wouldDelete.length + data.noLongerDue.length;
  return (
    <section className="preview" aria-label="Preview" data-testid="rule-preview">
      <h4 className="card-title">Preview against the library of {formatDateTime(data.evaluatedAt)} (nothing saved)</h4>
      <div className="stats stats-compact">
        <Stat label="Entering leaving soon" value={data.entering.length} />
        <Stat label="Leaving it" value={data.leaving.length} />
        <Stat label="Would delete" value={data.wouldDelete.length} hint={`${data.newlyDue.length} newly, ${data.noLongerDue.length} no longer`} />
        <Stat label="Would free" value={formatBytes(data.bytesWouldFree)} hint={`${data.changedCount} items change`} />
      </div>
      {moves === 0 ? (
        <p className="muted">
          {data.changedCount === 0
            ? "No item would change: the proposed rules decide the library as the current ones do."
            : `${data.changedCount} ${data.changedCount === 1 ? "item changes its" : "items change their"} due date or deciding rule, but nothing enters or leaves the leaving-soon list and nothing more would be deleted.`}
        </p>
      ) : (
        <>
          <PreviewList title="Entering leaving soon" items={data.entering} />
          <PreviewList title="Leaving leaving soon" items={data.leaving} />
          <PreviewList title="Would delete at the next cleanup" items={data.wouldDelete} />
          <PreviewList title="No longer due" items={data.noLongerDue} />
        </>
      )}
    </section>
  );
}

function PreviewList({ title, items }: { title: string; items: PreviewItem[] }) {
  if (items.length === 0) return null;
  return (
    <details className="preview-list" open={items.length <= 10}>
      <summary>
        {title} <span className="muted">({items.length})</span>
      </summary>
      <div className="table-wrap">
        <table className="table table-responsive">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Now</th>
              <th scope="col">Proposed</th>
              <th scope="col" className="num">
                Size
              </th>
            </tr>
          </thead>
          <tbody>
            {items.slice(0, shown).map((item) => (
              <tr key={item.id}>
                <td className="cell-title">
                  <Link to={{ page: "item", id: item.id }} className="title-link">
                    {item.title}
                  </Link>
                  <div className="cell-sub">{mediaTypeLabel(item.mediaType)}</div>
                </td>
                <td data-label="Now">
                  <Decision decision={item.before} />
                </td>
                <td data-label="Proposed">
                  <Decision decision={item.after} />
                </td>
                <td data-label="Size" className="num">
                  {formatBytes(item.sizeBytes)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {items.length > shown && <p className="table-note muted">and {items.length - shown} more</p>}
    </details>
  );
}

const statusTones: Record<string, "neutral" | "info" | "warning" | "danger" | "success"> = {
  leavingSoon: "warning",
  due: "danger",
  kept: "success",
  notDue: "neutral",
};

function Decision({ decision }: { decision: PreviewItem["before"] }) {
  if (!decision) return <span className="muted">—</span>;
  return (
    <div>
      <Badge tone={statusTones[decision.status] ?? "neutral"}>{statusLabel(decision.status)}</Badge>
      {decision.deletionDate && <span className="cell-sub"> {formatDate(decision.deletionDate)}</span>}
      {decision.rule && <div className="cell-sub">{decision.rule}</div>}
    </div>
  );
}

function statusLabel(status: string): string {
  // camelCase enum names in words: leavingSoon -> "leaving soon".
  return status.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
