using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak004;

/// <summary>
/// Tuples print their elements, and their elements go by their names: <c>creds.Item2</c> of a
/// <c>(string User, string Password)</c> is the password; deconstructed locals take their own element.
/// </summary>
public class TupleAndDeconstructionTests
{
    private static Task Verify(string body) => Verify<SecretInLogAnalyzer>.DiagnosticsAsync($$"""
        public record LoginRequest(string UserName, string Password);
        public interface ICredentialStore { (string User, string Password) Get(); (string, string) GetPair(); List<(string User, string Password)> All(); }
        public class Auth(ILogger<Auth> logger, ICredentialStore store)
        {
            private static (string User, string Password) Read(string user, string password) => (user, password);
            public void Run(string user, string password, LoginRequest request, Dictionary<string, string> settings, List<LoginRequest> logins, HttpContext context)
            {
                {{body}}
            }
        }
        """);

    [Theory]
    [InlineData("var creds = store.Get(); logger.LogInformation(\"{Value}\", [|creds.Item2|]);")]
    [InlineData("var t = (user, password); logger.LogInformation(\"{Value}\", [|t.Item2|]);")]
    [InlineData("var creds = store.Get(); logger.LogInformation(\"{Value}\", [|creds|]);")]
    [InlineData("logger.LogInformation(\"{Value}\", [|store.Get()|]);")]
    [InlineData("var (name, value) = (user, password); logger.LogInformation(\"{Value}\", [|value|]);")]
    [InlineData("var (name, value) = store.Get(); logger.LogInformation(\"{Value}\", [|value|]);")]
    [InlineData("var (name, value) = request; logger.LogInformation(\"{Value}\", [|value|]);")]
    [InlineData("var (name, value) = Read(user, password); logger.LogInformation(\"{Value}\", [|value|]);")]
    [InlineData("string name, value; (name, value) = (user, password); logger.LogInformation(\"{Value}\", [|value|]);")]
    [InlineData("foreach (var (name, value) in logins) logger.LogInformation(\"{Value}\", [|value|]);")]
    [InlineData("foreach ((var name, var value) in store.All()) logger.LogInformation(\"{Value}\", [|value|]);")]
    [InlineData("foreach (var (name, values) in context.Request.Headers) logger.LogDebug(\"{Name}: {Values}\", name, [|values|]);")]
    [InlineData("foreach (var (name, (first, second)) in logins.Select(l => (l.UserName, (l.UserName, l.Password)))) logger.LogInformation(\"{Value}\", [|second|]);")]
    public Task Secret_elements_are_reported(string body) => Verify(body);

    [Theory]
    [InlineData("var creds = store.Get(); logger.LogInformation(\"{Value}\", creds.Item1);")]
    [InlineData("var t = (user, password); logger.LogInformation(\"{Value}\", t.Item1);")]
    [InlineData("var (name, value) = (user, password); logger.LogInformation(\"{Value}\", name);")]
    [InlineData("var (name, value) = store.Get(); logger.LogInformation(\"{Value}\", name);")]
    [InlineData("var (name, value) = request; logger.LogInformation(\"{Value}\", name);")]
    [InlineData("var (name, value) = Read(user, password); logger.LogInformation(\"{Value}\", name);")]
    [InlineData("var (a, b) = store.GetPair(); logger.LogInformation(\"{A} {B}\", a, b);")]
    [InlineData("logger.LogInformation(\"{Value}\", (user, password.Length));")]
    [InlineData("foreach (var (key, value) in settings) logger.LogInformation(\"{Key}\", key);")]
    [InlineData("foreach (var (key, value) in settings) logger.LogInformation(\"{Key}={Value}\", key, value);")]
    [InlineData("foreach (var (name, value) in logins) logger.LogInformation(\"{Name}\", name);")]
    [InlineData("foreach (var (name, value) in store.All()) logger.LogInformation(\"{Name}\", name);")]
    [InlineData("foreach (var (name, values) in context.Request.Headers) logger.LogDebug(\"{Name}\", name);")]
    public Task Other_elements_stay_clean(string body) => Verify(body);
}
