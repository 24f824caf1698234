namespace Cleanup.Engine.Sources;

/// <summary>
/// A value a home service sent that could not be used as it stands (a placeholder date like year 1 or 9999, an
/// unknown status, a file the episode list points to but the file list lacks). The item is still returned, with
/// the value set to null/unknown, and the issue is kept so the owner can see it instead of it being defaulted away.
/// </summary>
/// <param name="Source">Configured instance name, e.g. "radarr".</param>
/// <param name="Item">Which item, in words: "movie 12 'Dune'".</param>
/// <param name="Field">The JSON field, e.g. "added" or "movieFile.dateAdded".</param>
/// <param name="RawValue">What the service sent (never a secret: only data fields are recorded).</param>
/// <param name="Problem">Why it was not used and what was used instead.</param>
public sealed record DataIssue(string Source, ServiceKind Kind, string Item, string Field, string? RawValue, string Problem);
