using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak004;

/// <summary>LEAK004 over Serilog, NLog, log4net, Console and System.Diagnostics sinks.</summary>
public class OtherLibrarySinkTests
{
    private static Task Verify(string source, string? editorConfig = null) => Verify<SecretInLogAnalyzer>.DiagnosticsAsync(source, editorConfig);

    [Fact]
    public Task Serilog_StaticLog_LevelMethods() => Verify("""
        using Serilog;
        public class Sync
        {
            public void Run(string user, string password, string apiKey, Exception ex)
            {
                Log.Information("Sync for {User} using {Password}", user, [|password|]);
                Log.Warning(ex, "Sync failed with {Key}", [|apiKey|]);
                Log.Error("Sync {A} {B} {C} {D}", user, user, user, [|password|]);
            }
        }
        """);

    [Fact]
    public Task Serilog_GenericLevelMethods_SkipIgnoredTypeArguments() => Verify("""
        using Serilog;
        public record PasswordFormat(string Password) : System.IFormatProvider
        {
            public object? GetFormat(System.Type? formatType) => null;
        }
        public class Sync
        {
            public void Run(string password, PasswordFormat passwordFormat, Exception tokenError)
            {
                Log.Information("Format {Format}", passwordFormat);
                Log.Information("Failed {Error}", tokenError);
                Log.Information("Failed {Error} with {Secret}", tokenError, [|password|]);
                Log.Debug<string>("Secret {Secret}", [|password|]);
            }
        }
        """);

    [Fact]
    public Task Serilog_ILogger_AndConcreteLogger() => Verify("""
        public class Sync(Serilog.ILogger log, Serilog.Core.Logger concrete)
        {
            public void Run(string privateKey)
            {
                log.Debug("Key {Key}", [|privateKey|]);
                log.Write(Serilog.Events.LogEventLevel.Fatal, "Key {Key}", [|privateKey|]);
                concrete.Verbose("Key {Key}", [|privateKey|]);
            }
        }
        """);

    [Fact]
    public Task Serilog_ForContext_And_PushProperty() => Verify("""
        using Serilog.Context;
        public class Sync(Serilog.ILogger log)
        {
            public void Run(string token, string tenant)
            {
                log.ForContext("Token", [|token|]).Information("Synced");
                log.ForContext("Tenant", tenant).Information("Synced");
                using (LogContext.PushProperty("Auth", [|token|]))
                {
                }
            }
        }
        """);

    [Fact]
    public Task Serilog_Destructuring_ExposesSecretMembers() => Verify("""
        using Serilog;
        public class Credentials { public string User { get; set; } = ""; public string Password { get; set; } = ""; }
        public class Profile { public string User { get; set; } = ""; public int Age { get; set; } }
        public class Sync
        {
            public void Run(Credentials credentialsValue, Profile profile)
            {
                Log.Information("Using {@Creds}", [|credentialsValue|]);
                Log.Information("Using {Creds}", credentialsValue);
                Log.Information("Profile {@Profile}", profile);
                Log.Logger.ForContext("Creds", [|credentialsValue|], destructureObjects: true).Information("x");
            }
        }
        """);

    [Fact]
    public Task NLog_LevelMethods() => Verify("""
        public class Jobs
        {
            private static readonly NLog.Logger Logger = NLog.LogManager.GetCurrentClassLogger();

            public void Run(string user, string connectionString, Exception ex)
            {
                Logger.Info("Connecting {User} with {Cs}", user, [|connectionString|]);
                Logger.Error(ex, "Failed with {Cs}", [|connectionString|]);
                Logger.Debug([|connectionString|]);
                Logger.Log(NLog.LogLevel.Warn, "Cs {Cs}", [|connectionString|]);
                Logger.Trace("User {User}", user);
            }
        }
        """);

    [Fact]
    public Task Log4Net_LevelAndFormatMethods() => Verify("""
        public class Jobs
        {
            private static readonly log4net.ILog Log = log4net.LogManager.GetLogger(typeof(Jobs));

            public void Run(string user, string passphrase, Exception ex)
            {
                Log.Info([|passphrase|]);
                Log.Error("Failed for " + [|passphrase|], ex);
                Log.InfoFormat("User {0} passphrase {1}", user, [|passphrase|]);
                Log.DebugFormat("Passphrase {0}", [|passphrase|]);
                Log.InfoFormat(System.Globalization.CultureInfo.InvariantCulture, "Passphrase {0}", [|passphrase|]);
                Log.Info("User " + user);
            }
        }
        """);

    [Fact]
    public Task Console_Writes() => Verify("""
        public class Tool
        {
            public void Run(string user, string pwd)
            {
                Console.WriteLine([|pwd|]);
                Console.Write("pwd: " + [|pwd|]);
                Console.WriteLine("{0} {1}", user, [|pwd|]);
                Console.WriteLine($"user {user}");
                Console.Error.WriteLine("pwd {0}", [|pwd|]);
                Console.Out.Write([|pwd|]);
                new StringWriter().Write(pwd);
            }
        }
        """);

    [Fact]
    public Task Debug_And_Trace_Writes() => Verify("""
        using System.Diagnostics;
        public class Tool
        {
            public void Run(string otp, bool verbose)
            {
                Debug.WriteLine([|otp|]);
                Debug.WriteLine("Code {0}", [|otp|]);
                Debug.WriteLineIf(verbose, [|otp|]);
                Trace.TraceInformation("Code {0}", [|otp|]);
                Trace.WriteLine([|otp|], "auth");
                Trace.WriteLine("auth", [|otp|]);
                Trace.TraceWarning("no code");
            }
        }
        """);
}
