using System.Globalization;
using System.Text.Json.Serialization;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cleanup.Api.Deletions;

/// <summary>The deletion audit: <c>GET /api/deletions?page=&amp;pageSize=</c>, newest first, with reclaimed totals.</summary>
public static class DeletionsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapDeletionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Deletions").MapGet("/deletions", ListDeletions);
        return app;
    }

    public static async Task<Results<Ok<DeletionsPage>, ValidationProblem>> ListDeletions(IAuditLog audit, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageNumber = Parse(page, 1, "page", 1, int.MaxValue, errors);
        var size = Parse(pageSize, DefaultPageSize, "pageSize", 1, MaxPageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid paging.");
        }

        var result = await audit.ReadAsync(pageNumber, size, cancellationToken);
        return TypedResults.Ok(new DeletionsPage(
            [.. result.Items.Select(DeletionRecord.From)], pageNumber, size, result.Total, result.ReclaimedBytes, result.WouldReclaimBytes));
    }

    private static int Parse(string? text, int fallback, string name, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"{name} must be a whole number from {min} to {max}."];
        return fallback;
    }
}

public sealed record DeletionsPage(IReadOnlyList<DeletionRecord> Items, int Page, int PageSize, int Total, long ReclaimedBytes, long WouldReclaimBytes);

/// <summary>One audit line as the API shows it.</summary>
public sealed record DeletionRecord(
    string Id,
    string ItemId,
    string Title,
    [property: JsonConverter(typeof(JsonStringEnumConverter<DeletionMediaType>))] DeletionMediaType MediaType,
    long SizeBytes,
    string Rule,
    [property: JsonConverter(typeof(JsonStringEnumConverter<DeletionAction>))] DeletionAction Action,
    bool DryRun,
    string Actor,
    DateTimeOffset At,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AuditOutcome>))] AuditOutcome Outcome,
    string? Reason,
    IReadOnlyList<string> Trace)
{
    public static DeletionRecord From(AuditEntry e) =>
        new(e.Id, e.ItemId, e.Title, e.MediaType, e.SizeBytes, e.Rule, e.Action, e.DryRun, e.Actor, e.At, e.Outcome, e.Reason, e.Trace);
}
