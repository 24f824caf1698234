using System.Text.Json;
using System.Text.Json.Nodes;
using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cleanup.Api.Rules;

/// <summary>
/// The owner's rules: list, add, change and delete one rule at a time, the settings as one piece, and a preview of a
/// change against the latest synced library. Writes take the ETag they read as If-Match (428 without it, 412 when
/// someone else changed it meanwhile). Bodies are the rule set's JSON form; errors name the field.
/// </summary>
public static class RulesApi
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rules");
        api.MapGet("/", GetRules).WithName("GetRules");
        api.MapGet("/settings", GetSettings).WithName("GetRuleSettings");
        api.MapPut("/settings", ReplaceSettings).WithName("ReplaceRuleSettings");
        api.MapPost("/preview", Preview).WithName("PreviewRules");
        api.MapGet("/{id}", GetRule).WithName("GetRule");
        api.MapPost("/", AddRule).WithName("AddRule");
        api.MapPut("/{id}", ReplaceRule).WithName("ReplaceRule");
        api.MapDelete("/{id}", DeleteRule).WithName("DeleteRule");
        return app;
    }

    /// <summary>Every rule (in priority order within its kind) with its id and etag, and the settings with theirs.</summary>
    public static async Task<Ok<JsonObject>> GetRules(IRuleStore store, CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(cancellationToken);
        return TypedResults.Ok(new JsonObject
        {
            ["rules"] = new JsonArray([.. stored.Rules.Select(r => (JsonNode)RuleJson.ToJson(r))]),
            ["settings"] = RuleJson.ToJson(stored.Settings),
        });
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetRule(
        string id, HttpResponse response, IRuleStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } rule) return RuleNotFound(id);
        response.Headers.ETag = rule.ETag;
        return TypedResults.Ok(RuleJson.ToJson(rule));
    }

    public static async Task<Results<Created<JsonObject>, ProblemHttpResult, ValidationProblem>> AddRule(
        HttpRequest request, IRuleStore store, CancellationToken cancellationToken)
    {
        var (body, malformed) = await ReadObjectAsync(request, cancellationToken);
        if (malformed is not null) return malformed;

        var settings = (await store.LoadAsync(cancellationToken)).Settings.Settings;
        var read = RuleJson.ReadRule(body!, settings);
        if (read.Value is not { } rule) return Invalid(read.Errors, "The rule is invalid");

        var stored = await store.AddAsync(rule, cancellationToken);
        request.HttpContext.Response.Headers.ETag = stored.ETag;
        return TypedResults.Created($"/api/rules/{stored.Id}", RuleJson.ToJson(stored));
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult, ValidationProblem>> ReplaceRule(
        string id, HttpRequest request, IRuleStore store, CancellationToken cancellationToken)
    {
        if (IfMatch(request) is not { } ifMatch) return PreconditionRequired("rule");
        var (body, malformed) = await ReadObjectAsync(request, cancellationToken);
        if (malformed is not null) return malformed;

        var settings = (await store.LoadAsync(cancellationToken)).Settings.Settings;
        var read = RuleJson.ReadRule(body!, settings);
        if (read.Value is not { } rule) return Invalid(read.Errors, "The rule is invalid");

        try
        {
            if (await store.ReplaceAsync(id, rule, ifMatch, cancellationToken) is not { } stored) return RuleNotFound(id);
            request.HttpContext.Response.Headers.ETag = stored.ETag;
            return TypedResults.Ok(RuleJson.ToJson(stored));
        }
        catch (RuleConcurrencyException ex)
        {
            return PreconditionFailed(ex);
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteRule(
        string id, HttpRequest request, IRuleStore store, CancellationToken cancellationToken)
    {
        if (IfMatch(request) is not { } ifMatch) return PreconditionRequired("rule");
        try
        {
            return await store.DeleteAsync(id, ifMatch, cancellationToken) ? TypedResults.NoContent() : RuleNotFound(id);
        }
        catch (RuleConcurrencyException ex)
        {
            return PreconditionFailed(ex);
        }
    }

    public static async Task<Ok<JsonObject>> GetSettings(HttpResponse response, IRuleStore store, CancellationToken cancellationToken)
    {
        var settings = (await store.LoadAsync(cancellationToken)).Settings;
        if (settings.ETag is { } etag) response.Headers.ETag = etag;
        return TypedResults.Ok(RuleJson.ToJson(settings));
    }

    /// <summary>Replaces the settings as a whole (parts left out take their defaults). If-Match <c>*</c> overwrites any version.</summary>
    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult, ValidationProblem>> ReplaceSettings(
        HttpRequest request, IRuleStore store, CancellationToken cancellationToken)
    {
        if (IfMatch(request) is not { } ifMatch) return PreconditionRequired("settings");
        var (body, malformed) = await ReadObjectAsync(request, cancellationToken);
        if (malformed is not null) return malformed;

        var read = RuleJson.ReadSettings(body!);
        if (read.Value is not { } settings) return Invalid(read.Errors, "The rule settings are invalid");

        try
        {
            var stored = await store.ReplaceSettingsAsync(settings, ifMatch, cancellationToken);
            request.HttpContext.Response.Headers.ETag = stored.ETag;
            return TypedResults.Ok(RuleJson.ToJson(stored));
        }
        catch (RuleConcurrencyException ex)
        {
            return PreconditionFailed(ex);
        }
    }

    /// <summary>
    /// Evaluates the latest synced library under the stored rules and under the proposed ones (a rule set; parts left
    /// out are the stored ones), with the same state and instant, and reports the difference. Saves nothing.
    /// </summary>
    public static async Task<Results<Ok<RulePreviewResponse>, ProblemHttpResult, ValidationProblem>> Preview(
        HttpRequest request, IRuleStore store, ILibrarySnapshotStore snapshots, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, malformed) = await ReadObjectAsync(request, cancellationToken);
        if (malformed is not null) return malformed;

        var current = (await store.LoadAsync(cancellationToken)).ToRuleSet();
        var read = RuleJson.ReadProposal(body!, current);
        if (read.Value is not { } proposed) return Invalid(read.Errors, "The proposed rules are invalid");

        if (await snapshots.LoadLatestAsync(cancellationToken) is not var (library, state))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "No library to preview against",
                detail: "No sync has stored a library yet; run a sync first, then preview again.");
        }

        var now = time.GetUtcNow();
        EvaluationResult before;
        try
        {
            before = RetentionEvaluator.Evaluate(library, current, state, now);
        }
        catch (InvalidRuleSetException ex)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The stored rules are invalid",
                detail: "Fix the stored rules before previewing a change. " + ex.Message);
        }

        var after = RetentionEvaluator.Evaluate(library, proposed, state, now);
        return TypedResults.Ok(RulePreviewResponse.From(before, RulePreview.Compare(before, after)));
    }

    /// <summary>The body as a JSON object, or a 400 naming what is wrong with it (never a 500 for a bad body).</summary>
    private static async Task<(JsonObject? Body, ProblemHttpResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(
                request.Body,
                documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip },
                cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            return (null, BadRequest("The request body is not valid JSON", ex.Message));
        }

        return node is JsonObject body
            ? (body, null)
            : (null, BadRequest("The request body must be a JSON object", $"Expected a JSON object, got {(node is null ? "null" : node.GetValueKind().ToString().ToLowerInvariant())}."));
    }

    private static string? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    private static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors, string title) =>
        TypedResults.ValidationProblem(errors, title: title);

    private static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    private static ProblemHttpResult RuleNotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Rule not found", detail: $"No rule with id '{id}'.");

    private static ProblemHttpResult PreconditionRequired(string what) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status428PreconditionRequired,
            title: "If-Match required",
            detail: $"Send the {what}'s etag (from GET) in an If-Match header, so that a change made by someone else in between is not overwritten; If-Match: * overwrites any version.");

    private static ProblemHttpResult PreconditionFailed(RuleConcurrencyException ex) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed by someone else", detail: ex.Message);
}
