using Cleanup.Server;

try
{
    await using var host = await SelfHost.StartAsync(args);
    await host.WaitForShutdownAsync();
    return 0;
}
catch (StartupException ex)
{
    Console.Error.WriteLine($"Cleanup could not start: {ex.Message}");
    return 2;
}
