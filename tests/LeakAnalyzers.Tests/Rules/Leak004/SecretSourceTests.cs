using LeakAnalyzers.Rules;
using LeakAnalyzers.Tests.Verification;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak004;

/// <summary>Every kind of secret source: names of locals/parameters/fields/properties/methods and API values.</summary>
public class SecretSourceTests
{
    private static Task Verify(string source, string? editorConfig = null) => Verify<SecretInLogAnalyzer>.DiagnosticsAsync(source, editorConfig);

    [Fact]
    public Task Names_LocalParameterFieldPropertyMethod() => Verify("""
        public class Settings { public string SmtpPassword { get; set; } = ""; }
        public class Mailer(ILogger<Mailer> logger, Settings settings)
        {
            private readonly string _apiKey = Environment.GetEnvironmentVariable("K") ?? "";
            private string GetAccessToken() => "";

            public void Send(string credential)
            {
                var pwd = Console.ReadLine();
                logger.LogInformation("{A}", [|pwd|]);
                logger.LogInformation("{A}", [|credential|]);
                logger.LogInformation("{A}", [|_apiKey|]);
                logger.LogInformation("{A}", [|settings.SmtpPassword|]);
                logger.LogInformation("{A}", [|GetAccessToken()|]);
                logger.LogInformation("{A}", [|this._apiKey|]);
            }
        }
        """);

    [Fact]
    public Task AuthorizationAndCookieHeaders() => Verify("""
        public class AuditMiddleware(RequestDelegate next, ILogger<AuditMiddleware> logger)
        {
            public async Task InvokeAsync(HttpContext context)
            {
                logger.LogDebug("Auth {Auth}", [|context.Request.Headers["Authorization"]|]);
                logger.LogDebug("Auth {Auth}", [|context.Request.Headers.Authorization|]);
                logger.LogDebug("Cookie {C}", [|context.Request.Headers.Cookie|]);
                logger.LogDebug("Key {K}", [|context.Request.Headers["X-Api-Key"]|]);
                logger.LogDebug("Session {S}", [|context.Request.Cookies[".AspNetCore.Session"]|]);
                logger.LogDebug("Headers {H}", [|context.Request.Headers|]);
                logger.LogDebug("Agent {A}", context.Request.Headers.UserAgent);
                logger.LogDebug("Id {Id}", context.Request.Headers["X-Request-Id"]);
                await next(context);
            }
        }
        """);

    [Fact]
    public Task Configuration_SecretKeys_ConnectionStrings() => Verify("""
        public class Startup(IConfiguration configuration, ILogger<Startup> logger)
        {
            public void Run()
            {
                logger.LogInformation("Key {K}", [|configuration["Jwt:SigningKey"]|]);
                logger.LogInformation("Pwd {P}", [|configuration.GetValue<string>("Smtp:Password")|]);
                logger.LogInformation("Cs {C}", [|configuration.GetConnectionString("Default")|]);
                logger.LogInformation("Cs {C}", [|configuration.GetSection("Smtp:Password").Value|]);
                logger.LogInformation("Issuer {I}", configuration["Jwt:Issuer"]);
                logger.LogInformation("Level {L}", configuration.GetSection("Logging:LogLevel:Default").Value);
                logger.LogInformation("Secrets path {P}", configuration["Secrets:Path"]);
            }
        }
        """);

    [Fact]
    public Task Configuration_Dumps() => Verify("""
        public class Startup(IConfiguration configuration, ILogger<Startup> logger)
        {
            public void Run()
            {
                foreach (var pair in configuration.AsEnumerable())
                    logger.LogInformation("{Key} = {Value}", pair.Key, [|pair.Value|]);
                foreach (var section in configuration.GetChildren())
                    logger.LogInformation("{Key} = {Value}", section.Key, [|section.Value|]);
                logger.LogInformation("All {All}", [|string.Join(", ", configuration.AsEnumerable())|]);
                logger.LogInformation("All {All}", [|string.Join(", ", configuration.AsEnumerable().Select(kv => kv.Key + "=" + kv.Value))|]);
                logger.LogInformation("Keys {All}", string.Join(", ", configuration.AsEnumerable().Select(kv => kv.Key)));
                logger.LogInformation("View {V}", [|((IConfigurationRoot)configuration).GetDebugView()|]);
            }
        }
        """);

    [Fact]
    public Task Credentials_And_ConnectionString_Properties() => Verify("""
        using System.Data.Common;
        using System.Net;
        public class Db(ILogger<Db> logger)
        {
            public void Open(DbConnection connection, NetworkCredential networkCredential)
            {
                logger.LogInformation("Opening {Cs}", [|connection.ConnectionString|]);
                logger.LogInformation("As {User} / {Pwd}", networkCredential.UserName, [|networkCredential.Password|]);
                logger.LogInformation("Db {Db}", connection.Database);
            }
        }
        """);

    [Fact]
    public Task TokenHandlerOutput_And_GetTokenAsync() => Verify("""
        using System.IdentityModel.Tokens.Jwt;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.IdentityModel.JsonWebTokens;
        using Microsoft.IdentityModel.Tokens;
        public class Tokens(ILogger<Tokens> logger)
        {
            public async Task Issue(HttpContext context, SecurityTokenDescriptor descriptor)
            {
                var handler = new JwtSecurityTokenHandler();
                var jwtToken = handler.CreateToken(descriptor);
                var issued = handler.WriteToken(jwtToken);
                logger.LogInformation("Issued {Jwt}", [|issued|]);
                logger.LogInformation("Issued {Jwt}", [|new JsonWebTokenHandler().CreateToken(descriptor)|]);
                logger.LogInformation("Access {T}", [|await context.GetTokenAsync("access_token")|]);
                logger.LogInformation("Expires {E}", jwtToken.ValidTo);
            }
        }
        """);

    [Fact]
    public Task Credential_properties_whose_names_do_not_say_so() => Verify("""
        using System.IdentityModel.Tokens.Jwt;
        using System.Net.Http.Headers;
        using Microsoft.IdentityModel.JsonWebTokens;
        public class Tokens(ILogger<Tokens> logger)
        {
            public void Inspect(string raw, HttpClient client)
            {
                var parsed = new JwtSecurityToken(raw);
                logger.LogInformation("Token {Jwt}", [|parsed.RawData|]);
                logger.LogInformation("Token {Jwt}", [|new JsonWebToken(raw).EncodedToken|]);
                logger.LogDebug("Calling with {Credential}", [|client.DefaultRequestHeaders.Authorization?.Parameter|]);
                logger.LogDebug("Calling with scheme {Scheme}", client.DefaultRequestHeaders.Authorization?.Scheme);
                logger.LogInformation("Token for {Subject} issued by {Issuer}, {Claims} claims", parsed.Subject, parsed.Issuer, parsed.Claims.Count());
            }
        }
        """);
}
