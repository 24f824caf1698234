import { useState } from "react";
import { ApiError } from "../../api/client";
import { useMediaDetail, useUnkeep } from "../../api/queries";
import { DaysLeft } from "../../components/DaysLeft";
import { ErrorState } from "../../components/ErrorState";
import { KeepDialog } from "../../components/KeepDialog";
import { Badge, Loading } from "../../components/States";
import { formatBytes, formatDate, formatDateTime, mediaTypeLabel } from "../../lib/format";
import { Link } from "../../router";
import { EntryList } from "./EntryList";

export function ItemDetailPage({ id }: { id: string }) {
  const { data: item, error, isPending } = useMediaDetail(id);
  const unkeep = useUnkeep();
  const [keeping, setKeeping] = useState(false);

  const back = (
    <Link to={{ page: "leaving-soon" }} className="back-link">
      ← Leaving soon
    </Link>
  );

  if (isPending)
    return (
      <>
        {back}
        <Loading label="Loading item…" />
      </>
    );

  if (error || !item)
    return (
      <>
        {back}
        <h1>{error instanceof ApiError && error.isNotFound ? "Item not found" : "Could not load the item"}</h1>
        <ErrorState error={error} />
      </>
    );

  return (
    <>
      {back}
      <div className="page-header">
        <div>
          <h1>
            {item.title} {item.year != null && <span className="muted title-year">({item.year})</span>}
          </h1>
          <div className="badges">
            <Badge>{mediaTypeLabel(item.mediaType)}</Badge>
            {item.kept ? <Badge tone="success">Kept</Badge> : <DaysLeft days={item.daysLeft} />}
          </div>
        </div>
        <div className="page-actions">
          {item.kept ? (
            <button className="button" onClick={() => unkeep.mutate(item.id)} disabled={unkeep.isPending}>
              Undo keep
            </button>
          ) : (
            <button className="button button-primary" onClick={() => setKeeping(true)}>
              Keep
            </button>
          )}
        </div>
      </div>
      {unkeep.error && <ErrorState error={unkeep.error} />}

      <div className="detail-grid">
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading" className="card-title">Facts</h2>
          <dl className="facts">
            <dt>Size</dt>
            <dd>{formatBytes(item.sizeBytes)}</dd>
            <dt>Added</dt>
            <dd>{formatDateTime(item.addedAt)}</dd>
            <dt>Flagged</dt>
            <dd>{formatDateTime(item.flaggedAt)}</dd>
            <dt>Deletion date</dt>
            <dd>
              <time dateTime={item.deletionDate}>{formatDate(item.deletionDate)}</time>
            </dd>
            <dt>Rule</dt>
            <dd>{item.rule}</dd>
            <dt>ID</dt>
            <dd>
              <code>{item.id}</code>
            </dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="why-heading" data-testid="explanation">
          <h2 id="why-heading" className="card-title">Why it is leaving</h2>
          {item.explanation.length > 0 ? (
            <ol className="trace">
              {item.explanation.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          ) : (
            <p className="muted">The server gave no explanation for this item.</p>
          )}
        </section>

        <section className="card" aria-labelledby="sources-heading">
          <h2 id="sources-heading" className="card-title">Sources</h2>
          <EntryList entries={item.sources} empty="No source reported this item." />
        </section>

        <section className="card" aria-labelledby="watched-heading">
          <h2 id="watched-heading" className="card-title">Watched by</h2>
          <EntryList entries={item.watchedBy} empty="No watch history recorded." />
        </section>
      </div>

      {keeping && <KeepDialog item={item} onClose={() => setKeeping(false)} />}
    </>
  );
}
