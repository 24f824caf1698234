using System.Globalization;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Seerr;

/// <summary>
/// Reads every page of a Seerr list (<c>take</c>/<c>skip</c>) and checks the pages add up to what
/// <c>pageInfo</c> claims: a short, empty or shifting listing is a failed read, never a shorter list.
/// </summary>
internal static class SeerrPaging
{
    public static async Task<List<T>> ReadAllAsync<T>(
        ServiceEndpoint endpoint, string path, string query, int take, Func<T, int> id, string what, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        var seen = new HashSet<int>();
        int? claimed = null;
        int? pages = null;
        for (var page = 0; ; page++)
        {
            var url = string.Create(CultureInfo.InvariantCulture, $"{path}?take={take}&skip={page * take}{query}");
            var answer = await endpoint.GetJsonAsync<SeerrPage<T>>(url, LenientJson.CamelCase, cancellationToken).ConfigureAwait(false);
            if (answer.PageInfo?.Results is not { } results || answer.Results is null)
            {
                throw Fail(endpoint, $"{path} answered without pageInfo.results or results");
            }

            claimed ??= results;
            pages ??= answer.PageInfo.Pages;
            if (results != claimed)
            {
                throw Fail(endpoint, $"{what} changed while paging ({claimed} then {results}); read again later");
            }

            foreach (var row in answer.Results)
            {
                // Rows can repeat across pages when items are added meanwhile; each counts once.
                if (seen.Add(id(row)))
                {
                    all.Add(row);
                }
            }

            if (all.Count >= claimed)
            {
                break;
            }

            if (answer.Results.Count == 0 || (pages is { } p && page + 1 >= p) || page > (claimed.Value / take) + 1)
            {
                throw Fail(endpoint, $"paging stopped early: {all.Count} of {claimed} {what} after {page + 1} pages");
            }
        }

        if (all.Count != claimed)
        {
            throw Fail(endpoint, $"paging inconsistent: {all.Count} {what} read but pageInfo claims {claimed}");
        }

        return all;
    }

    private static SourceReadException Fail(ServiceEndpoint endpoint, string reason) => new(endpoint.Name, endpoint.Kind, reason);
}
