import { describe, expect, it } from "vitest";
import { href, parseRoute, type Route } from "./router";

describe("hash routes", () => {
  it.each<[string, Route]>([
    ["", { page: "leaving-soon" }],
    ["#/", { page: "leaving-soon" }],
    ["#/jobs", { page: "jobs" }],
    ["#/services", { page: "services" }],
    ["#/rules", { page: "rules" }],
    ["#/rules/x", { page: "not-found", path: "/rules/x" }],
    ["#/deletions", { page: "deletions", pageNumber: 1 }],
    ["#/deletions?page=3", { page: "deletions", pageNumber: 3 }],
    ["#/deletions?page=-2", { page: "deletions", pageNumber: 1 }],
    ["#/nope", { page: "not-found", path: "/nope" }],
  ])("%s", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it("round-trips media ids that contain reserved characters", () => {
    const id = "series:tvdb:81189/season 2?x#y";
    const link = href({ page: "item", id });
    expect(link).toBe("#/media/series%3Atvdb%3A81189%2Fseason%202%3Fx%23y");
    expect(parseRoute(link)).toEqual({ page: "item", id });
  });
});
