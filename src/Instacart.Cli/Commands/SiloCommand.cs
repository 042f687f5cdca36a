using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Instacart.Cluster.Hosting;

namespace Instacart.Cli.Commands;

/// <summary>
/// <c>instacart silo</c>: hosts one Orleans silo that answers parts of partitioned datasets, until Ctrl+C or SIGTERM;
/// then it leaves the cluster (within a time limit) and exits 0.
/// </summary>
internal static class SiloCommand
{
    /// <summary>The line printed once the silo has joined the cluster (scripts and tests wait for it).</summary>
    public const string ReadyPrefix = "silo ready:";

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    public static Command Create()
    {
        var cluster = ClusterOption("Where the cluster's membership lives: redis://HOST:PORT (silos on any machines reaching that Redis). Default: localhost clustering (this machine; the first silo takes ports 11111 and 30000, give the others --port and --gateway-port).");
        var port = new Option<int>("--port") { Description = "The port silos talk on. Default: a free port with --cluster redis://…, else 11111." };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "The port clients connect to. Default: a free port with --cluster redis://…, else 30000." };
        var address = new Option<string>("--address")
        {
            Description = "The address other silos and clients reach this silo at (default 127.0.0.1: one machine). On several machines give this machine's address.",
            DefaultValueFactory = _ => IPAddress.Loopback.ToString(),
        };
        address.Validators.Add(result =>
        {
            if (!IPAddress.TryParse(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"--address needs an IP address, not '{result.GetValueOrDefault<string>()}'");
            }
        });
        var probe = new Option<double?>("--probe-timeout")
        {
            Description = "Seconds a membership probe may take before it counts as missed (default: Orleans' own). Shorter declares a killed silo dead sooner; fault drills use 1.",
        };
        var command = new Command("silo", "Host an Orleans silo that answers the parts of partitioned datasets for 'answers --cluster'. Runs until Ctrl+C or SIGTERM, then leaves the cluster. " + ExitCodes.Summary)
        {
            cluster, port, gatewayPort, address, probe,
        };
        command.SetAction((parse, cancellation) => Failures.Guard(async () =>
        {
            var where = parse.GetValue(cluster) ?? ClusterAddress.Localhost();
            var settings = new SiloSettings(
                where,
                parse.GetValue(port),
                parse.GetValue(gatewayPort),
                IPAddress.Parse(parse.GetValue(address)!),
                parse.GetValue(probe) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                line => Console.WriteLine(line));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            void Stop(PosixSignalContext context)
            {
                // The silo leaves the cluster itself: the process is not ended by the signal.
                context.Cancel = true;
                stop.Cancel();
            }

            SiloHost silo;
            try
            {
                silo = await SiloHost.StartAsync(settings, stop.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"error: the silo could not join the cluster at {where}: {OneLine(e.Message)}");
                return ExitCodes.BadInput;
            }

            Console.WriteLine($"{ReadyPrefix} {silo.Address}, gateway port {silo.GatewayPort}, cluster {where}. Stop with Ctrl+C.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            Console.WriteLine("silo stopping: leaving the cluster");
            var clean = await silo.StopAsync(StopTimeout);
            Console.WriteLine(clean ? "silo stopped" : $"silo stopped without saying goodbye to the cluster (no answer in {StopTimeout.TotalSeconds:0} s)");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The <c>--cluster</c> option: a cluster address, parsed (a bad one is a usage error).</summary>
    public static Option<ClusterAddress?> ClusterOption(string description) => new("--cluster")
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
            try
            {
                return ClusterAddress.Parse(text);
            }
            catch (ArgumentException e)
            {
                result.AddError(e.Message);
                return null;
            }
        },
    };

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
