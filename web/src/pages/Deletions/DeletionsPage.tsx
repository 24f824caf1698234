import { useDeletions } from "../../api/queries";
import type { Deletion, DeletionOutcome } from "../../api/types";
import { ErrorState } from "../../components/ErrorState";
import { Badge, EmptyState, Loading, PageHeader, Stat, type Tone } from "../../components/States";
import { formatAgo, formatBytes, formatDateTime, mediaTypeLabel } from "../../lib/format";
import { Link } from "../../router";

const pageSize = 50;

const outcomeTone: Record<DeletionOutcome, Tone> = {
  deleted: "danger",
  "would-delete": "warning",
  failed: "danger",
  skipped: "neutral",
};

export function DeletionsPage({ page }: { page: number }) {
  const { data, error, isPending, isPlaceholderData } = useDeletions(page, pageSize);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <PageHeader title="Deletions" subtitle="The audit log: every deletion Cleanup made or simulated, and why." />

      {isPending && <Loading label="Loading the audit log…" />}
      {error && <ErrorState error={error} />}

      {data && (
        <>
          <div className="stats" data-testid="deletion-totals">
            <Stat label="Entries" value={data.total} />
            <Stat label="Space reclaimed" value={formatBytes(data.reclaimedBytes)} hint="by real deletions" />
            <Stat label="Would reclaim" value={formatBytes(data.wouldReclaimBytes)} hint="by simulated (dry-run) deletions" />
          </div>

          {data.items.length === 0 ? (
            <EmptyState title={page > 1 ? "No entries on this page" : "Nothing deleted yet"}>
              {page > 1 ? (
                <Link to={{ page: "deletions", pageNumber: 1 }}>Back to the first page</Link>
              ) : (
                <p>Deletions and dry-run simulations appear here after a cleanup job.</p>
              )}
            </EmptyState>
          ) : (
            <section className={`card ${isPlaceholderData ? "stale" : ""}`} aria-label="Deletions" aria-busy={isPlaceholderData}>
              <div className="table-wrap">
                <table className="table table-responsive">
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Title</th>
                      <th scope="col">Type</th>
                      <th scope="col" className="num">Size</th>
                      <th scope="col">Outcome</th>
                      <th scope="col">By</th>
                      <th scope="col">Reason</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((d) => (
                      <DeletionRow key={d.id} deletion={d} />
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={page} pages={pages} total={data.total} />
            </section>
          )}
        </>
      )}
    </>
  );
}

function DeletionRow({ deletion: d }: { deletion: Deletion }) {
  return (
    <tr data-testid="deletion-row">
      <td data-label="When">
        <time dateTime={d.at} title={formatDateTime(d.at)}>
          {formatAgo(d.at)}
        </time>
      </td>
      <td data-label="Title" className="cell-title">
        <span className="title-text">{d.title}</span>
        <div className="cell-sub">{d.rule}</div>
      </td>
      <td data-label="Type">
        <Badge>{mediaTypeLabel(d.mediaType)}</Badge>
      </td>
      <td data-label="Size" className="num">{formatBytes(d.sizeBytes)}</td>
      <td data-label="Outcome">
        <span className="badges">
          <Badge tone={outcomeTone[d.outcome] ?? "neutral"}>{d.outcome}</Badge>
          {d.dryRun && d.outcome !== "would-delete" && <Badge tone="warning">dry run</Badge>}
        </span>
      </td>
      <td data-label="By">{d.actor}</td>
      <td data-label="Reason" className="cell-reason">
        {d.reason ?? <span className="muted">—</span>}
        {d.trace && d.trace.length > 0 && (
          <details className="trace-details">
            <summary>Trace ({d.trace.length})</summary>
            <ol className="trace">
              {d.trace.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          </details>
        )}
      </td>
    </tr>
  );
}

function Pager({ page, pages, total }: { page: number; pages: number; total: number }) {
  if (pages <= 1) return <p className="muted table-note">{total} {total === 1 ? "entry" : "entries"}</p>;
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? (
        <Link className="button button-small" to={{ page: "deletions", pageNumber: page - 1 }} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span className="button button-small" aria-disabled="true">← Newer</span>
      )}
      <span className="muted">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link className="button button-small" to={{ page: "deletions", pageNumber: page + 1 }} rel="next">
          Older →
        </Link>
      ) : (
        <span className="button button-small" aria-disabled="true">Older →</span>
      )}
    </nav>
  );
}
