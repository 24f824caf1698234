import { describe, expect, it } from "vitest";
import { formatAgo, formatBytes, formatDaysLeft, formatDuration, urgency } from "./format";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1024, "1 KiB"],
    [1536, "1.5 KiB"],
    [8589934592, "8 GiB"],
    [16_320_875_724, "15.2 GiB"],
    [163_208_757_248, "152 GiB"],
    [3 * 1024 ** 4, "3 TiB"],
  ])("%d bytes -> %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it("shows a dash for missing or invalid sizes", () => {
    expect(formatBytes(null)).toBe("—");
    expect(formatBytes(-1)).toBe("—");
    expect(formatBytes(Number.NaN)).toBe("—");
  });
});

describe("formatDaysLeft", () => {
  it.each([
    [-2, "2 days overdue"],
    [-1, "1 day overdue"],
    [0, "today"],
    [1, "tomorrow"],
    [14, "14 days"],
  ])("%d -> %s", (days, text) => {
    expect(formatDaysLeft(days)).toBe(text);
  });

  it("grades urgency", () => {
    expect([-1, 0, 1, 2, 3, 4].map(urgency)).toEqual(["overdue", "urgent", "urgent", "soon", "soon", "later"]);
  });
});

describe("time spans", () => {
  const now = Date.parse("2026-01-10T12:00:00Z");

  it("formats how long ago", () => {
    expect(formatAgo("2026-01-10T11:59:30Z", now)).toBe("just now");
    expect(formatAgo("2026-01-10T11:55:00Z", now)).toBe("5 min ago");
    expect(formatAgo("2026-01-10T09:00:00Z", now)).toBe("3 h ago");
    expect(formatAgo("2026-01-08T12:00:00Z", now)).toBe("2 days ago");
    expect(formatAgo(null, now)).toBe("—");
  });

  it("formats durations, running ones up to now", () => {
    expect(formatDuration("2026-01-10T11:59:18Z", "2026-01-10T12:00:00Z")).toBe("42 s");
    expect(formatDuration("2026-01-10T11:56:55Z", "2026-01-10T12:00:00Z")).toBe("3 min 5 s");
    expect(formatDuration("2026-01-10T10:56:00Z", null, now)).toBe("1 h 4 min");
    expect(formatDuration(null, null, now)).toBe("—");
  });
});
