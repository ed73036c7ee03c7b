using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak004;

/// <summary>LEAK004 over every Microsoft.Extensions.Logging sink shape.</summary>
public class MelSinkTests
{
    private static Task Verify(string source, string? editorConfig = null) => Verify<SecretInLogAnalyzer>.DiagnosticsAsync(source, editorConfig);

    [Fact]
    public Task LogInformation_TemplateArgument() => Verify("""
        public record LoginRequest(string UserName, string Password);
        public class AuthService(ILogger<AuthService> logger)
        {
            public void Login(LoginRequest request)
            {
                logger.LogInformation("Login for {User} with {Password}", request.UserName, [|request.Password|]);
            }
        }
        """);

    [Fact]
    public Task LogError_WithExceptionAndEventId() => Verify("""
        public class Client(ILogger<Client> logger)
        {
            public void Call(string apiKey, Exception ex)
            {
                logger.LogError(new EventId(7), ex, "Call failed with key {Key}", [|apiKey|]);
                logger.LogWarning(ex, "Call failed with key {Key}", [|apiKey|]);
            }
        }
        """);

    [Fact]
    public Task InterpolatedMessage_ReportsTheHole() => Verify("""
        public class Client(ILogger<Client> logger)
        {
            public void Call(string user, string accessToken)
            {
                logger.LogDebug($"Calling for {user} with {|LEAK004:{accessToken}|}");
            }
        }
        """);

    [Fact]
    public Task ConcatenatedMessage_ReportsTheOperand() => Verify("""
        public class Client(ILogger<Client> logger)
        {
            public void Call(string user, string password)
            {
                logger.LogTrace("User " + user + " password " + [|password|]);
            }
        }
        """);

    [Fact]
    public Task ILoggerLog_WithLevelAndArgs() => Verify("""
        public class Client(ILogger logger)
        {
            public void Call(string clientSecret)
            {
                logger.Log(LogLevel.Information, "Secret {S}", [|clientSecret|]);
                logger.LogCritical("Secret {S}", [|clientSecret|]);
            }
        }
        """);

    [Fact]
    public Task ILoggerLog_State() => Verify("""
        public class Client(ILogger logger)
        {
            public void Call(string refreshToken)
            {
                logger.Log(LogLevel.Information, new EventId(1), [|refreshToken|], null, (s, e) => "refreshed");
            }
        }
        """);

    [Fact]
    public Task BeginScope_WithArguments() => Verify("""
        public class Client(ILogger logger)
        {
            public void Call(string sessionId)
            {
                using (logger.BeginScope("Session {SessionId}", [|sessionId|]))
                {
                }
            }
        }
        """);

    [Fact]
    public Task BeginScope_WithStateDictionary_ReportsTheEntry() => Verify("""
        public class Client(ILogger logger)
        {
            public void Call(string user, string value, string bearerToken)
            {
                using var scope = logger.BeginScope(new Dictionary<string, object>
                {
                    ["User"] = user,
                    ["Password"] = [|value|],
                    ["Auth"] = [|bearerToken|],
                });
            }
        }
        """);

    [Fact]
    public Task LoggerMessageDefine_Delegate() => Verify("""
        public static class Log
        {
            private static readonly Action<ILogger, string, string, Exception?> s_login =
                LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(1), "Login {User} {Password}");

            public static void Login(ILogger logger, string user, string password) => s_login(logger, user, [|password|], null);
        }
        """);

    [Fact]
    public Task LoggerMessageAttribute_Method() => Verify("""
        public static partial class Log
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Issued {Token} for {User}")]
            static partial void TokenIssued(ILogger logger, string token, string user);

            public static void Issue(ILogger logger, string jwt, string user) => TokenIssued(logger, [|jwt|], user);
        }
        """);

    [Fact]
    public Task AppLogger_InTopLevelProgram() => Verify("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Logger.LogInformation("Connection {Cs}", [|builder.Configuration.GetConnectionString("Default")|]);
        """);
}
