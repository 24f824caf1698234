import { useMemo, useState } from "react";
import { isActive, useJobs, useLeavingSoon, useUnkeep } from "../../api/queries";
import type { LeavingSoonItem } from "../../api/types";
import { ErrorState } from "../../components/ErrorState";
import { KeepDialog } from "../../components/KeepDialog";
import { Badge, EmptyState, Loading, PageHeader, Stat } from "../../components/States";
import { DaysLeft } from "../../components/DaysLeft";
import { formatBytes, formatDate, formatDateTime, formatDaysLeft, mediaTypeLabel } from "../../lib/format";
import { Link } from "../../router";
import { DryRunBanner } from "./DryRunBanner";

export function LeavingSoonPage() {
  const { data, error, isPending, refetch, isFetching } = useLeavingSoon();
  const [keeping, setKeeping] = useState<LeavingSoonItem | null>(null);
  const [filter, setFilter] = useState("");

  const items = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    if (!data || !needle) return data?.items ?? [];
    return data.items.filter((i) => i.title.toLocaleLowerCase().includes(needle));
  }, [data, filter]);

  return (
    <>
      <PageHeader
        title="Leaving soon"
        subtitle={
          data
            ? `Items the rules will remove once their ${data.gracePeriodDays}-day grace period ends. Keep anything you still want.`
            : "Items the rules will remove once their grace period ends."
        }
        actions={
          <button className="button" onClick={() => void refetch()} disabled={isFetching}>
            {isFetching ? "Refreshing…" : "Refresh"}
          </button>
        }
      />

      {isPending && <Loading label="Loading the leaving-soon list…" />}
      {error && <ErrorState error={error} action={<button className="button" onClick={() => void refetch()}>Try again</button>} />}

      {data && (
        <>
          {data.dryRun && <DryRunBanner />}
          <Totals count={data.count} totalSizeBytes={data.totalSizeBytes} gracePeriodDays={data.gracePeriodDays} next={nextDeletion(data.items)} />

          {data.items.length === 0 ? (
            <NothingLeaving />
          ) : (
            <section className="card" aria-label="Items leaving soon">
              <div className="toolbar">
                <input
                  type="search"
                  className="input input-search"
                  placeholder="Filter by title"
                  aria-label="Filter by title"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                />
                {filter && (
                  <span className="muted">
                    {items.length} of {data.items.length}
                  </span>
                )}
              </div>
              <LeavingSoonTable items={items} onKeep={setKeeping} />
              {items.length === 0 && <p className="muted table-note">No title matches “{filter}”.</p>}
            </section>
          )}
        </>
      )}

      {keeping && <KeepDialog item={keeping} onClose={() => setKeeping(null)} />}
    </>
  );
}

/** The earliest deletion that will really happen: kept items are not leaving. */
function nextDeletion(items: LeavingSoonItem[]): LeavingSoonItem | undefined {
  return items
    .filter((i) => !i.kept)
    .reduce<LeavingSoonItem | undefined>((soonest, i) => (!soonest || Date.parse(i.deletionDate) < Date.parse(soonest.deletionDate) ? i : soonest), undefined);
}

function Totals({ count, totalSizeBytes, gracePeriodDays, next }: { count: number; totalSizeBytes: number; gracePeriodDays: number; next?: LeavingSoonItem }) {
  return (
    <div className="stats" data-testid="totals">
      <Stat label="Items" value={count} />
      <Stat label="Space to reclaim" value={formatBytes(totalSizeBytes)} />
      <Stat
        label="Next deletion"
        value={next ? formatDaysLeft(next.daysLeft) : "—"}
        hint={next ? formatDate(next.deletionDate) : undefined}
      />
      <Stat label="Grace period" value={`${gracePeriodDays} days`} />
    </div>
  );
}

function LeavingSoonTable({ items, onKeep }: { items: LeavingSoonItem[]; onKeep: (item: LeavingSoonItem) => void }) {
  const unkeep = useUnkeep();
  return (
    <div className="table-wrap">
      <table className="table table-responsive">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Year</th>
            <th scope="col">Type</th>
            <th scope="col" className="num">Size</th>
            <th scope="col">Deletion date</th>
            <th scope="col">Days left</th>
            <th scope="col" className="actions-col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-testid="leaving-soon-row" className={item.kept ? "row-kept" : undefined}>
              <td data-label="Title" className="cell-title">
                <Link to={{ page: "item", id: item.id }} className="title-link" data-testid="item-link">
                  {item.title}
                </Link>
                <div className="cell-sub" title="Matched rule">{item.rule}</div>
              </td>
              <td data-label="Year">{item.year ?? "—"}</td>
              <td data-label="Type">
                <Badge>{mediaTypeLabel(item.mediaType)}</Badge>
              </td>
              <td data-label="Size" className="num">{formatBytes(item.sizeBytes)}</td>
              <td data-label="Deletion date">
                <time dateTime={item.deletionDate} title={formatDateTime(item.deletionDate)}>
                  {formatDate(item.deletionDate)}
                </time>
              </td>
              <td data-label="Days left">
                {item.kept ? <Badge tone="success">Kept</Badge> : <DaysLeft days={item.daysLeft} />}
              </td>
              <td className="actions-col">
                {item.kept ? (
                  <button
                    className="button button-small"
                    onClick={() => unkeep.mutate(item.id)}
                    disabled={unkeep.isPending && unkeep.variables === item.id}
                    aria-label={`Stop keeping ${item.title}`}
                  >
                    Undo keep
                  </button>
                ) : (
                  <button className="button button-small button-primary" onClick={() => onKeep(item)} aria-label={`Keep ${item.title}`}>
                    Keep
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unkeep.error && <ErrorState error={unkeep.error} />}
    </div>
  );
}

function NothingLeaving() {
  const { data: jobs } = useJobs();
  const syncing = jobs?.some((j) => isActive(j) && j.kind !== "Cleanup");
  return (
    <EmptyState title="Nothing is leaving soon">
      {syncing ? (
        <p>A sync is running; the list refreshes when it finishes.</p>
      ) : (
        <p>
          No item matches a retention rule right now. Run a <Link to={{ page: "jobs" }}>sync</Link> after changing your
          library or rules.
        </p>
      )}
    </EmptyState>
  );
}
