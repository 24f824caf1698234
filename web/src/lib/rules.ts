import type { Condition, RetentionPolicy, RuleBody, RuleProposal, RuleSettingsBody, StoredRule, StoredRuleSettings } from "../api/types";

// Rules in words, and the small transformations the Rules page needs between what GET returns and what PUT/POST take.

const units: Record<string, [string, string]> = { h: ["hour", "hours"], d: ["day", "days"], w: ["week", "weeks"] };

/** "30d" -> "30 days", "1w" -> "1 week", "never"/"0d" -> "never"; text it cannot read is returned as written. */
export function formatPeriod(period: string | null | undefined): string {
  const text = (period ?? "never").trim().toLowerCase();
  if (keepsForever(text)) return "never";
  const match = /^(\d+)\s*([hdw])$/.exec(text);
  if (!match) return period ?? "never";
  const n = Number(match[1]);
  const [one, many] = units[match[2]];
  return `${n} ${n === 1 ? one : many}`;
}

/** Retention `never` and any zero duration keep forever (the engine reads 0d as "never due"). */
export function keepsForever(period: string | null | undefined): boolean {
  const text = (period ?? "never").trim().toLowerCase();
  return text === "never" || text === "" || /^0+\s*[hdw]$/.test(text);
}

const actions: Record<string, string> = {
  delete: "delete",
  unmonitorAndDeleteFiles: "unmonitor and delete files",
  unmonitorOnly: "unmonitor",
  doNothing: "do nothing",
};

export function actionLabel(action: string | null | undefined): string {
  return actions[action ?? "delete"] ?? action ?? "delete";
}

const bases: Record<string, string> = {
  lastWatchedOrAdded: "last watched or added",
  lastWatched: "last watched",
  added: "added",
};

export function baseLabel(base: string | null | undefined): string {
  return bases[base ?? "lastWatchedOrAdded"] ?? base ?? "last watched or added";
}

const typeLabels: Record<string, string> = {
  tag: "Tag",
  requester: "Requester",
  watched: "Watched",
  condition: "Condition",
  episode: "Episode",
};

export function ruleTypeLabel(type: string): string {
  return typeLabels[type] ?? type;
}

/** The order the engine tries rule kinds in (episode rules are a separate pass for episodes). */
export const ruleKindOrder = ["tag", "requester", "condition", "watched", "episode"] as const;

/**
 * What a retention policy does, in words: "delete 30 days after last watched or added", "keep forever",
 * "unmonitor 2 weeks after last watched; unwatched kept forever; only once watched".
 */
export function describePolicy(policy: RetentionPolicy, defaultBase = "lastWatchedOrAdded"): string {
  if (keepsForever(policy.retention)) return "keep forever";
  if (policy.action === "doNothing") return "do nothing (exempt)";
  const base = policy.retentionBase ?? defaultBase;
  const parts = [`${actionLabel(policy.action)} ${formatPeriod(policy.retention)} after ${baseLabel(base)}`];
  if (base === "lastWatched" && !policy.requireWatched) {
    parts.push(policy.unwatchedBehavior === "countFromAdded" ? "unwatched: counted from added" : "unwatched: kept forever");
  }
  if (policy.requireWatched) parts.push("only once watched");
  return parts.join("; ");
}

function list(values: readonly string[] | null | undefined, joiner = "or"): string {
  const v = (values ?? []).filter((x) => x.trim() !== "");
  if (v.length <= 1) return v[0] ?? "";
  return `${v.slice(0, -1).join(", ")} ${joiner} ${v[v.length - 1]}`;
}

const mediaPlural: Record<string, string> = { movie: "movies", series: "series", season: "seasons", episode: "episodes" };

function mediaScope(mediaType: string | null | undefined): string {
  return mediaType ? ` (${mediaPlural[mediaType] ?? mediaType})` : "";
}

function describeCondition(c: Condition): string {
  const value = c.values && c.values.length > 0 ? `[${c.values.join(", ")}]` : (c.value ?? "");
  const who = c.user ? ` of ${c.user}` : "";
  return `${c.property}${who} ${c.operator} ${value}`.trim();
}

/** What a condition rule matches: "lastWatched before 90d and tags contains kids" (groups in parentheses when several). */
export function describeConditions(rule: RuleBody): string {
  const groups = (rule.groups ?? []).filter((g) => (g.conditions ?? []).length > 0);
  if (groups.length === 0) return "no conditions";
  const texts = groups.map((g) => (g.conditions ?? []).map(describeCondition).join(g.match === "any" ? " or " : " and "));
  if (texts.length === 1) return texts[0];
  return texts.map((t) => `(${t})`).join(rule.match === "any" ? " or " : " and ");
}

/** One line saying what a rule matches and what it does with it. */
export function summarizeRule(rule: RuleBody): string {
  const defaultBase = rule.type === "watched" ? "lastWatched" : "lastWatchedOrAdded";
  switch (rule.type) {
    case "tag":
      return `Tagged ${list(rule.tags) || "(no tags)"}${mediaScope(rule.mediaType)}: ${describePolicy(rule, defaultBase)}`;
    case "requester":
      return `Requested by ${list(rule.users) || "(no users)"}${mediaScope(rule.mediaType)}: ${describePolicy(rule, defaultBase)}`;
    case "watched":
      return `Watched by ${list(rule.users) || "anyone"}${mediaScope(rule.mediaType)}: ${describePolicy(rule, defaultBase)}`;
    case "condition": {
      const what = mediaPlural[rule.mediaType ?? "movie"] ?? rule.mediaType;
      const does = rule.action === "doNothing" ? "exempt (do nothing)" : `${actionLabel(rule.action)} after the grace period`;
      return `${capitalize(what ?? "items")} where ${describeConditions(rule)}: ${does}`;
    }
    case "episode": {
      const scope = rule.tags && rule.tags.length > 0 ? `series tagged ${list(rule.tags)}` : "every series";
      const kept: string[] = [];
      if (rule.keepLatestEpisodes != null) kept.push(`latest ${rule.keepLatestEpisodes} episodes`);
      if (rule.keepLatestSeasons != null) kept.push(`latest ${rule.keepLatestSeasons} seasons`);
      const parts = [kept.length > 0 ? `keep the ${kept.join(" and ")}` : "keep every episode's place"];
      if (!keepsForever(rule.maxAge)) parts.push(`older than ${formatPeriod(rule.maxAge)} after ${baseLabel(rule.retentionBase ?? "added")}`);
      if (rule.requireWatched) parts.push("only once watched");
      if (rule.skipContinuingSeries) parts.push("skip continuing series");
      return `Episodes of ${scope}: ${parts.join("; ")}; otherwise ${actionLabel(rule.action)}`;
    }
    default:
      return `Unknown rule type "${rule.type}"`;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A rule's body without the fields the API adds (id, etag): what POST, PUT and a preview take. */
export function ruleBody(rule: StoredRule | RuleBody): RuleBody {
  const { id: _id, etag: _etag, ...body } = rule as StoredRule;
  return body;
}

export function settingsBody(settings: StoredRuleSettings): RuleSettingsBody {
  const { etag: _etag, ...body } = settings;
  return body;
}

/**
 * The rule set a preview should evaluate: the stored rules in their order, with the edited one replaced (`editedId`),
 * or appended when it is new (`editedId` null), or left out (`remove`). Returns the proposal and the edited rule's index
 * in it, so that errors keyed `rules[i].…` can be shown next to the editor.
 */
export function proposeRules(
  stored: readonly StoredRule[],
  editedId: string | null,
  edited: RuleBody | null,
): { proposal: RuleProposal; index: number } {
  const rules = stored.map(ruleBody);
  let index = -1;
  if (editedId === null) {
    if (edited) {
      rules.push(ruleBody(edited));
      index = rules.length - 1;
    }
  } else {
    index = stored.findIndex((r) => r.id === editedId);
    if (index >= 0) {
      if (edited) rules[index] = ruleBody(edited);
      else {
        rules.splice(index, 1);
        index = -1;
      }
    }
  }
  return { proposal: { rules }, index };
}

/**
 * Validation errors that belong to one rule: `rules[2].retention` becomes `retention` for index 2; keys already
 * relative to the rule (from PUT/POST) are kept. Errors about other rules are dropped, or kept under their own key
 * when `keepOthers` (so that a preview failing on another stored rule still says why).
 */
export function errorsForRule(
  errors: Record<string, string[]> | undefined,
  index: number,
  keepOthers = true,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const match = /^rules\[(\d+)\]\.?(.*)$/.exec(key);
    let field: string;
    if (!match) field = key;
    else if (Number(match[1]) === index) field = match[2];
    else if (keepOthers) field = key;
    else continue;
    result[field] = [...(result[field] ?? []), ...messages];
  }
  return result;
}

/** Parses the editor's text: a JSON object, or the reason it is not one. */
export function parseJsonObject(text: string): { value: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { error: "Must be a JSON object ({ … })." };
  return { value: value as Record<string, unknown> };
}

/** Checks a rule's JSON before it is sent: an object whose `type` is a known rule type. */
export function parseRule(text: string): { value: RuleBody } | { error: string } {
  const parsed = parseJsonObject(text);
  if ("error" in parsed) return parsed;
  const type = parsed.value.type;
  if (typeof type !== "string" || !(ruleKindOrder as readonly string[]).includes(type.toLowerCase())) {
    return { error: `"type" must be one of: ${ruleKindOrder.join(", ")}.` };
  }
  return { value: parsed.value as RuleBody };
}

/** Starting points for a new rule of each type. */
export function newRuleTemplate(type: string): RuleBody {
  switch (type) {
    case "requester":
      return { type, name: "Requested by", users: [], retention: "30d", requireWatched: true, action: "delete" };
    case "watched":
      return { type, name: "Watched", users: [], retention: "30d", retentionBase: "lastWatched", action: "delete" };
    case "condition":
      return {
        type,
        name: "Old and unwatched",
        mediaType: "movie",
        action: "delete",
        match: "all",
        groups: [{ match: "all", conditions: [{ property: "added", operator: "before", value: "365d" }, { property: "watched", operator: "equalTo", value: "false" }] }],
      };
    case "episode":
      return { type, name: "Latest episodes", tags: [], keepLatestEpisodes: 10, maxAge: "never", skipContinuingSeries: false, action: "delete" };
    default:
      return { type: "tag", name: "Tag", tags: [], retention: "never", action: "delete" };
  }
}

/** Returns a copy of `obj` with the value at `path` set (objects on the way are created). */
export function setAtPath<T extends Record<string, unknown>>(obj: T, path: readonly string[], value: unknown): T {
  if (path.length === 0) return obj;
  const [head, ...rest] = path;
  const child = obj[head];
  const next =
    rest.length === 0
      ? value
      : setAtPath(child !== null && typeof child === "object" && !Array.isArray(child) ? (child as Record<string, unknown>) : {}, rest, value);
  return { ...obj, [head]: next };
}

export function getAtPath(obj: unknown, path: readonly string[]): unknown {
  let current = obj;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
