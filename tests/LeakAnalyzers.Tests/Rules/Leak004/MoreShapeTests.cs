using LeakAnalyzers.CodeFixes;
using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak004;

/// <summary>More sink shapes, request sources, realistic negatives and multi-document FixAll.</summary>
public class MoreShapeTests
{
    private static Task Verify(string source, string? editorConfig = null) => Verify<SecretInLogAnalyzer>.DiagnosticsAsync(source, editorConfig);

    [Fact]
    public Task LoggerMessage_ExtensionMethod_WithDestructuring() => Verify("""
        public class ApiCredentials { public string ClientId { get; set; } = ""; public string ClientSecret { get; set; } = ""; }
        public static partial class Log
        {
            [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Using {@Credentials}")]
            static partial void UsingCredentials(this ILogger logger, ApiCredentials credentials);

            [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Using {Credentials}")]
            static partial void UsingCredentialsPlain(this ILogger logger, ApiCredentials credentials);

            public static void Run(ILogger logger, ApiCredentials apiCredentials)
            {
                logger.UsingCredentials([|apiCredentials|]);
                logger.UsingCredentialsPlain(apiCredentials);
            }
        }
        """);

    [Fact]
    public Task LoggerMessageDefineScope_Delegate() => Verify("""
        public static class Log
        {
            private static readonly Func<ILogger, string, IDisposable?> s_scope = LoggerMessage.DefineScope<string>("Session {SessionId}");
            public static IDisposable? Begin(ILogger logger, string sessionId) => s_scope(logger, [|sessionId|]);
        }
        """);

    [Fact]
    public Task NLog_Interface_And_Destructuring() => Verify("""
        public class Smtp { public string Host { get; set; } = ""; public string Password { get; set; } = ""; }
        public class Jobs(NLog.ILogger logger)
        {
            public void Run(Smtp smtp, string token)
            {
                logger.Info("Smtp {@Smtp}", [|smtp|]);
                logger.Info("Smtp {Smtp}", smtp);
                logger.Warn("Token {Token}", [|token|]);
            }
        }
        """);

    [Fact]
    public Task RequestFormQueryAndGuidTokens() => Verify("""
        public class Endpoints(ILogger<Endpoints> logger)
        {
            public async Task Handle(HttpContext context, Guid resetToken, Guid userId)
            {
                var form = await context.Request.ReadFormAsync();
                logger.LogInformation("Form {P}", [|form["password"]|]);
                logger.LogInformation("Query {T}", [|context.Request.Query["access_token"]|]);
                logger.LogInformation("Query {Page}", context.Request.Query["page"]);
                logger.LogInformation("Reset {Token} for {User}", [|resetToken|], userId);
            }
        }
        """);

    [Fact]
    public Task ResetLinkBuiltFromToken() => Verify("""
        public class Mailer(ILogger<Mailer> logger)
        {
            public void Send(string email, string resetToken)
            {
                var link = $"https://example.com/reset?email={email}&token={resetToken}";
                logger.LogInformation("Sending reset link {Link} to {Email}", [|link|], email);
            }
        }
        """);

    [Fact]
    public Task IdentityResults_AreNotSecrets() => Verify("""
        using Microsoft.AspNetCore.Identity;
        public class Account(SignInManager<IdentityUser> signIn, ILogger<Account> logger)
        {
            public async Task Login(string userName, string password)
            {
                var result = await signIn.PasswordSignInAsync(userName, password, false, true);
                logger.LogInformation("Sign-in for {User}: {Result}", userName, result);
                logger.LogInformation("Succeeded {Ok}", result.Succeeded);
            }
        }
        """);

    [Fact]
    public Task ConditionalAndSwitchArms() => Verify("""
        public class Auth(ILogger<Auth> logger)
        {
            public void Log(bool verbose, string token, int kind)
            {
                logger.LogInformation("{T}", [|verbose ? token : "hidden"|]);
                logger.LogInformation("{T}", verbose ? "shown" : "hidden");
                logger.LogInformation("{T}", [|kind switch { 1 => token, _ => "none" }|]);
            }
        }
        """);

    [Fact]
    public Task Fix_OneAtATime_AcrossTwoDocuments()
    {
        var test = new LeakTest(new SecretInLogAnalyzer(), new RemoveSecretFromLogCodeFix());
        test.Sources.Add("""
            public class A(ILogger<A> logger)
            {
                public void Run(string user, string password) => logger.LogInformation("User {User} password {Password}", user, [|password|]);
            }
            """);
        test.Sources.Add("""
            public class B(ILogger<B> logger)
            {
                public void Run(string apiKey) => logger.LogWarning($"Key: {|LEAK004:{apiKey}|} rejected");
            }
            """);
        test.FixedSources.Add("""
            public class A(ILogger<A> logger)
            {
                public void Run(string user, string password) => logger.LogInformation("User {User} password", user);
            }
            """);
        test.FixedSources.Add("""
            public class B(ILogger<B> logger)
            {
                public void Run(string apiKey) => logger.LogWarning("rejected");
            }
            """);
        return test.RunAsync();
    }
}
