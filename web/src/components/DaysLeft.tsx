import { formatDaysLeft, urgency } from "../lib/format";

export function DaysLeft({ days }: { days: number }) {
  return <span className={`days days-${urgency(days)}`}>{formatDaysLeft(days)}</span>;
}
