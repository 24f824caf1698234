import type { JobKind, MediaType } from "../api/types";

const units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

/** Binary units, as Radarr/Sonarr and file managers count disk space: 8589934592 -> "8 GiB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${value} B`;
  // Three significant digits at most: 1.5 GiB, 15.2 GiB, 152 GiB.
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${trimZeros(value.toFixed(digits))} ${units[unit]}`;
}

function trimZeros(fixed: string): string {
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

export function formatDaysLeft(days: number): string {
  if (days < 0) return `${-days} ${-days === 1 ? "day" : "days"} overdue`;
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  return `${days} days`;
}

/** How loud the days-left cell should be. */
export function urgency(days: number): "overdue" | "urgent" | "soon" | "later" {
  if (days < 0) return "overdue";
  if (days <= 1) return "urgent";
  if (days <= 3) return "soon";
  return "later";
}

const dateFormat = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatDate(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? dateFormat.format(date) : "—";
}

export function formatDateTime(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? dateTimeFormat.format(date) : "—";
}

/** "just now", "5 min ago", "3 h ago", "2 days ago" relative to `now`. */
export function formatAgo(iso: string | null | undefined, now: number = Date.now()): string {
  const date = parse(iso);
  if (!date) return "—";
  const seconds = Math.round((now - date.getTime()) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return `${days} ${days === 1 ? "day" : "days"} ago`;
}

/** Elapsed time between two instants (or until `now` when still running): "850 ms", "42 s", "3 min 5 s", "1 h 4 min". */
export function formatDuration(startIso: string | null | undefined, endIso: string | null | undefined, now: number = Date.now()): string {
  const start = parse(startIso);
  if (!start) return "—";
  const end = parse(endIso)?.getTime() ?? now;
  const ms = Math.max(0, end - start.getTime());
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

export function formatUptime(seconds: number): string {
  if (!Number.isFinite(seconds)) return "—";
  const s = Math.floor(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} days`;
}

const mediaTypes: Record<MediaType, string> = { movie: "Movie", series: "Series", season: "Season", episode: "Episode" };

export function mediaTypeLabel(type: string): string {
  return mediaTypes[type as MediaType] ?? type;
}

const jobKinds: Record<JobKind, string> = { FullSync: "Full sync", IncrementalSync: "Incremental sync", Cleanup: "Cleanup" };

export function jobKindLabel(kind: string): string {
  return jobKinds[kind as JobKind] ?? kind;
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
