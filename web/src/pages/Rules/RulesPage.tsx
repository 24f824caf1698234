import { useState } from "react";
import { ApiError } from "../../api/client";
import { usePreviewRules, useRuleMutations, useRules } from "../../api/queries";
import type { RetentionPolicy, RuleBody, RuleSettingsBody, StoredRule, StoredRuleSettings } from "../../api/types";
import { ErrorState } from "../../components/ErrorState";
import { Badge, EmptyState, Loading, PageHeader } from "../../components/States";
import {
  describePolicy,
  errorsForRule,
  formatPeriod,
  keepsForever,
  newRuleTemplate,
  parseJsonObject,
  parseRule,
  proposeRules,
  ruleBody,
  ruleKindOrder,
  ruleTypeLabel,
  settingsBody,
  summarizeRule,
} from "../../lib/rules";
import { JsonEditor, type FieldSpec } from "./JsonEditor";
import { PreviewPanel } from "./PreviewPanel";

// What is open: one editor at a time. A stored rule is a snapshot taken when it was opened, so that its etag is the
// one the owner's edits are based on (a 412 then means someone changed it in between).
type Editing = { kind: "rule"; rule: StoredRule } | { kind: "new"; type: string } | { kind: "settings"; settings: StoredRuleSettings } | null;

export function RulesPage() {
  const { data, error, isPending, refetch } = useRules();
  const [editing, setEditing] = useState<Editing>(null);
  const [newType, setNewType] = useState<string>("tag");
  const [notice, setNotice] = useState<string | null>(null);

  async function reload() {
    const fresh = (await refetch()).data;
    setEditing((current) => {
      if (!current || !fresh) return current;
      if (current.kind === "settings") return { kind: "settings", settings: fresh.settings };
      if (current.kind === "rule") {
        const rule = fresh.rules.find((r) => r.id === current.rule.id);
        if (!rule) setNotice(`Rule “${current.rule.name || current.rule.id}” was deleted by someone else.`);
        return rule ? { kind: "rule", rule } : null;
      }
      return current;
    });
  }

  function done(message: string) {
    setEditing(null);
    setNotice(message);
  }

  return (
    <>
      <PageHeader
        title="Rules"
        subtitle="What Cleanup keeps and for how long. Changes apply from the next sync; preview a change against the last synced library before you save it."
        actions={
          data &&
          editing?.kind !== "new" && (
            <div className="add-rule">
              <label htmlFor="new-rule-type" className="visually-hidden">
                Type of the new rule
              </label>
              <select id="new-rule-type" className="input" value={newType} onChange={(e) => setNewType(e.target.value)}>
                {ruleKindOrder.map((type) => (
                  <option key={type} value={type}>
                    {ruleTypeLabel(type)} rule
                  </option>
                ))}
              </select>
              <button
                className="button button-primary"
                onClick={() => {
                  setNotice(null);
                  setEditing({ kind: "new", type: newType });
                }}
              >
                Add rule
              </button>
            </div>
          )
        }
      />

      <div aria-live="polite">
        {notice && (
          <div className="callout callout-info" role="status">
            <p className="callout-body">{notice}</p>
          </div>
        )}
      </div>

      {isPending && <Loading label="Loading rules…" />}
      {error && <ErrorState error={error} />}
      {data && (
        <>
          <section aria-labelledby="settings-heading" className="rules-section">
            <div className="section-head">
              <h2 id="settings-heading" className="section-title">
                Defaults, timeline and protections
              </h2>
              {editing?.kind !== "settings" && (
                <button className="button button-small" onClick={() => { setNotice(null); setEditing({ kind: "settings", settings: data.settings }); }}>
                  Edit settings
                </button>
              )}
            </div>
            {editing?.kind === "settings" ? (
              <div className="card editor-card">
                <SettingsEditor
                  key={editing.settings.etag ?? "unsaved"}
                  settings={editing.settings}
                  onCancel={() => setEditing(null)}
                  onReload={reload}
                  onSaved={() => done("Settings saved. They apply from the next sync.")}
                />
              </div>
            ) : (
              <SettingsSummary settings={data.settings} />
            )}
          </section>

          <section aria-labelledby="rules-heading" className="rules-section">
            <div className="section-head">
              <h2 id="rules-heading" className="section-title">
                Rules <span className="muted">({data.rules.length})</span>
              </h2>
            </div>
            <p className="muted rules-order">
              Tried by kind: tag, then requester, condition and watched rules, then the default for movies or series;
              within a kind, top to bottom, the first match decides. Episode rules decide episodes. Protections always win.
            </p>

            {editing?.kind === "new" && (
              <div className="card editor-card">
                <RuleEditor
                  key={`new-${editing.type}`}
                  stored={data.rules}
                  rule={null}
                  initial={newRuleTemplate(editing.type)}
                  onCancel={() => setEditing(null)}
                  onReload={reload}
                  onSaved={(saved) => done(`Rule “${saved.name || saved.id}” added. It applies from the next sync.`)}
                />
              </div>
            )}

            {data.rules.length === 0 && editing?.kind !== "new" ? (
              <EmptyState title="No rules yet">
                <p>Only the defaults above apply. Add a rule to keep tagged or requested items longer, or clean up sooner.</p>
              </EmptyState>
            ) : (
              <ol className="rule-list" aria-label="Rules">
                {data.rules.map((rule, index) => (
                  <RuleCard
                    key={rule.id}
                    rule={rule}
                    position={index + 1}
                    stored={data.rules}
                    editing={editing?.kind === "rule" && editing.rule.id === rule.id ? editing.rule : null}
                    onEdit={() => { setNotice(null); setEditing({ kind: "rule", rule }); }}
                    onCancel={() => setEditing(null)}
                    onReload={reload}
                    onSaved={(saved) => done(`Rule “${saved.name || saved.id}” saved. It applies from the next sync.`)}
                    onDeleted={() => done(`Rule “${rule.name || rule.id}” deleted.`)}
                  />
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </>
  );
}

function RuleCard(props: {
  rule: StoredRule;
  position: number;
  stored: StoredRule[];
  editing: StoredRule | null;
  onEdit: () => void;
  onCancel: () => void;
  onReload: () => void;
  onSaved: (rule: StoredRule) => void;
  onDeleted: () => void;
}) {
  const { rule, editing } = props;
  const { remove } = useRuleMutations();
  const [confirming, setConfirming] = useState(false);
  const disabled = rule.enabled === false;
  const deleteConflict = remove.error instanceof ApiError && remove.error.isPreconditionFailed;

  return (
    <li className={`card rule ${disabled ? "rule-disabled" : ""}`} data-testid="rule-card">
      <div className="rule-head">
        <span className="rule-position" aria-label={`Position ${props.position}`}>
          {props.position}
        </span>
        <div className="rule-names">
          <span className="rule-name">{rule.name || <span className="muted">(unnamed)</span>}</span>
          <div className="badges">
            <Badge tone="accent">{ruleTypeLabel(rule.type)}</Badge>
            {disabled && <Badge tone="warning">Disabled</Badge>}
            {"action" in rule && rule.action && rule.action !== "delete" && <Badge tone="info">{rule.action}</Badge>}
          </div>
        </div>
        {!editing && !confirming && (
          <div className="rule-actions">
            <button className="button button-small" onClick={props.onEdit} aria-label={`Edit rule ${rule.name || rule.id}`}>
              Edit
            </button>
            <button
              className="button button-small button-danger"
              onClick={() => { remove.reset(); setConfirming(true); }}
              aria-label={`Delete rule ${rule.name || rule.id}`}
            >
              Delete
            </button>
          </div>
        )}
      </div>
      <p className="rule-summary">{summarizeRule(rule)}</p>

      {confirming && (
        <div className="callout callout-warning rule-confirm" role="alert">
          <div className="callout-title">Delete “{rule.name || rule.id}”?</div>
          <p className="callout-body">Items it decided fall to the next rule or the default from the next sync.</p>
          {deleteConflict ? (
            <p className="callout-body">
              <strong>Changed by someone else</strong>: reload to see the current version before deleting it.
            </p>
          ) : remove.error ? (
            <ErrorState error={remove.error} />
          ) : null}
          <div className="callout-actions rule-actions">
            <button className="button button-small" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            {deleteConflict ? (
              <button className="button button-small" onClick={() => { remove.reset(); props.onReload(); }}>
                Reload
              </button>
            ) : (
              <button
                className="button button-small button-danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ id: rule.id, etag: rule.etag }, { onSuccess: props.onDeleted })}
              >
                {remove.isPending ? "Deleting…" : "Delete rule"}
              </button>
            )}
          </div>
        </div>
      )}

      {editing && (
        <div className="rule-editor">
          <RuleEditor
            key={editing.etag}
            stored={props.stored}
            rule={editing}
            initial={ruleBody(editing)}
            onCancel={props.onCancel}
            onReload={props.onReload}
            onSaved={props.onSaved}
          />
        </div>
      )}
    </li>
  );
}

function ruleFields(type: string): FieldSpec[] {
  const fields: FieldSpec[] = [{ path: ["name"], label: "Name" }];
  if (type === "tag" || type === "requester" || type === "watched") {
    fields.push({ path: ["retention"], label: "Retention", placeholder: "30d", hint: "e.g. 30d, 12h, 2w; never (or 0d) keeps forever" });
  }
  if (type === "episode") {
    fields.push({ path: ["maxAge"], label: "Max age", placeholder: "never", hint: "Episodes older than this go; never for no limit" });
  }
  fields.push({ path: ["enabled"], label: "Enabled", kind: "checkbox" });
  return fields;
}

/** Edits one rule (or a new one, `rule` null): save with its etag, preview it within the stored rules. */
function RuleEditor(props: {
  stored: StoredRule[];
  rule: StoredRule | null;
  initial: RuleBody;
  onCancel: () => void;
  onReload: () => void;
  onSaved: (rule: StoredRule) => void;
}) {
  const { rule, stored } = props;
  const { add, replace } = useRuleMutations();
  const preview = usePreviewRules();
  const save = rule ? replace : add;
  const [previewIndex, setPreviewIndex] = useState(-1);
  const type = String(props.initial.type);

  // The latest failure decides what is shown by the fields: a save's errors are keyed within the rule, a preview's by
  // its place in the proposed rule set.
  const saveErrors = save.error instanceof ApiError ? save.error.problem.errors : undefined;
  const previewErrors = preview.error instanceof ApiError ? errorsForRule(preview.error.problem.errors, previewIndex) : {};
  const fieldErrors = saveErrors ?? previewErrors;

  return (
    <JsonEditor
      title={rule ? `Edit rule “${rule.name || rule.id}”` : `New ${ruleTypeLabel(type).toLowerCase()} rule`}
      initial={props.initial}
      fields={(value) => ruleFields(String(value?.type ?? type).toLowerCase())}
      validate={parseRule}
      saveLabel={rule ? "Save rule" : "Add rule"}
      saving={save.isPending}
      saveError={save.error}
      fieldErrors={fieldErrors}
      previewing={preview.isPending}
      onCancel={props.onCancel}
      onReload={() => {
        save.reset();
        props.onReload();
      }}
      onSave={(body) => {
        preview.reset();
        const onSuccess = (saved: StoredRule) => props.onSaved(saved);
        if (rule) replace.mutate({ id: rule.id, etag: rule.etag, body: body as RuleBody }, { onSuccess });
        else add.mutate(body as RuleBody, { onSuccess });
      }}
      onPreview={(body) => {
        save.reset();
        const { proposal, index } = proposeRules(stored, rule?.id ?? null, body as RuleBody);
        setPreviewIndex(index);
        preview.mutate(proposal);
      }}
    >
      <PreviewPanel data={preview.data} error={preview.error} pending={preview.isPending} />
    </JsonEditor>
  );
}

const settingsFields: FieldSpec[] = [
  { path: ["movies", "retention"], label: "Movies: retention", placeholder: "30d" },
  { path: ["series", "retention"], label: "Series: retention", placeholder: "90d" },
  { path: ["timeline", "leavingSoonWindow"], label: "Leaving-soon window", placeholder: "14d", hint: "Shown as leaving soon once due within this" },
  { path: ["timeline", "gracePeriod"], label: "Grace period", placeholder: "14d", hint: "Shown at least this long before deletion" },
];

function SettingsEditor(props: { settings: StoredRuleSettings; onCancel: () => void; onReload: () => void; onSaved: () => void }) {
  const { settings } = useRuleMutations();
  const preview = usePreviewRules();
  const saveErrors = settings.error instanceof ApiError ? settings.error.problem.errors : undefined;
  const previewErrors = preview.error instanceof ApiError ? preview.error.problem.errors : undefined;

  return (
    <JsonEditor
      title="Edit settings"
      initial={settingsBody(props.settings)}
      fields={settingsFields}
      validate={(text) => {
        const parsed = parseJsonObject(text);
        if ("value" in parsed && "rules" in parsed.value) return { error: "Rules are not settings: edit them one by one below." };
        return parsed;
      }}
      saveLabel="Save settings"
      saving={settings.isPending}
      saveError={settings.error}
      fieldErrors={saveErrors ?? previewErrors ?? {}}
      previewing={preview.isPending}
      onCancel={props.onCancel}
      onReload={() => {
        settings.reset();
        props.onReload();
      }}
      onSave={(body) => {
        preview.reset();
        settings.mutate({ etag: props.settings.etag, body: body as RuleSettingsBody }, { onSuccess: props.onSaved });
      }}
      onPreview={(body) => {
        settings.reset();
        preview.mutate(body as RuleSettingsBody);
      }}
    >
      <PreviewPanel data={preview.data} error={preview.error} pending={preview.isPending} />
    </JsonEditor>
  );
}

function SettingsSummary({ settings }: { settings: StoredRuleSettings }) {
  const p = settings.protections ?? {};
  const favorites = p.favoritesOf ?? [];
  return (
    <div className="detail-grid rules-settings">
      <div className="card">
        <h3 className="card-title">Defaults</h3>
        <dl className="facts">
          <dt>Movies</dt>
          <dd>{policyText(settings.movies)}</dd>
          <dt>Series</dt>
          <dd>{policyText(settings.series)}</dd>
        </dl>
      </div>
      <div className="card">
        <h3 className="card-title">Timeline</h3>
        <dl className="facts">
          <dt>Leaving soon</dt>
          <dd>when due within {formatPeriod(settings.timeline?.leavingSoonWindow ?? "14d")}</dd>
          <dt>Grace period</dt>
          <dd>shown at least {formatPeriod(settings.timeline?.gracePeriod ?? "14d")} before deletion</dd>
          <dt>Disk space</dt>
          <dd>
            {settings.diskSpace?.enabled
              ? `only while less than ${settings.diskSpace.minimumFreeGb ?? 100} GB is free`
              : "off: everything due is deleted"}
          </dd>
        </dl>
      </div>
      <div className="card">
        <h3 className="card-title">Protections</h3>
        <dl className="facts">
          <dt>Favorites of</dt>
          <dd>{favorites.length === 0 ? "nobody" : favorites.includes("*") ? "everyone" : favorites.join(", ")}</dd>
          <dt>In progress</dt>
          <dd>{p.inProgress === false ? "not protected" : "protected"}</dd>
          <dt>Playing now</dt>
          <dd>{p.currentlyPlaying === false ? "not protected" : "protected"}</dd>
          <dt>Requested</dt>
          <dd>{keepsForever(p.requestedWithin ?? "14d") ? "not protected" : `protected for ${formatPeriod(p.requestedWithin ?? "14d")}`}</dd>
        </dl>
        <p className="field-hint">Manual keeps, postponements, unknown watch state and unmatched items always protect.</p>
      </div>
    </div>
  );
}

function policyText(policy: RetentionPolicy | undefined): string {
  const text = describePolicy(policy ?? {});
  return text.charAt(0).toUpperCase() + text.slice(1);
}
