import { isActive, useHealth, useJobs } from "../api/queries";
import { formatUptime, jobKindLabel } from "../lib/format";
import { Link, type Route } from "../router";
import { Spinner } from "./States";

const nav: { label: string; to: Route; pages: Route["page"][] }[] = [
  { label: "Leaving soon", to: { page: "leaving-soon" }, pages: ["leaving-soon", "item"] },
  { label: "Jobs", to: { page: "jobs" }, pages: ["jobs"] },
  { label: "Deletions", to: { page: "deletions", pageNumber: 1 }, pages: ["deletions"] },
  { label: "Rules", to: { page: "rules" }, pages: ["rules"] },
  { label: "Services", to: { page: "services" }, pages: ["services"] },
];

export function Header({ route }: { route: Route }) {
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to={{ page: "leaving-soon" }} className="brand" aria-label="Cleanup home">
          <Logo />
          <span>Cleanup</span>
        </Link>
        <nav className="nav" aria-label="Main">
          {nav.map((item) => (
            <Link
              key={item.label}
              to={item.to}
              className="nav-link"
              aria-current={item.pages.includes(route.page) ? "page" : undefined}
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="header-status">
          <RunningJob />
          <HealthIndicator />
        </div>
      </div>
    </header>
  );
}

function RunningJob() {
  const { data } = useJobs();
  const running = data?.find(isActive);
  if (!running) return null;
  const progress = running.progress && running.progress.total > 0 ? ` ${running.progress.done}/${running.progress.total}` : "";
  return (
    <Link to={{ page: "jobs" }} className="chip chip-info" title={running.progress?.step ?? undefined}>
      <Spinner />
      {jobKindLabel(running.kind)}
      {progress}
    </Link>
  );
}

function HealthIndicator() {
  const { data, error, isPending } = useHealth();

  if (isPending) return <span className="chip">Connecting…</span>;
  if (error || !data)
    return (
      <span className="chip chip-danger" role="status" data-testid="health">
        <span className="dot dot-danger" aria-hidden="true" />
        Server unreachable
      </span>
    );

  const storageTitle = data.storage.reachable ? "Storage reachable" : `Storage unreachable: ${data.storage.error ?? "unknown error"}`;
  return (
    <div className="health" data-testid="health" aria-label="Server health">
      <span className={`chip ${data.mode === "demo" ? "chip-accent" : ""}`} title={`Running in ${data.mode} mode`}>
        {data.mode === "demo" ? "Demo" : "Live"}
      </span>
      {data.dryRun && (
        <span className="chip chip-warning" title="Deletions are simulated">
          Dry run
        </span>
      )}
      <span className={`chip ${data.storage.reachable ? "" : "chip-danger"}`} title={storageTitle}>
        <span className={`dot ${data.storage.reachable ? "dot-success" : "dot-danger"}`} aria-hidden="true" />
        <span className="chip-label">Storage {data.storage.reachable ? "ok" : "unreachable"}</span>
      </span>
      <span
        className={`chip chip-version ${data.status === "ok" ? "" : "chip-warning"}`}
        title={`Status ${data.status}, up ${formatUptime(data.uptimeSeconds)}`}
      >
        v{data.version}
      </span>
    </div>
  );
}

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true">
      <rect x="1" y="1" width="30" height="30" rx="8" className="logo-bg" />
      <path d="M10 11h12M14 11V9.5A1.5 1.5 0 0 1 15.5 8h1A1.5 1.5 0 0 1 18 9.5V11M11.5 11l.9 11.1A2 2 0 0 0 14.4 24h3.2a2 2 0 0 0 2-1.9l.9-11.1" className="logo-fg" />
      <path d="M14.5 15.5v5M17.5 15.5v5" className="logo-fg" />
    </svg>
  );
}
