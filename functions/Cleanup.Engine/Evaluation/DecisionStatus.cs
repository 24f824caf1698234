namespace Cleanup.Engine.Evaluation;

/// <summary>Where an item stands.</summary>
public enum DecisionStatus
{
    /// <summary>A protection applies (see <see cref="Decision.Protections"/>); nothing will happen to it.</summary>
    Kept,

    /// <summary>Not due within the leaving-soon window, or never due by its rule.</summary>
    NotDue,

    /// <summary>Due within the window, or held back by the grace period or disk-space mode: shown, not yet acted on.</summary>
    LeavingSoon,

    /// <summary>Its deletion date has come: the workflow acts on it (re-checking protections at that moment).</summary>
    Due,
}
