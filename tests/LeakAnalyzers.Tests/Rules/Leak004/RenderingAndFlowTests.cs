using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak004;

/// <summary>Objects whose rendering exposes secret members, data flow into the call, and sanitizers.</summary>
public class RenderingAndFlowTests
{
    private static Task Verify(string source, string? editorConfig = null) => Verify<SecretInLogAnalyzer>.DiagnosticsAsync(source, editorConfig);

    [Fact]
    public Task Record_GeneratedToString_PrintsSecretMember() => Verify("""
        public record LoginRequest(string UserName, string Password);
        public record Page(int Number, string Title);
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(LoginRequest request, Page page)
            {
                logger.LogInformation("Request {Request}", [|request|]);
                logger.LogInformation($"Request {|LEAK004:{request}|}");
                logger.LogInformation("Page {Page}", page);
            }
        }
        """);

    [Fact]
    public Task Record_WithOwnToString_IsTrusted() => Verify("""
        public record LoginRequest(string UserName, string Password)
        {
            public override string ToString() => $"LoginRequest {{ UserName = {UserName} }}";
        }
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(LoginRequest request) => logger.LogInformation("Request {Request}", request);
        }
        """);

    [Fact]
    public Task Record_WithOwnToString_BuiltFromASecret_IsTrusted() => Verify("""
        public record SafeLogin(string UserName, string Password)
        {
            public override string ToString() => UserName;
        }
        public record Login(string UserName, string Password);
        public class Auth(ILogger<Auth> logger)
        {
            public void Run(string user, string pwd)
            {
                logger.LogInformation("Request {Request}", new SafeLogin(user, pwd));
                logger.LogInformation("Request {Request}", [|new Login(user, pwd)|]);
            }
        }
        """);

    [Fact]
    public Task Class_WithoutDestructuring_PrintsTypeName() => Verify("""
        public class LoginModel { public string Password { get; set; } = ""; }
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(LoginModel model) => logger.LogInformation("Model {Model}", model);
        }
        """);

    [Fact]
    public Task AnonymousObject_WithSecretMember() => Verify("""
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string user, string value, string token)
            {
                logger.LogInformation("Login {Data}", [|new { user, Password = value }|]);
                logger.LogInformation("Login {Data}", [|new { user, token }|]);
                logger.LogInformation("Login {Data}", new { user, TokenLength = token.Length });
                var data = new { user, Secret = value };
                logger.LogInformation("Login {Data}", [|data|]);
            }
        }
        """);

    [Fact]
    public Task JsonSerialization_OfSecretMembers() => Verify("""
        using System.Text.Json;
        using System.Text.Json.Serialization;
        public class TokenResponse { public string AccessToken { get; set; } = ""; public int ExpiresIn { get; set; } }
        public class SafeResponse { [JsonIgnore] public string AccessToken { get; set; } = ""; public int ExpiresIn { get; set; } }
        public class Auth(ILogger<Auth> logger)
        {
            public void Issued(TokenResponse response, SafeResponse safe)
            {
                logger.LogInformation("Response {Json}", [|JsonSerializer.Serialize(response)|]);
                logger.LogInformation("Response {Json}", [|Newtonsoft.Json.JsonConvert.SerializeObject(response)|]);
                logger.LogInformation("Response {Json}", JsonSerializer.Serialize(safe));
            }
        }
        """);

    [Fact]
    public Task Destructuring_NestedProjectType() => Verify("""
        public class Smtp { public string Host { get; set; } = ""; public string Password { get; set; } = ""; }
        public class MailOptions { public string From { get; set; } = ""; public Smtp Smtp { get; set; } = new(); }
        public class Mailer(Serilog.ILogger log)
        {
            public void Start(MailOptions options) => log.Information("Options {@Options}", [|options|]);
        }
        """);

    [Fact]
    public Task Flow_ThroughLocalsInterpolationConcatAndFormat() => Verify("""
        public class LoginModel { public string Email { get; set; } = ""; public string Password { get; set; } = ""; }
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(LoginModel model)
            {
                var p = model.Password;
                logger.LogInformation("Attempt {P}", [|p|]);
                var line = $"{model.Email}:{model.Password}";
                logger.LogInformation("Attempt {Line}", [|line|]);
                var joined = "user=" + model.Email + ";pwd=" + model.Password;
                logger.LogInformation("Attempt {Line}", [|joined|]);
                var formatted = string.Format("{0}/{1}", model.Email, model.Password);
                logger.LogInformation("Attempt {Line}", [|formatted|]);
                string copy;
                copy = p.Trim().ToUpperInvariant();
                logger.LogInformation("Attempt {Line}", [|copy|]);
                logger.LogInformation("Attempt {Line}", [|model.Password ?? "none"|]);
                logger.LogInformation("Attempt {Line}", [|model.Password.ToString()|]);
            }
        }
        """);

    [Fact]
    public Task Sanitizers_HashMaskSliceLength() => Verify("""
        using System.Security.Cryptography;
        using System.Text;
        public static class Redaction { public static string Mask(string value) => "***"; }
        public class Payments(ILogger<Payments> logger)
        {
            public void Pay(string cardNumber, string apiKey, string password)
            {
                logger.LogInformation("Card {Last4}", cardNumber[^4..]);
                logger.LogInformation("Card {Last4}", cardNumber.Substring(cardNumber.Length - 4));
                logger.LogInformation("Key {Prefix}", apiKey[..8]);
                logger.LogInformation("Key {Prefix}", apiKey.Substring(0, 8));
                logger.LogInformation("Key {Masked}", Redaction.Mask(apiKey));
                logger.LogInformation("Pwd {Hash}", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password))));
                logger.LogInformation("Pwd length {Length}", password.Length);
                var masked = Redaction.Mask(password);
                logger.LogInformation("Pwd {Masked}", masked);
                logger.LogInformation("Card {Card}", [|cardNumber[^6..]|]);
                logger.LogInformation("Key {Key}", [|apiKey[..12]|]);
            }
        }
        """);

    [Fact]
    public Task Flow_ThroughHelperMethods_StringBuilder_AndLambdas() => Verify("""
        using System.Text;
        public class LoginModel { public string Email { get; set; } = ""; public string Password { get; set; } = ""; }
        public class Auth(ILogger<Auth> logger)
        {
            private static string Describe(LoginModel m) => m.Email + "/" + m.Password;
            private static string Safe(LoginModel m) => m.Email;

            public void Login(LoginModel model)
            {
                logger.LogInformation("Attempt {Line}", [|Describe(model)|]);
                logger.LogInformation("Attempt {Line}", Safe(model));
                var sb = new StringBuilder();
                sb.Append("pwd=");
                sb.Append(model.Password);
                logger.LogInformation("Attempt {Line}", [|sb.ToString()|]);
                Func<string> read = () => model.Password;
                logger.LogInformation("Attempt {Line}", [|read()|]);
                string Local() => model.Password;
                logger.LogInformation("Attempt {Line}", [|Local()|]);
            }
        }
        """);

    [Fact]
    public Task Flow_LoginObjectHoldingAPassword_OtherMembersAreNotSecret() => Verify("""
        public class LoginModel { public string Email { get; set; } = ""; public string Password { get; set; } = ""; }
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string email, string password)
            {
                var model = new LoginModel { Email = email, Password = password };
                logger.LogInformation("Login {Email}", model.Email);
                logger.LogInformation("Login {Model}", model);
            }
        }
        """);

    [Fact]
    public Task Flow_ChainedStringBuilderAppends() => Verify("""
        using System.Text;
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string user, string password)
            {
                var sb = new StringBuilder();
                sb.Append(user).Append(password);
                logger.LogInformation("Attempt {Line}", [|sb.ToString()|]);
            }
        }
        """);

    // A value written whole into a local keeps its receiver (only list.Add(x)-style mutations count just their arguments).
    [Fact]
    public Task Local_initialized_from_a_call_on_a_secret() => Verify("""
        public record LoginRequest(string UserName, string Password);
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(LoginRequest request)
            {
                var trimmed = request.Password.Trim();
                logger.LogInformation("Attempt {Value}", [|trimmed|]);
            }
        }
        """);
}
