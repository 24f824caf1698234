import { useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { ApiError } from "../../api/client";
import { ErrorState } from "../../components/ErrorState";
import { getAtPath, parseJsonObject, setAtPath } from "../../lib/rules";

/** A form field bound to one place in the JSON (`path`); its server errors are keyed by `path.join(".")`. */
export interface FieldSpec {
  path: string[];
  label: string;
  kind?: "text" | "checkbox";
  placeholder?: string;
  hint?: string;
}

interface Props {
  title: string;
  initial: object;
  /** The plain fields, from the current JSON (null while it does not parse). */
  fields: FieldSpec[] | ((value: Record<string, unknown> | null) => FieldSpec[]);
  /** Client-side check before anything is sent; returns the body or why it cannot be sent. */
  validate: (text: string) => { value: object } | { error: string };
  saveLabel: string;
  saving: boolean;
  /** The save's failure (ApiError: 400 ValidationProblem, 412, …). */
  saveError: unknown;
  /** Server field errors to show next to the fields, keyed like the fields' paths. */
  fieldErrors: Record<string, string[]>;
  onSave: (value: object) => void;
  onPreview: (value: object) => void;
  previewing: boolean;
  onCancel: () => void;
  /** Reloads the stored version after a 412 (the edits are dropped). */
  onReload: () => void;
  children?: ReactNode;
}

/**
 * Edits a JSON body as text, with a few plain fields kept in step with it. The text is the truth: fields read from
 * it and write into it, so that fields the form does not know (conditions, future options) survive an edit.
 */
export function JsonEditor(props: Props) {
  const { title, initial, validate, saving, saveError, fieldErrors, previewing } = props;
  const [text, setText] = useState(() => JSON.stringify(initial, null, 2));
  const [localError, setLocalError] = useState<string | null>(null);
  // The text last previewed: once edited further, the preview shown no longer describes it.
  const [previewedText, setPreviewedText] = useState<string | null>(null);
  const previewStale = previewedText !== null && previewedText !== text;
  const ids = { title: useId(), json: useId(), base: useId() };
  const parsed = useMemo(() => parseJsonObject(text), [text]);
  const value = "value" in parsed ? parsed.value : null;
  const fields = typeof props.fields === "function" ? props.fields(value) : props.fields;

  function setField(path: string[], fieldValue: unknown) {
    if (!value) return;
    setText(JSON.stringify(setAtPath(value, path, fieldValue), null, 2));
    setLocalError(null);
  }

  function checked(then: (body: object) => void) {
    const result = validate(text);
    if ("error" in result) {
      setLocalError(result.error);
      return;
    }
    setLocalError(null);
    then(result.value);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    checked(props.onSave);
  }

  const fieldKeys = new Set(fields.map((f) => f.path.join(".")));
  const conflict = saveError instanceof ApiError && saveError.isPreconditionFailed;
  // Errors the fields do not show go with the JSON text.
  const otherErrors = Object.entries(fieldErrors).filter(([key]) => !fieldKeys.has(key));
  const jsonErrorId = `${ids.json}-error`;

  return (
    <form className="editor" onSubmit={submit} aria-labelledby={ids.title} noValidate>
      <h3 id={ids.title} className="editor-title">
        {title}
      </h3>
      {fields.length > 0 && (
        <div className="editor-fields">
          {fields.map((field) => {
            const key = field.path.join(".");
            const id = `${ids.base}-${key}`;
            const errors = fieldErrors[key];
            const current = value ? getAtPath(value, field.path) : undefined;
            const describedBy = [errors ? `${id}-error` : null, field.hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
            if (field.kind === "checkbox") {
              return (
                <div key={key} className="editor-field editor-check">
                  <label htmlFor={id}>
                    <input
                      id={id}
                      type="checkbox"
                      checked={current !== false}
                      disabled={!value}
                      aria-invalid={errors ? true : undefined}
                      aria-describedby={describedBy}
                      onChange={(e) => setField(field.path, e.target.checked)}
                    />{" "}
                    {field.label}
                  </label>
                  {errors && <FieldError id={`${id}-error`} messages={errors} />}
                </div>
              );
            }
            return (
              <div key={key} className="editor-field">
                <label htmlFor={id} className="field-label">
                  {field.label}
                </label>
                <input
                  id={id}
                  className="input"
                  value={typeof current === "string" || typeof current === "number" ? String(current) : ""}
                  placeholder={field.placeholder}
                  disabled={!value}
                  aria-invalid={errors ? true : undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => setField(field.path, e.target.value)}
                />
                {field.hint && (
                  <p id={`${id}-hint`} className="field-hint">
                    {field.hint}
                  </p>
                )}
                {errors && <FieldError id={`${id}-error`} messages={errors} />}
              </div>
            );
          })}
        </div>
      )}

      <label htmlFor={ids.json} className="field-label">
        JSON
      </label>
      <textarea
        id={ids.json}
        className="input json-input"
        spellCheck={false}
        rows={Math.min(24, Math.max(8, text.split("\n").length + 1))}
        value={text}
        aria-invalid={"error" in parsed || otherErrors.length > 0 ? true : undefined}
        aria-describedby={"error" in parsed || localError || otherErrors.length > 0 ? jsonErrorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setLocalError(null);
        }}
      />
      <div id={jsonErrorId} aria-live="polite">
        {"error" in parsed ? (
          <FieldError messages={[parsed.error]} />
        ) : localError ? (
          <FieldError messages={[localError]} />
        ) : null}
        {otherErrors.length > 0 && (
          <ul className="field-error field-error-list">
            {otherErrors.map(([key, messages]) => (
              <li key={key}>
                {key ? <code>{key}</code> : "The body"}: {messages.join(" ")}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div aria-live="polite">
        {conflict ? (
          <div className="callout callout-warning" role="alert" data-testid="rule-conflict">
            <div className="callout-title">Changed by someone else</div>
            <p className="callout-body">
              This was changed since you opened it. Reload to see the current version (your edits here will be replaced;
              copy them first if you need them).
            </p>
            <div className="callout-actions">
              <button type="button" className="button button-small" onClick={props.onReload}>
                Reload
              </button>
            </div>
          </div>
        ) : saveError && !(saveError instanceof ApiError && saveError.status === 400 && saveError.problem.errors) ? (
          <ErrorState error={saveError} />
        ) : saveError instanceof ApiError && saveError.status === 400 ? (
          <p className="field-error" role="alert">
            {saveError.problem.title ?? "Not saved"}: see the messages next to the fields.
          </p>
        ) : null}
      </div>

      {previewStale && <p className="field-hint">Edited since this preview; preview again to see what the change does now.</p>}
      <div className={previewStale ? "stale" : undefined}>{props.children}</div>

      <div className="editor-actions">
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className="button" disabled={!value || previewing} onClick={() => checked((body) => { setPreviewedText(text); props.onPreview(body); })}>
          {previewing ? "Previewing…" : "Preview"}
        </button>
        <button type="submit" className="button button-primary" disabled={!value || saving}>
          {saving ? "Saving…" : props.saveLabel}
        </button>
      </div>
    </form>
  );
}

function FieldError({ id, messages }: { id?: string; messages: string[] }) {
  return (
    <p id={id} className="field-error">
      {messages.join(" ")}
    </p>
  );
}
