namespace Cleanup.Engine.Sources;

/// <summary>
/// A value a service sent that could not be used as it stands (a year-1 date, a date in the far future, an id that is
/// not a number). The read still succeeds, the value becomes null, and the issue is kept so the owner can see it.
/// </summary>
/// <param name="Source">Configured instance name.</param>
/// <param name="ItemId">The service's id of the item (or row) carrying the value.</param>
/// <param name="Field">The field as the service names it, e.g. <c>UserData.LastPlayedDate</c>.</param>
/// <param name="Value">What was sent (never a secret: only item fields are checked).</param>
/// <param name="Problem">Why it was not used, in words.</param>
public sealed record DataIssue(string Source, ServiceKind Kind, string ItemId, string Field, string Value, string Problem);
