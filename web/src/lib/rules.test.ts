import { describe, expect, it } from "vitest";
import type { StoredRule } from "../api/types";
import {
  describePolicy,
  errorsForRule,
  formatPeriod,
  keepsForever,
  parseRule,
  proposeRules,
  setAtPath,
  summarizeRule,
} from "./rules";

describe("formatPeriod", () => {
  it.each([
    ["30d", "30 days"],
    ["1d", "1 day"],
    ["2w", "2 weeks"],
    ["12H", "12 hours"],
    ["never", "never"],
    ["0d", "never"],
    [undefined, "never"],
    ["soon", "soon"],
  ])("%s -> %s", (text, words) => {
    expect(formatPeriod(text)).toBe(words);
  });

  it("reads zero durations as keep forever, like the engine", () => {
    expect(keepsForever("0h")).toBe(true);
    expect(keepsForever("0w")).toBe(true);
    expect(keepsForever("10d")).toBe(false);
  });
});

describe("describePolicy", () => {
  it("says the action, period and base", () => {
    expect(describePolicy({ retention: "30d" })).toBe("delete 30 days after last watched or added");
  });

  it("keeps forever whatever the action when the retention is never", () => {
    expect(describePolicy({ retention: "never", action: "unmonitorOnly" })).toBe("keep forever");
  });

  it("says what happens to unwatched items when counting from the last watch", () => {
    expect(describePolicy({ retention: "2w", retentionBase: "lastWatched", unwatchedBehavior: "countFromAdded", action: "unmonitorAndDeleteFiles" }))
      .toBe("unmonitor and delete files 2 weeks after last watched; unwatched: counted from added");
    expect(describePolicy({ retention: "2w", retentionBase: "lastWatched" })).toBe("delete 2 weeks after last watched; unwatched: kept forever");
  });

  it("mentions require watched", () => {
    expect(describePolicy({ retention: "7d", requireWatched: true })).toBe("delete 7 days after last watched or added; only once watched");
  });
});

describe("summarizeRule", () => {
  it("tag rules name their tags and media type", () => {
    expect(summarizeRule({ type: "tag", tags: ["keep"], retention: "never" })).toBe("Tagged keep: keep forever");
    expect(summarizeRule({ type: "tag", tags: ["kids", "family", "4k"], retention: "180d", mediaType: "movie" }))
      .toBe("Tagged kids, family or 4k (movies): delete 180 days after last watched or added");
  });

  it("requester rules name the requesters", () => {
    expect(summarizeRule({ type: "requester", users: ["alice", "bob"], retention: "30d", requireWatched: true }))
      .toBe("Requested by alice or bob: delete 30 days after last watched or added; only once watched");
  });

  it("watched rules count from the last watch by default and default to anyone", () => {
    expect(summarizeRule({ type: "watched", retention: "14d" })).toBe("Watched by anyone: delete 14 days after last watched; unwatched: kept forever");
  });

  it("condition rules spell out their groups", () => {
    const rule = {
      type: "condition",
      mediaType: "movie",
      match: "any",
      groups: [
        { match: "all", conditions: [{ property: "added", operator: "before", value: "365d" }, { property: "watched", operator: "equalTo", value: "false" }] },
        { conditions: [{ property: "tags", operator: "containsAny", values: ["trash", "bad"] }] },
      ],
    };
    expect(summarizeRule(rule)).toBe(
      "Movies where (added before 365d and watched equalTo false) or (tags containsAny [trash, bad]): delete after the grace period",
    );
    expect(summarizeRule({ type: "condition", mediaType: "series", action: "doNothing", groups: [{ conditions: [{ property: "favorite", operator: "equalTo", value: "true", user: "bob" }] }] }))
      .toBe("Series where favorite of bob equalTo true: exempt (do nothing)");
  });

  it("episode rules say what they keep", () => {
    expect(summarizeRule({ type: "episode", tags: ["daily"], keepLatestEpisodes: 10, maxAge: "30d", skipContinuingSeries: true, action: "unmonitorAndDeleteFiles" }))
      .toBe("Episodes of series tagged daily: keep the latest 10 episodes; older than 30 days after added; skip continuing series; otherwise unmonitor and delete files");
  });

  it("does not hide an unknown type", () => {
    expect(summarizeRule({ type: "mystery" })).toBe('Unknown rule type "mystery"');
  });
});

const stored: StoredRule[] = [
  { id: "a", etag: "1", type: "tag", name: "Keep", tags: ["keep"], retention: "never" },
  { id: "b", etag: "2", type: "watched", name: "Watched", retention: "14d" },
];

describe("proposeRules", () => {
  it("replaces the edited rule in place and drops the API's fields", () => {
    const { proposal, index } = proposeRules(stored, "b", { ...stored[1], retention: "7d" });
    expect(index).toBe(1);
    expect(proposal.rules).toEqual([
      { type: "tag", name: "Keep", tags: ["keep"], retention: "never" },
      { type: "watched", name: "Watched", retention: "7d" },
    ]);
  });

  it("appends a new rule at the end", () => {
    const { proposal, index } = proposeRules(stored, null, { type: "requester", users: ["alice"] });
    expect(index).toBe(2);
    expect(proposal.rules?.map((r) => r.type)).toEqual(["tag", "watched", "requester"]);
  });

  it("leaves a deleted rule out", () => {
    const { proposal, index } = proposeRules(stored, "a", null);
    expect(index).toBe(-1);
    expect(proposal.rules?.map((r) => r.name)).toEqual(["Watched"]);
  });
});

describe("errorsForRule", () => {
  const errors = { "rules[1].retention": ["is not a duration"], "rules[0].tags": ["is empty"], "timeline.gracePeriod": ["too long"], "rules[1]": ["bad"] };

  it("moves the edited rule's errors to its own fields", () => {
    expect(errorsForRule(errors, 1, false)).toEqual({ retention: ["is not a duration"], "": ["bad"], "timeline.gracePeriod": ["too long"] });
  });

  it("keeps other rules' errors under their full key when asked", () => {
    expect(errorsForRule(errors, 1)["rules[0].tags"]).toEqual(["is empty"]);
  });

  it("keeps keys that are already relative to the rule", () => {
    expect(errorsForRule({ retention: ["x"] }, 0)).toEqual({ retention: ["x"] });
  });
});

describe("parseRule", () => {
  it("accepts a rule object of a known type", () => {
    expect(parseRule('{"type":"Tag","tags":["x"]}')).toEqual({ value: { type: "Tag", tags: ["x"] } });
  });

  it("names what is wrong", () => {
    expect(parseRule("{")).toHaveProperty("error", expect.stringContaining("Not valid JSON"));
    expect(parseRule("[]")).toEqual({ error: "Must be a JSON object ({ … })." });
    expect(parseRule('{"type":"magic"}')).toEqual({ error: '"type" must be one of: tag, requester, condition, watched, episode.' });
  });
});

describe("setAtPath", () => {
  it("sets nested values without touching the original or its other fields", () => {
    const original = { movies: { retention: "30d", action: "delete" }, version: 1 };
    const changed = setAtPath(original, ["movies", "retention"], "45d");
    expect(changed).toEqual({ movies: { retention: "45d", action: "delete" }, version: 1 });
    expect(original.movies.retention).toBe("30d");
    expect(setAtPath({}, ["timeline", "gracePeriod"], "7d")).toEqual({ timeline: { gracePeriod: "7d" } });
  });
});
