using Cleanup.Engine.Deletion;
using Cleanup.Engine.Notifications;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Tests.Workflows.Support;

public sealed class FakeCandidates : IDeletionCandidateSource
{
    public List<DeletionCandidate> Due { get; } = [];

    public Task<IReadOnlyList<DeletionCandidate>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeletionCandidate>>([.. Due]);
}

/// <summary>Re-check answers per item id; unknown ids are still due. Records what was asked.</summary>
public sealed class FakeRecheck : IItemRecheck
{
    public Dictionary<string, RecheckResult> Answers { get; } = [];

    public HashSet<string> Throws { get; } = [];

    public List<string> Asked { get; } = [];

    public Task<RecheckResult> RecheckAsync(DeletionCandidate candidate, CancellationToken cancellationToken)
    {
        lock (Asked)
        {
            Asked.Add(candidate.ItemId);
        }

        if (Throws.Contains(candidate.ItemId))
        {
            throw new InvalidOperationException("Jellyfin did not answer");
        }

        return Task.FromResult(Answers.GetValueOrDefault(candidate.ItemId) ?? RecheckResult.StillDue);
    }
}

public sealed class FakeLeavingSoon : ILeavingSoonSource
{
    public List<LeavingSoonEntry> Entries { get; } = [];

    public Task<IReadOnlyList<LeavingSoonEntry>> ListAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LeavingSoonEntry>>([.. Entries]);
}

public sealed class RecordingSender : INotificationSender
{
    public List<Notification> Sent { get; } = [];

    public bool Fails { get; set; }

    public int Channels { get; set; } = 1;

    public Task<NotificationDelivery> SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (Fails)
        {
            return Task.FromResult(new NotificationDelivery(0, ["discord #1: HTTP 500"]));
        }

        lock (Sent)
        {
            Sent.Add(notification);
        }

        return Task.FromResult(new NotificationDelivery(Channels, []));
    }
}

/// <summary>Evaluation stub: counts calls and returns a fixed summary.</summary>
public sealed class FakeEvaluation : ILibraryEvaluation
{
    public List<EvaluateInput> Evaluated { get; } = [];

    public List<ApplyWatchChangesInput> Applied { get; } = [];

    public List<PersistInput> Persisted { get; } = [];

    public EvaluationSummary Summary { get; set; } = new(10, 2, 1, 0, 1, null, []);

    public Task<EvaluationSummary> UnifyAndEvaluateAsync(EvaluateInput input, CancellationToken cancellationToken)
    {
        Evaluated.Add(input);
        return Task.FromResult(Summary);
    }

    public Task<EvaluationSummary> ApplyWatchChangesAsync(ApplyWatchChangesInput input, CancellationToken cancellationToken)
    {
        Applied.Add(input);
        return Task.FromResult(Summary);
    }

    public Task<PersistSummary> PersistChangesAsync(PersistInput input, CancellationToken cancellationToken)
    {
        Persisted.Add(input);
        return Task.FromResult(new PersistSummary(3));
    }
}
