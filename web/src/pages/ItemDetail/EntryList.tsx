import type { DetailEntry } from "../../api/types";

// API.md does not fix the shape of sources/watchedBy entries: show plain names as they are, and records as their
// name with the remaining simple fields beside it.
const nameKeys = ["name", "user", "userName", "title", "source", "kind"];

export function EntryList({ entries, empty }: { entries: DetailEntry[] | null | undefined; empty: string }) {
  if (!entries || entries.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="entries">
      {entries.map((entry, i) => (
        <li key={i}>{typeof entry === "string" ? entry : <EntryRecord value={entry} />}</li>
      ))}
    </ul>
  );
}

function EntryRecord({ value }: { value: Record<string, unknown> }) {
  const nameKey = nameKeys.find((k) => typeof value[k] === "string");
  const rest = Object.entries(value).filter(
    ([k, v]) => k !== nameKey && v !== null && v !== undefined && typeof v !== "object",
  );
  return (
    <>
      <span className="entry-name">{nameKey ? String(value[nameKey]) : "—"}</span>
      {rest.length > 0 && (
        <span className="entry-meta">
          {rest.map(([k, v]) => (
            <span key={k}>
              {k}: {String(v)}
            </span>
          ))}
        </span>
      )}
    </>
  );
}
