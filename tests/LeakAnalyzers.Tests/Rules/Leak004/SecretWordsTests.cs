using LeakAnalyzers.Knowledge;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak004;

/// <summary>The identifier classifier behind LEAK004: splitting, secret terms, qualifiers, harmless compounds.</summary>
public class SecretWordsTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("Password")]
    [InlineData("newPassword")]
    [InlineData("user_password")]
    [InlineData("PWD")]
    [InlineData("accessToken")]
    [InlineData("refresh_token")]
    [InlineData("IdToken")]
    [InlineData("csrf-token")]
    [InlineData("apiKey")]
    [InlineData("APIKey")]
    [InlineData("api_key")]
    [InlineData("apikey")]
    [InlineData("ClientSecret")]
    [InlineData("secretKey")]
    [InlineData("connectionString")]
    [InlineData("ConnString")]
    [InlineData("Authorization")]
    [InlineData("X-Api-Key")]
    [InlineData("Set-Cookie")]
    [InlineData("sessionId")]
    [InlineData("pin")]
    [InlineData("cardNumber")]
    [InlineData("creditCardNumber")]
    [InlineData("cvv")]
    [InlineData("ssn")]
    [InlineData("credentials")]
    [InlineData("GeneratePasswordResetTokenAsync")]
    [InlineData("WriteToken")]
    public void Secret(string name) => Assert.True(SecretWords.Default.IsSecretName(name), name);

    [Theory]
    [InlineData("tokenCount")]
    [InlineData("passwordPolicy")]
    [InlineData("apiKeyHeaderName")]
    [InlineData("secretName")]
    [InlineData("tokenEndpoint")]
    [InlineData("TokenUrl")]
    [InlineData("passwordLength")]
    [InlineData("refreshTokenLifetime")]
    [InlineData("tokenExpiry")]
    [InlineData("passwordHash")]
    [InlineData("TokenType")]
    [InlineData("cookieName")]
    [InlineData("sessionIdCookieName")]
    [InlineData("passwordRequired")]
    [InlineData("mapping")]
    [InlineData("spinner")]
    [InlineData("span")]
    [InlineData("cancellationToken")]
    [InlineData("continuationToken")]
    [InlineData("tokenizer")]
    [InlineData("userName")]
    [InlineData("email")]
    [InlineData("tokenValidationParameters")]
    [InlineData("jwtOptions")]
    public void NotSecret(string name) => Assert.False(SecretWords.Default.IsSecretName(name), name);

    [Theory]
    [InlineData("Jwt:SigningKey", true)]
    [InlineData("Smtp:Password", true)]
    [InlineData("Smtp__Password", true)]
    [InlineData("ConnectionStrings:Default", true)]
    [InlineData("ConnectionStrings__Orders", true)]
    [InlineData("Authentication:Schemes:Bearer:ValidAudiences", false)]
    [InlineData("Passwords:MinLength", false)]
    [InlineData("Logging:LogLevel:Default", false)]
    [InlineData("Stripe:ApiKey", true)]
    [InlineData("Jwt:Issuer", false)]
    [InlineData("Secrets:Path", false)]
    [InlineData("Password", true)]
    [InlineData("Integrations:Crm:ApiKeyName", false)]
    [InlineData("Integrations:Crm__ApiKey", true)]
    [InlineData("App:Connection_Strings:Main", true)]
    [InlineData("App:Connection_Strings:MainTimeout", false)]
    [InlineData("App:ConnectionStringsX:Main", false)]
    [InlineData("App:Api_Keys__Stripe", true)]
    [InlineData(":", false)]
    [InlineData("", false)]
    [InlineData("a:__:", false)]
    public void ConfigurationKeys(string key, bool secret) => Assert.Equal(secret, SecretWords.Default.IsSecretConfigurationKey(key));

    [Fact]
    public void Split_HandlesAcronymsDigitsAndSeparators() =>
        Assert.Equal(new[] { "api", "key", "header", "name", "2" }, SecretWords.Split("APIKeyHeader_name2"));

    [Fact]
    public void Options_AddAndRemoveWords()
    {
        var words = new SecretWords(System.Collections.Immutable.ImmutableArray.Create("pin2", "Vault Key"), System.Collections.Immutable.ImmutableArray.Create("pin"));
        Assert.True(words.IsSecretName("userPin2"));
        Assert.True(words.IsSecretName("vaultKey"));
        Assert.False(words.IsSecretName("pin"));
        Assert.True(words.IsSecretName("password"));
    }
}
