using System.Text.Json;

namespace Cleanup.Engine.Workflows;

/// <summary>
/// Runs a workflow inside this process: activities resolved by name, retries honoured with waits on the
/// <see cref="TimeProvider"/>, progress forwarded. Inputs and outputs go through JSON like they do on Durable, so a
/// record that would not survive Durable does not survive here either.
/// </summary>
public sealed class InProcessWorkflowContext(
    string instanceId,
    ActivityRegistry activities,
    IServiceProvider services,
    TimeProvider timeProvider,
    Action<string, int, int>? onProgress = null,
    CancellationToken cancellationToken = default) : IWorkflowContext
{
    public string InstanceId { get; } = instanceId;

    public DateTimeOffset CurrentUtcDateTime => timeProvider.GetUtcNow();

    public async Task<TOutput> CallActivityAsync<TOutput>(string name, object? input = null, ActivityRetry? retry = null)
    {
        var policy = retry ?? ActivityRetry.None;
        var inputJson = JsonSerializer.Serialize(input, input?.GetType() ?? typeof(object), WorkflowJson.Options);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var outputJson = await activities.InvokeAsync(name, services, inputJson, cancellationToken).ConfigureAwait(false);
                return JsonSerializer.Deserialize<TOutput>(outputJson, WorkflowJson.Options)!;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (InvalidOperationException ex) when (!activities.Contains(name))
            {
                throw new ActivityFailedException(name, attempt, ex.Message, ex);
            }
            catch (Exception ex)
            {
                if (attempt >= policy.MaxAttempts)
                {
                    throw new ActivityFailedException(name, attempt, ex.Message, ex);
                }

                await Task.Delay(policy.DelayAfter(attempt), timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void SetProgress(string step, int done, int total) => onProgress?.Invoke(step, done, total);
}
