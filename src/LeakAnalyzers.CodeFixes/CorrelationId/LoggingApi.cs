using System;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>How an existing log call can be made to carry the correlation ID.</summary>
internal enum TemplateExtension
{
    /// <summary>Structured template: append " {ErrorId}" to the template and the ID to the arguments.</summary>
    PlaceholderAndArgument,
    /// <summary>The message is a plain object (log4net): turn it into an interpolated string ending in the ID.</summary>
    Interpolation,
    /// <summary>Positional format strings (Trace): never edited, a call of our own is added instead.</summary>
    None,
}

/// <summary>
/// One logging library as data: which types are its loggers, which methods log, what the template parameter is
/// called, and how the fix writes an Error call with it. Order in <see cref="All"/> is the order of preference.
/// </summary>
internal sealed class LoggingApi
{
    private LoggingApi(string name, string methodNamespace, string[] loggerTypes, string[] logMethods, TemplateExtension extension, string newCallFormat, string? extensionNamespace)
    {
        Name = name;
        MethodNamespace = methodNamespace;
        LoggerTypes = loggerTypes;
        LogMethods = logMethods;
        Extension = extension;
        NewCallFormat = newCallFormat;
        ExtensionNamespace = extensionNamespace;
    }

    public string Name { get; }
    /// <summary>Namespace (or full type name) that declares the logging methods.</summary>
    public string MethodNamespace { get; }
    /// <summary>Metadata names of logger types a variable in scope may have.</summary>
    public string[] LoggerTypes { get; }
    public string[] LogMethods { get; }
    public TemplateExtension Extension { get; }
    /// <summary>$L logger, $E exception, $I ID variable. The template is constant on purpose: one log event type.</summary>
    public string NewCallFormat { get; }
    /// <summary>Namespace that must be imported because the log methods are extension methods.</summary>
    public string? ExtensionNamespace { get; }

    public const string Template = "Unhandled error {ErrorId}";

    public static readonly LoggingApi MicrosoftExtensions = new(
        "Microsoft.Extensions.Logging", "Microsoft.Extensions.Logging",
        new[] { "Microsoft.Extensions.Logging.ILogger" },
        new[] { "LogError", "LogCritical", "LogWarning", "LogInformation", "LogDebug", "LogTrace", "Log" },
        TemplateExtension.PlaceholderAndArgument,
        "$L.LogError($E, \"" + Template + "\", $I);",
        "Microsoft.Extensions.Logging");

    public static readonly LoggingApi Serilog = new(
        "Serilog", "Serilog",
        new[] { "Serilog.ILogger" },
        new[] { "Error", "Fatal", "Warning", "Information", "Debug", "Verbose", "Write" },
        TemplateExtension.PlaceholderAndArgument,
        "$L.Error($E, \"" + Template + "\", $I);",
        null);

    public static readonly LoggingApi NLog = new(
        "NLog", "NLog",
        new[] { "NLog.ILogger", "NLog.Logger" },
        new[] { "Error", "Fatal", "Warn", "Info", "Debug", "Trace" },
        TemplateExtension.PlaceholderAndArgument,
        "$L.Error($E, \"" + Template + "\", $I);",
        null);

    public static readonly LoggingApi Log4Net = new(
        "log4net", "log4net",
        new[] { "log4net.ILog" },
        new[] { "Error", "Fatal", "Warn", "Info", "Debug" },
        TemplateExtension.Interpolation,
        "$L.Error($\"Unhandled error {$I}\", $E);",
        null);

    /// <summary>Last resort when no logging library can be reached: System.Diagnostics.Trace, always referenced.</summary>
    public static readonly LoggingApi Trace = new(
        "System.Diagnostics.Trace", "System.Diagnostics.Trace",
        Array.Empty<string>(),
        new[] { "TraceError" },
        TemplateExtension.None,
        "$L.TraceError(\"Unhandled error {0}: {1}\", $I, $E);",
        null);

    public static readonly LoggingApi[] All = { MicrosoftExtensions, Serilog, NLog, Log4Net, Trace };

    /// <summary>The API a called method belongs to, when it is one of its logging methods.</summary>
    public static LoggingApi? ForMethod(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
            return null;
        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        var full = ns.Length == 0 ? type.Name : ns + "." + type.Name;
        foreach (var api in All)
        {
            var inNamespace = full == api.MethodNamespace || ns == api.MethodNamespace
                || ns.StartsWith(api.MethodNamespace + ".", StringComparison.Ordinal);
            if (inNamespace && Array.IndexOf(api.LogMethods, method.Name) >= 0)
                return api;
        }
        return null;
    }

    public bool IsLoggerType(ITypeSymbol? type, Compilation compilation)
    {
        if (type is null)
            return false;
        foreach (var name in LoggerTypes)
        {
            var known = compilation.GetTypeByMetadataName(name);
            if (known is not null && TypeRelations.IsOrInherits(type, known))
                return true;
        }
        return false;
    }
}
