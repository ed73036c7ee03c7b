using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Core;

/// <summary>
/// Every descriptor comes from <see cref="Create"/>, which fixes the category, the default severity
/// and the help link, so no rule can drift from the catalogue in docs/rules.
/// </summary>
public static class RuleDescriptors
{
    public const string Category = "Security";
    public const string HelpLinkBase = "https://github.com/leakanalyzers/leakanalyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor ExceptionDetailsInResponse = Create(
        RuleIdentifiers.ExceptionDetailsInResponse,
        "Exception details are written to an HTTP response",
        "'{0}' reaches the HTTP response through '{1}'",
        "Exception messages, stack traces, type names and inner exceptions tell an attacker how the server is built. Return a generic message with a correlation ID and log the details instead.");

    public static readonly DiagnosticDescriptor DatabaseDetailsInResponse = Create(
        RuleIdentifiers.DatabaseDetailsInResponse,
        "Database error details or SQL text are written to an HTTP response",
        "'{0}' reaches the HTTP response through '{1}'",
        "Database errors, SQL text and connection strings reveal schema, queries and credentials. Return a generic message with a correlation ID and log the details instead.");

    public static readonly DiagnosticDescriptor CatchAllSwallowsHttpErrors = Create(
        RuleIdentifiers.CatchAllSwallowsHttpErrors,
        "Catch-all handler turns deliberate HTTP errors into 500 responses",
        "This catch-all handler turns {0} into a 500 response; let {1} through or map {1} to {2} own status",
        "Errors raised on purpose with a status (400 for a malformed body, 413 for an oversized one, the application's own 404s) must keep that status. A handler that catches everything answers 500 instead, misleads clients and caches, and fills monitoring with errors that are not errors.");

    public static readonly DiagnosticDescriptor SecretInLog = Create(
        RuleIdentifiers.SecretInLog,
        "Secret or credential is written to a log",
        "'{0}' looks like a secret and is written to the log by '{1}'",
        "Logs are read by many people and kept for a long time. Passwords, tokens, API keys, connection strings, Authorization headers, cookies and card numbers must never reach them.");

    public static readonly DiagnosticDescriptor DebugFeatureOutsideDevelopment = Create(
        RuleIdentifiers.DebugFeatureOutsideDevelopment,
        "Detailed errors or debug features are enabled outside Development",
        "'{0}' is enabled outside Development; guard it with IsDevelopment()",
        "Developer exception pages, detailed errors and sensitive-data logging send stack traces, headers, cookies and query parameters to clients or logs. Enable them only in the Development environment.");

    /// <summary>LEAK005 for code that forces the Development environment: guarding it would be meaningless, so it says what to do instead.</summary>
    public static readonly DiagnosticDescriptor DevelopmentEnvironmentForced = Create(
        RuleIdentifiers.DebugFeatureOutsideDevelopment,
        "Detailed errors or debug features are enabled outside Development",
        "'{0}' forces the Development environment in code, which turns every IsDevelopment() guard on; set the environment outside the code (launchSettings.json, ASPNETCORE_ENVIRONMENT)",
        "Forcing the Development environment in code switches on the developer exception page and every other Development-only feature wherever the application runs.");

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string description) =>
        new(id, title, messageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: description, helpLinkUri: HelpLinkBase + id + ".md");
}
