using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak004;

/// <summary>A secret a class keeps in one of its own private mutable string fields is logged from another member.</summary>
public class StoredFieldTests
{
    private static Task Verify(string store, string log) => Verify<SecretInLogAnalyzer>.DiagnosticsAsync($$"""
        public record LoginRequest(string UserName, string Password);
        public class Session(ILogger<Session> logger)
        {
            private string _current = "";
            public void Start(LoginRequest login) { {{store}} }
            public void Trace() { {{log}} }
        }
        """);

    [Fact]
    public Task Password_stored_then_logged_elsewhere() =>
        Verify("_current = login.Password;", "logger.LogInformation(\"Current {Value}\", [|_current|]);");

    [Fact]
    public Task User_name_stored_then_logged_elsewhere_is_clean() =>
        Verify("_current = login.UserName;", "logger.LogInformation(\"Current {Value}\", _current);");
}
