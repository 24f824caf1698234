using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Cleanup.Storage.Emulator;

/// <summary>
/// A running Azurite (the Azure Storage emulator from npm) on loopback. Started with <c>--silent
/// --skipApiVersionCheck --loose --disableTelemetry</c> (no telemetry: nothing may leave 127.0.0.1).
/// <see cref="Dispose"/> stops its whole process tree and waits until its ports are released; that also happens
/// when this process exits normally.
/// </summary>
public sealed class AzuriteProcess : IDisposable, IAsyncDisposable
{
    private const int DefaultBlobPort = 10000;
    private const int DefaultQueuePort = 10001;
    private const int DefaultTablePort = 10002;
    private const int OutputLinesKept = 40;

    private readonly Process _process;
    private readonly bool _persistent;
    private readonly Queue<string> _output = new();
    private int _disposed;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort, bool https, bool persistent)
    {
        _process = process;
        _persistent = persistent;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        var scheme = https ? "https" : "http";
        var account = StorageConnectionString.DevelopmentAccountName;
        BlobEndpoint = new Uri($"{scheme}://127.0.0.1:{blobPort}/{account}");
        QueueEndpoint = new Uri($"{scheme}://127.0.0.1:{queuePort}/{account}");
        TableEndpoint = new Uri($"{scheme}://127.0.0.1:{tablePort}/{account}");
        ConnectionString =
            $"DefaultEndpointsProtocol={scheme};AccountName={account};AccountKey={StorageConnectionString.DevelopmentAccountKey};" +
            $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public Uri TableEndpoint { get; }

    /// <summary>Account-key connection string for this instance (the well-known emulator account, explicit endpoints).</summary>
    public string ConnectionString { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines Azurite wrote, for diagnostics.</summary>
    public string OutputTail
    {
        get
        {
            lock (_output) return string.Join(Environment.NewLine, _output);
        }
    }

    /// <summary>A <see cref="StorageAccount"/> for this instance, signed with the emulator's account key.</summary>
    public StorageAccount CreateAccount(StorageClientOptions? options = null) => StorageAccount.FromConnectionString(ConnectionString, options);

    /// <summary>
    /// Starts Azurite and waits until its table and blob endpoints answer.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting).</exception>
    /// <exception cref="InvalidOperationException">Azurite is not installed, or did not start in time (the message holds its output).</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AzuriteOptions();
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors), nameof(options));
        var launcher = AzuriteInstallation.FindLauncher(options.RepositoryRoot);
        if (options.Location is not null) Directory.CreateDirectory(options.Location);

        var explicitPorts = options.BlobPort is not null || options.QueuePort is not null || options.TablePort is not null;
        for (var attempt = 1; ; attempt++)
        {
            var (blob, queue, table) = ChoosePorts(options);
            var azurite = Launch(launcher, options, blob, queue, table);
            try
            {
                await azurite.WaitUntilReadyAsync(options.StartupTimeout, cancellationToken).ConfigureAwait(false);
                return azurite;
            }
            catch (InvalidOperationException) when (!explicitPorts && attempt < 3 && azurite.OutputTail.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // Another process took a port between choosing and binding it: choose again.
                azurite.Dispose();
            }
            catch
            {
                azurite.Dispose();
                throw;
            }
        }
    }

    private static (int Blob, int Queue, int Table) ChoosePorts(AzuriteOptions options)
    {
        if (options.PreferDefaultPorts && options.BlobPort is null && options.QueuePort is null && options.TablePort is null &&
            LoopbackPorts.IsFree(DefaultBlobPort) && LoopbackPorts.IsFree(DefaultQueuePort) && LoopbackPorts.IsFree(DefaultTablePort))
        {
            return (DefaultBlobPort, DefaultQueuePort, DefaultTablePort);
        }

        var free = LoopbackPorts.Free(3);
        return (options.BlobPort ?? free[0], options.QueuePort ?? free[1], options.TablePort ?? free[2]);
    }

    private static AzuriteProcess Launch(string launcher, AzuriteOptions options, int blob, int queue, int table)
    {
        var start = new ProcessStartInfo(launcher)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = options.Location ?? Path.GetTempPath(),
        };
        foreach (var arg in new[] { "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry" }) start.ArgumentList.Add(arg);
        foreach (var (name, port) in new[] { ("--blobPort", blob), ("--queuePort", queue), ("--tablePort", table) })
        {
            start.ArgumentList.Add(name);
            start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (options.Location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(Path.GetFullPath(options.Location));
        }

        if (options.HttpsCertificatePath is not null)
        {
            start.ArgumentList.Add("--cert");
            start.ArgumentList.Add(Path.GetFullPath(options.HttpsCertificatePath));
            start.ArgumentList.Add("--key");
            start.ArgumentList.Add(Path.GetFullPath(options.HttpsKeyPath!));
        }

        if (options.OAuth)
        {
            start.ArgumentList.Add("--oauth");
            start.ArgumentList.Add("basic");
        }

        // A developer's AZURITE_ACCOUNTS would replace the well-known account this class's connection string uses.
        start.Environment.Remove("AZURITE_ACCOUNTS");

        var process = new Process { StartInfo = start };
        var azurite = new AzuriteProcess(process, blob, queue, table, options.HttpsCertificatePath is not null, options.Location is not null);
        process.OutputDataReceived += (_, e) => azurite.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => azurite.Remember(e.Data);
        if (!process.Start()) throw new InvalidOperationException($"Could not start '{launcher}'.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += azurite.OnProcessExit;
        return azurite;
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLinesKept) _output.Dequeue();
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Any HTTP answer (even 400/403) means the service is listening. The probe only ever talks to this loopback
        // Azurite, so it accepts its (possibly self-signed) certificate.
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var probe = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        var pending = new List<Uri> { TableEndpoint, BlobEndpoint };
        while (pending.Count > 0)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // drains the output readers
                throw StartFailure($"Azurite exited with code {_process.ExitCode} while starting.");
            }

            if (deadline.Elapsed > timeout)
                throw StartFailure($"Azurite did not answer on {string.Join(" and ", pending)} within {timeout.TotalSeconds:0} s.");

            try
            {
                using var response = await probe.GetAsync(pending[0], cancellationToken).ConfigureAwait(false);
                pending.RemoveAt(0);
                continue;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private InvalidOperationException StartFailure(string what)
    {
        var tail = OutputTail;
        return new InvalidOperationException(
            $"{what} Command: {_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)}." +
            (tail.Length > 0 ? $"{Environment.NewLine}Azurite output:{Environment.NewLine}{tail}" : " Azurite wrote nothing."));
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    /// <summary>
    /// Stops Azurite and waits for it to exit (its ports are then free). With a <see cref="AzuriteOptions.Location"/>
    /// it is first asked to stop (SIGTERM, on Unix) so it saves its data, which it otherwise only does every 5 s;
    /// then, or straight away for in-memory instances, its whole process tree is killed.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            if (_persistent && !_process.HasExited && !OperatingSystem.IsWindows() && SendSignal(_process.Id, SigTerm) == 0)
                _process.WaitForExit(10_000);
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
