import type { ReactNode } from "react";
import { ApiError } from "../api/client";

/** Shows what went wrong in the server's own words (ProblemDetails title, detail and validation errors). */
export function ErrorState({ error, action }: { error: unknown; action?: ReactNode }) {
  const problem = error instanceof ApiError ? error.problem : undefined;
  const status = error instanceof ApiError && error.status > 0 ? error.status : undefined;
  const title = problem?.title ?? "Something went wrong";
  const detail = problem?.detail ?? (error instanceof Error && !problem ? error.message : undefined);
  const fieldErrors = Object.entries(problem?.errors ?? {});

  return (
    <div className="callout callout-error" role="alert" data-testid="error-state">
      <div className="callout-title">
        {title}
        {status !== undefined && <span className="muted"> (HTTP {status})</span>}
      </div>
      {detail && <p className="callout-body">{detail}</p>}
      {fieldErrors.length > 0 && (
        <ul className="callout-list">
          {fieldErrors.map(([field, messages]) => (
            <li key={field}>
              <code>{field}</code>: {messages.join(" ")}
            </li>
          ))}
        </ul>
      )}
      {action && <div className="callout-actions">{action}</div>}
    </div>
  );
}
