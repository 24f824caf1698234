import { useSyncExternalStore, type AnchorHTMLAttributes } from "react";

// Hash routes (#/jobs): the server only serves index.html at "/", so every page must live in the fragment.
export type Route =
  | { page: "leaving-soon" }
  | { page: "item"; id: string }
  | { page: "jobs" }
  | { page: "deletions"; pageNumber: number }
  | { page: "services" }
  | { page: "rules" }
  | { page: "not-found"; path: string };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, "") || "/";
  const [path, query = ""] = raw.split("?", 2);
  const segments = path.split("/").filter(Boolean);
  const params = new URLSearchParams(query);

  switch (segments[0]) {
    case undefined:
      return { page: "leaving-soon" };
    case "media":
      if (segments.length === 2) return { page: "item", id: safeDecode(segments[1]) };
      break;
    case "jobs":
      if (segments.length === 1) return { page: "jobs" };
      break;
    case "deletions":
      if (segments.length === 1) {
        const n = Number.parseInt(params.get("page") ?? "1", 10);
        return { page: "deletions", pageNumber: Number.isFinite(n) && n > 0 ? n : 1 };
      }
      break;
    case "services":
      if (segments.length === 1) return { page: "services" };
      break;
    case "rules":
      if (segments.length === 1) return { page: "rules" };
      break;
  }
  return { page: "not-found", path: raw };
}

export function href(route: Route): string {
  switch (route.page) {
    case "leaving-soon":
      return "#/";
    case "item":
      return `#/media/${encodeURIComponent(route.id)}`;
    case "jobs":
      return "#/jobs";
    case "deletions":
      return route.pageNumber > 1 ? `#/deletions?page=${route.pageNumber}` : "#/deletions";
    case "services":
      return "#/services";
    case "rules":
      return "#/rules";
    case "not-found":
      return `#${route.path}`;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

const currentHash = () => window.location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash, () => "");
  return parseRoute(hash);
}

export function navigate(route: Route) {
  window.location.hash = href(route);
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: Route };

export function Link({ to, ...rest }: LinkProps) {
  return <a href={href(to)} {...rest} />;
}
