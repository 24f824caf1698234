import { useServices, useTestService } from "../../api/queries";
import type { ServiceStatus } from "../../api/types";
import { ErrorState } from "../../components/ErrorState";
import { Badge, EmptyState, Loading, PageHeader } from "../../components/States";

export function ServicesPage() {
  const { data, error, isPending } = useServices();
  const test = useTestService();

  return (
    <>
      <PageHeader title="Services" subtitle="The media services Cleanup reads from and deletes through." />
      {isPending && <Loading label="Checking services…" />}
      {error && <ErrorState error={error} />}
      {data && data.length === 0 && (
        <EmptyState title="No services configured">
          <p>Add Radarr, Sonarr, your media server and request/watch-history services in the server settings.</p>
        </EmptyState>
      )}
      {data && data.length > 0 && (
        <ul className="service-grid" aria-label="Services">
          {data.map((service) => (
            <ServiceCard
              key={service.name}
              service={service}
              testing={test.isPending && test.variables === service.name}
              error={!test.isPending && test.variables === service.name ? test.error : null}
              onTest={() => test.mutate(service.name)}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function ServiceCard({ service: s, testing, error, onTest }: { service: ServiceStatus; testing: boolean; error: unknown; onTest: () => void }) {
  return (
    <li className="card service" data-testid="service-card">
      <div className="service-head">
        <span className={`dot dot-large ${s.reachable ? "dot-success" : "dot-danger"}`} aria-hidden="true" />
        <div className="service-names">
          <span className="service-name">{s.name}</span>
          {s.kind.toLowerCase() !== s.name.toLowerCase() && <span className="muted">{s.kind}</span>}
        </div>
        <Badge tone={s.reachable ? "success" : "danger"}>{s.reachable ? "Reachable" : "Unreachable"}</Badge>
      </div>
      <dl className="facts facts-compact">
        <dt>URL</dt>
        <dd>
          <code className="url">{s.url}</code>
        </dd>
        <dt>Version</dt>
        <dd>{s.version ?? "—"}</dd>
        <dt>Latency</dt>
        <dd>{s.latencyMs != null ? `${Math.round(s.latencyMs)} ms` : "—"}</dd>
      </dl>
      {s.error && <p className="service-error">{s.error}</p>}
      {error ? <ErrorState error={error} /> : null}
      <div className="service-actions">
        <button className="button button-small" onClick={onTest} disabled={testing} aria-label={`Test ${s.name}`}>
          {testing ? "Testing…" : "Test"}
        </button>
      </div>
    </li>
  );
}
