using System.Collections.Immutable;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// Every method that writes its arguments to a log, as data. A row names a type by full metadata name and the methods
/// on it; what each argument means is decided from the parameters, the same way for every library
/// (<see cref="LogSinkSymbols"/>): the parameter named <c>message</c>, <c>messageTemplate</c> or <c>format</c>
/// followed by more parameters is a message template whose holes map to the arguments after it; every other argument
/// is written, except the logger itself, exceptions, levels, event IDs, format providers and delegates.
/// Two shapes are not method rows: delegates created by <c>LoggerMessage.Define</c> (invoked as
/// <c>Action&lt;ILogger, T1, …, Exception?&gt;</c>) and methods carrying <c>[LoggerMessage]</c>.
/// </summary>
internal static class LogSinkCatalogue
{
    private static readonly string[] MelLevels = { "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "BeginScope" };
    private static readonly string[] SerilogLevels = { "Write", "Verbose", "Debug", "Information", "Warning", "Error", "Fatal", "ForContext" };
    private static readonly string[] NLogLevels = { "Log", "Trace", "Debug", "Info", "Warn", "Error", "Fatal", "ConditionalTrace", "ConditionalDebug" };
    private static readonly string[] Log4NetLevels =
    {
        "Debug", "Info", "Warn", "Error", "Fatal", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat",
    };
    private static readonly string[] DiagnosticsWrites = { "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "Fail", "Assert" };
    private static readonly string[] TraceWrites =
    {
        "Write", "WriteLine", "WriteIf", "WriteLineIf", "Fail", "Assert", "TraceInformation", "TraceWarning", "TraceError",
    };

    /// <summary>
    /// (type full metadata name, method names, whether its templates use named holes that accept arguments — the
    /// structured loggers, whose interpolated messages the code fix can turn into templates).
    /// </summary>
    public static readonly ImmutableArray<(string Type, string[] Methods, bool NamedTemplates)> Rows = ImmutableArray.Create(
        // Microsoft.Extensions.Logging
        ("Microsoft.Extensions.Logging.LoggerExtensions", MelLevels, true),
        ("Microsoft.Extensions.Logging.ILogger", new[] { "Log", "BeginScope" }, true),
        // Serilog (the static facade, the interface and the concrete logger, whose methods do not bind to the interface)
        ("Serilog.ILogger", SerilogLevels, true),
        ("Serilog.Log", SerilogLevels, true),
        ("Serilog.Core.Logger", SerilogLevels, true),
        ("Serilog.Context.LogContext", new[] { "PushProperty" }, false),
        // NLog
        ("NLog.Logger", NLogLevels, true),
        ("NLog.ILogger", NLogLevels, true),
        ("NLog.ILoggerBase", NLogLevels, true),
        ("NLog.ILoggerExtensions", NLogLevels, true),
        // log4net (not referenced by modern projects; matched by name only)
        ("log4net.ILog", Log4NetLevels, false),
        // Console and System.Diagnostics
        ("System.Console", new[] { "Write", "WriteLine" }, false),
        ("System.Diagnostics.Debug", DiagnosticsWrites, false),
        ("System.Diagnostics.Trace", TraceWrites, false));

    /// <summary>
    /// <c>TextWriter</c> writes are log writes only on the console's own streams: <c>Console.Out.WriteLine(x)</c>,
    /// <c>Console.Error.Write(x)</c>. (type, method names, receiver type, receiver properties).
    /// </summary>
    public static readonly (string Type, string[] Methods, string ReceiverType, string[] ReceiverProperties) ConsoleStreams =
        ("System.IO.TextWriter", new[] { "Write", "WriteLine", "WriteAsync", "WriteLineAsync" }, "System.Console", new[] { "Out", "Error" });

    /// <summary>Parameter names that hold a message template or composite format string.</summary>
    public static readonly ImmutableHashSet<string> TemplateParameterNames = ImmutableHashSet.Create("message", "messageTemplate", "messageFormat", "format");

    /// <summary>Serilog's <c>ForContext(name, value, destructureObjects)</c> and <c>PushProperty</c>: this flag destructures the value.</summary>
    public const string DestructureParameterName = "destructureObjects";

    /// <summary>Types whose arguments are never written as text (the logger, levels, IDs, providers).</summary>
    public static readonly ImmutableArray<string> IgnoredParameterTypes = ImmutableArray.Create(
        "System.Exception",
        "System.IFormatProvider",
        "System.Type",
        "Microsoft.Extensions.Logging.ILogger",
        "Microsoft.Extensions.Logging.EventId",
        "Serilog.ILogger",
        "Serilog.Core.ILogEventEnricher",
        "NLog.LogLevel");

    /// <summary>Debug/Trace <c>WriteLine(message, category)</c>: the category is written but is not a template argument.</summary>
    public const string CategoryParameterName = "category";

    public const string LoggerMessageAttribute = "Microsoft.Extensions.Logging.LoggerMessageAttribute";
    public const string MelLogger = "Microsoft.Extensions.Logging.ILogger";
}
