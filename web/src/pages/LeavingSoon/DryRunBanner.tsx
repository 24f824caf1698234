export function DryRunBanner() {
  return (
    <div className="callout callout-warning" role="note" data-testid="dry-run-banner">
      <div className="callout-title">Dry run: deletions are simulated</div>
      <p className="callout-body">
        Cleanup records what it would delete in the deletions log but removes nothing from Radarr, Sonarr or disk. Turn
        dry run off in the server settings when the list looks right.
      </p>
    </div>
  );
}
