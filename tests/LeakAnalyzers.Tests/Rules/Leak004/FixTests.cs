using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak004;

/// <summary>The LEAK004 code fix: remove (argument + placeholder, hole, operand) and redact; one at a time and FixAll.</summary>
public class FixTests
{
    private static Task Fix(string source, string fixedSource, string? key = null) =>
        Verify<SecretInLogAnalyzer, RemoveSecretFromLogCodeFix>.FixAsync(source, fixedSource, equivalenceKey: key);

    [Fact]
    public Task Remove_ArgumentAndPlaceholder() => Fix("""
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string user, string password)
            {
                logger.LogInformation("Login {User} with {Password} done", user, [|password|]);
            }
        }
        """, """
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string user, string password)
            {
                logger.LogInformation("Login {User} with done", user);
            }
        }
        """);

    [Fact]
    public Task Remove_LabelledPlaceholders_TwoInOneTemplate_FixAll() => Fix("""
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string user, string password, string apiKey)
            {
                logger.LogInformation("Login user={User}, password={Password}, key={Key}", user, [|password|], [|apiKey|]);
            }
        }
        """, """
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string user, string password, string apiKey)
            {
                logger.LogInformation("Login user={User}", user);
            }
        }
        """);

    [Fact]
    public Task Remove_KeepsALabelThatIsTheWholeMessage_AndDropsDanglingSeparators() => Fix("""
        public class Auth(ILogger<Auth> logger)
        {
            public void Log(HttpContext context, string key, string password)
            {
                logger.LogDebug("Authorization: {Authorization}", [|context.Request.Headers.Authorization|]);
                logger.LogDebug("{Key} = {Value}", key, [|password|]);
                Console.WriteLine($"Token: {|LEAK004:{password}|}");
            }
        }
        """, """
        public class Auth(ILogger<Auth> logger)
        {
            public void Log(HttpContext context, string key, string password)
            {
                logger.LogDebug("Authorization");
                logger.LogDebug("{Key}", key);
                Console.WriteLine($"Token");
            }
        }
        """);

    [Fact]
    public Task Remove_NumericHoles_AreRenumbered() => Fix("""
        public class Tool
        {
            public void Run(string user, string pwd, string host)
            {
                Console.WriteLine("{0} pwd: {1} at {2}", user, [|pwd|], host);
            }
        }
        """, """
        public class Tool
        {
            public void Run(string user, string pwd, string host)
            {
                Console.WriteLine("{0} at {1}", user, host);
            }
        }
        """);

    [Fact]
    public Task Remove_InterpolationHoles_TwoInOneString() => Fix("""
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string user, string password, string token)
            {
                logger.LogInformation($"{|LEAK004:{token}|} login {user} password: {|LEAK004:{password}|}");
            }
        }
        """, """
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string user, string password, string token)
            {
                logger.LogInformation("login {User}", user);
            }
        }
        """);

    [Fact]
    public Task Remove_InterpolationHole_KeepsFormatAlignmentAndMembers() => Fix("""
        public class Order { public decimal Total { get; set; } public string Customer { get; set; } = ""; }
        public class Shop(ILogger<Shop> logger)
        {
            public void Pay(Order order, string cardNumber, DateTime at)
            {
                logger.LogInformation($"Paid {order.Total:N2} for {order.Customer,10} card={|LEAK004:{cardNumber}|} at {at:O}");
            }
        }
        """, """
        public class Order { public decimal Total { get; set; } public string Customer { get; set; } = ""; }
        public class Shop(ILogger<Shop> logger)
        {
            public void Pay(Order order, string cardNumber, DateTime at)
            {
                logger.LogInformation("Paid {Total:N2} for {Customer,10} at {At:O}", order.Total, order.Customer, at);
            }
        }
        """);

    [Fact]
    public Task Remove_InterpolationHole_NonTemplateSink_KeepsInterpolation() => Fix("""
        public class Tool
        {
            public void Run(string user, string pwd)
            {
                Console.WriteLine($"user {user} pwd {|LEAK004:{pwd}|}");
            }
        }
        """, """
        public class Tool
        {
            public void Run(string user, string pwd)
            {
                Console.WriteLine($"user {user} pwd");
            }
        }
        """);

    [Fact]
    public Task Remove_ConcatenationOperand() => Fix("""
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string user, string password)
            {
                logger.LogInformation("User " + user + " / " + [|password|]);
            }
        }
        """, """
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string user, string password)
            {
                logger.LogInformation("User " + user + " / ");
            }
        }
        """);

    [Fact]
    public Task Remove_SerilogGenericArgument_AndTwoCallsInOneDocument() => Fix("""
        using Serilog;
        public class Sync
        {
            public void Run(string user, string secret)
            {
                Log.Information("Sync {User} {Secret}", user, [|secret|]);
                Log.Warning("Secret {Secret}", [|secret|]);
            }
        }
        """, """
        using Serilog;
        public class Sync
        {
            public void Run(string user, string secret)
            {
                Log.Information("Sync {User}", user);
                Log.Warning("Secret");
            }
        }
        """);

    [Fact]
    public Task Redact_Argument_Hole_Operand() => Fix("""
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string user, string password)
            {
                logger.LogInformation("Login {User} {Password}", user, [|password|]);
                logger.LogInformation($"Login {user} {|LEAK004:{password}|}");
                logger.LogInformation("Login " + [|password|]);
            }
        }
        """, """
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string user, string password)
            {
                logger.LogInformation("Login {User} {Password}", user, "[REDACTED]");
                logger.LogInformation($"Login {user} [REDACTED]");
                logger.LogInformation("Login " + "[REDACTED]");
            }
        }
        """, RemoveSecretFromLogCodeFix.RedactKey);

    [Fact]
    public Task Value_OnlyRedaction_IsOffered_First() => Fix("""
        public class Tool
        {
            public void Run(string pwd, ILogger logger)
            {
                Console.WriteLine([|pwd|]);
                using var scope = logger.BeginScope(new Dictionary<string, object> { ["Password"] = [|pwd|] });
            }
        }
        """, """
        public class Tool
        {
            public void Run(string pwd, ILogger logger)
            {
                Console.WriteLine("[REDACTED]");
                using var scope = logger.BeginScope(new Dictionary<string, object> { ["Password"] = "[REDACTED]" });
            }
        }
        """);

    [Fact]
    public Task Remove_RedactsValuesThatCannotBeRemoved() => Fix("""
        public class Tool
        {
            public void Run(string pwd, string user)
            {
                Console.WriteLine([|pwd|]);
                Console.WriteLine("{0} {1}", user, [|pwd|]);
            }
        }
        """, """
        public class Tool
        {
            public void Run(string pwd, string user)
            {
                Console.WriteLine("[REDACTED]");
                Console.WriteLine("{0}", user);
            }
        }
        """, RemoveSecretFromLogCodeFix.RemoveKey);

    [Fact]
    public Task Redact_LeavesValuesWhoseOnlyActionIsTheFirst() => Fix("""
        public class Tool
        {
            public void Run(string pwd, string user)
            {
                Console.WriteLine([|pwd|]);
                Console.WriteLine("{0} {1}", user, [|pwd|]);
            }
        }
        """, """
        public class Tool
        {
            public void Run(string pwd, string user)
            {
                Console.WriteLine([|pwd|]);
                Console.WriteLine("{0} {1}", user, "[REDACTED]");
            }
        }
        """, RemoveSecretFromLogCodeFix.RedactKey);

    [Fact]
    public Task NoFix_ForRecordPassedToLoggerMessageMethod() =>
        Verify<SecretInLogAnalyzer, RemoveSecretFromLogCodeFix>.NoFixAsync("""
            public record Login(string User, string Password);
            public static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Login {Login}")]
                static partial void LoggedIn(ILogger logger, Login login);

                public static void Run(ILogger logger, Login login) => LoggedIn(logger, [|login|]);
            }
            """);
}
