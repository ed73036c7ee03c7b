using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak004;

/// <summary>What LEAK004 must not report, the options, and generated code.</summary>
public class NegativeAndOptionTests
{
    private static Task Verify(string source, string? editorConfig = null) => Verify<SecretInLogAnalyzer>.DiagnosticsAsync(source, editorConfig);

    [Fact]
    public Task MetadataNames_AreNotSecrets() => Verify("""
        public class Auth(ILogger<Auth> logger)
        {
            public void Configure(string apiKeyHeaderName, string tokenEndpoint, string secretName, string passwordPolicy, string cookieName, string tokenType)
            {
                logger.LogInformation("{A} {B} {C} {D} {E} {F}", apiKeyHeaderName, tokenEndpoint, secretName, passwordPolicy, cookieName, tokenType);
            }
        }
        """);

    [Fact]
    public Task NonTextTypes_AreNeverSecrets() => Verify("""
        public enum TokenKind { Access, Refresh }
        public class Auth(ILogger<Auth> logger)
        {
            public void Check(int tokenCount, bool hasPassword, bool password, long pin, TokenKind token, DateTime tokenIssued, TimeSpan secret, CancellationToken cancellationToken, decimal cvv)
            {
                logger.LogInformation("{A} {B} {C} {D} {E} {F} {G} {H} {I}", tokenCount, hasPassword, password, pin, token, tokenIssued, secret, cancellationToken, cvv);
            }
        }
        """);

    [Fact]
    public Task MessageTextMentioningSecret_WithHarmlessArgument() => Verify("""
        public class Auth(ILogger<Auth> logger)
        {
            public void Reset(string email, string userId)
            {
                logger.LogInformation("Password reset requested for {Email}", email);
                logger.LogWarning("Invalid token presented by {UserId}", userId);
                logger.LogInformation($"Password changed for {email}");
                Console.WriteLine("Enter your password:");
                Serilog.Log.Information("API key rotated for {Password}", userId);
            }
        }
        """);

    [Fact]
    public Task Constants_And_Conditions_AreNotLogged() => Verify("""
        public class Auth(ILogger<Auth> logger)
        {
            private const string Password = "********";
            public void Check(string token)
            {
                logger.LogInformation("Placeholder {P}", Password);
                logger.LogInformation("Has token: {HasToken}", !string.IsNullOrEmpty(token));
                logger.LogInformation("Token present: {Present}", token != null);
                if (token.StartsWith("Bearer "))
                    logger.LogInformation("Bearer scheme used");
            }
        }
        """);

    [Fact]
    public Task NotALogCall_IsIgnored() => Verify("""
        public class Auth
        {
            public void Check(string password, System.Text.StringBuilder sb)
            {
                sb.Append(password);
                var hashed = password.GetHashCode();
                Save(password);
            }
            private static void Save(string value) { }
        }
        """);

    [Fact]
    public Task RecordsAndClasses_WithoutSecretMembers() => Verify("""
        public record Order(int Id, string Customer, decimal Total);
        public class Product { public string Name { get; set; } = ""; public string Sku { get; set; } = ""; }
        public class Shop(ILogger<Shop> logger)
        {
            public void Place(Order order, Product product)
            {
                logger.LogInformation("Order {Order}", order);
                Serilog.Log.Information("Product {@Product}", product);
                logger.LogInformation("Json {Json}", System.Text.Json.JsonSerializer.Serialize(product));
                logger.LogInformation("Anon {Anon}", new { order.Id, product.Name });
            }
        }
        """);

    [Fact]
    public Task Option_SecretWords() => Verify("""
        public class Bank(ILogger<Bank> logger)
        {
            public void Open(string tan, string iban)
            {
                logger.LogInformation("{Tan} {Iban}", [|tan|], iban);
            }
        }
        """, "dotnet_code_quality.LEAK004.secret_words = tan");

    [Fact]
    public Task Option_SecretWords_WithoutRuleId() => Verify("""
        public class Bank(ILogger<Bank> logger)
        {
            public void Open(string tan) => logger.LogInformation("{Tan}", [|tan|]);
        }
        """, "dotnet_code_quality.secret_words = tan");

    [Fact]
    public async Task Options_apply_only_to_the_files_whose_section_sets_them()
    {
        // With no option set anywhere the analyzer reads no file's options; a section for one file must still work.
        var test = new LeakTest(new SecretInLogAnalyzer())
        {
            EditorConfig = "[Test1.cs]\ndotnet_code_quality.LEAK004.secret_words = tan\ndotnet_code_quality.LEAK004.additional_log_methods = MyApp.Audit.Write",
        };
        test.Sources.Add("""
            namespace MyApp
            {
                public static class Audit { public static void Write(string message) { } }
                public class Unconfigured(ILogger<Unconfigured> logger)
                {
                    public void Open(string tan, string password)
                    {
                        logger.LogInformation("{Tan}", tan);
                        Audit.Write(password);
                    }
                }
            }
            """);
        test.Sources.Add("""
            namespace MyApp
            {
                public class Configured(ILogger<Configured> logger)
                {
                    public void Open(string tan, string password)
                    {
                        logger.LogInformation("{Tan}", [|tan|]);
                        Audit.Write([|password|]);
                    }
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public Task Option_NonSecretWords() => Verify("""
        public class Bank(ILogger<Bank> logger)
        {
            public void Open(string pin, string publicToken, string password)
            {
                logger.LogInformation("{Pin} {T} {P}", pin, publicToken, [|password|]);
            }
        }
        """, "dotnet_code_quality.LEAK004.non_secret_words = pin, public token");

    [Fact]
    public Task Option_SanitizerMethods() => Verify("""
        public static class Vault
        {
            public static string ApiKeyFingerprint(string value) => value.Length.ToString();
            public static string ApiKeyPreview(string value) => value;
        }
        public class Bank(ILogger<Bank> logger)
        {
            public void Open(string apiKey)
            {
                logger.LogInformation("{Key}", Vault.ApiKeyFingerprint(apiKey));
                logger.LogInformation("{Key}", [|Vault.ApiKeyPreview(apiKey)|]);
            }
        }
        """, "dotnet_code_quality.LEAK004.sanitizer_methods = Vault.ApiKeyFingerprint");

    [Fact]
    public Task Option_SanitizerMethods_Unset() => Verify("""
        public static class Vault { public static string ApiKeyFingerprint(string value) => value.Length.ToString(); }
        public class Bank(ILogger<Bank> logger)
        {
            public void Open(string apiKey) => logger.LogInformation("{Key}", [|Vault.ApiKeyFingerprint(apiKey)|]);
        }
        """);

    [Fact]
    public Task Option_AdditionalLogMethods() => Verify("""
        namespace MyApp
        {
            public static class Audit
            {
                public static void Write(string message, params object[] args) { }
                public static void Record(string entry) { }
            }
            public class Bank
            {
                public void Open(string password)
                {
                    Audit.Write("Opened {P}", [|password|]);
                    Audit.Record([|password|]);
                }
            }
        }
        """, "dotnet_code_quality.LEAK004.additional_log_methods = MyApp.Audit.Write, M:MyApp.Audit.Record(System.String)");

    [Fact]
    public Task Option_AdditionalLogMethods_Unset_IsNotASink() => Verify("""
        namespace MyApp
        {
            public static class Audit { public static void Write(string message, params object[] args) { } }
            public class Bank { public void Open(string password) => Audit.Write("Opened {P}", password); }
        }
        """);

    [Fact]
    public Task GeneratedCode_IsSkipped()
    {
        var test = new LeakTest(new SecretInLogAnalyzer());
        test.Sources.Add("public class Empty { }");
        test.ExtraDocuments.Add(("Client.g.cs", """
            // <auto-generated/>
            public class Generated(Microsoft.Extensions.Logging.ILogger logger)
            {
                public void Run(string password) => Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "{P}", password);
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Pragma_Suppresses() => Verify("""
        public class Auth(ILogger<Auth> logger)
        {
            public void Login(string password)
            {
        #pragma warning disable LEAK004
                logger.LogInformation("{P}", password);
        #pragma warning restore LEAK004
            }
        }
        """);
}
