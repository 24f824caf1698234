import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useKeep } from "../api/queries";
import { ErrorState } from "./ErrorState";

const durations = [
  { label: "Forever", days: null },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
] as const;

/** Asks how long to keep an item and why, then POSTs the keep. Rendered only while open. */
export function KeepDialog({ item, onClose }: { item: { id: string; title: string }; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useKeep();
  const [duration, setDuration] = useState(0);
  const [reason, setReason] = useState("");
  const ids = { title: useId(), duration: useId(), reason: useId() };

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const days = durations[duration].days;
    const until = days === null ? null : new Date(Date.now() + days * 86_400_000).toISOString();
    keep.mutate(
      { id: item.id, body: { until, reason: reason.trim() || "Kept from the dashboard" } },
      { onSuccess: onClose },
    );
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={ids.title} onClose={onClose}>
      <form onSubmit={submit} className="dialog-form">
        <h2 id={ids.title} className="dialog-title">
          Keep “{item.title}”
        </h2>
        <p className="muted">It will not be deleted while the keep lasts. Rules and the grace period apply again afterwards.</p>
        <label htmlFor={ids.duration} className="field-label">
          Keep for
        </label>
        <select id={ids.duration} className="input" value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
          {durations.map((d, i) => (
            <option key={d.label} value={i}>
              {d.label}
            </option>
          ))}
        </select>
        <label htmlFor={ids.reason} className="field-label">
          Reason <span className="muted">(optional)</span>
        </label>
        <input
          id={ids.reason}
          className="input"
          value={reason}
          maxLength={200}
          placeholder="e.g. Rewatching with the kids"
          onChange={(e) => setReason(e.target.value)}
        />
        {keep.error && <ErrorState error={keep.error} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={keep.isPending}>
            {keep.isPending ? "Keeping…" : "Keep"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
