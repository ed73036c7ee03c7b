namespace LeakAnalyzers.Bench.Generation;

/// <summary>
/// Renders one log call in the style of a logging library, so templates can say "log a warning" once and get
/// Microsoft.Extensions.Logging (<c>_logger.LogWarning(...)</c>) or Serilog (<c>_log.Warning(...)</c>) code.
/// </summary>
internal sealed class LogStyle
{
    private readonly bool _serilog;

    private LogStyle(bool serilog, string target)
    {
        _serilog = serilog;
        Target = target;
    }

    public string Target { get; }

    public static LogStyle Microsoft(string target) => new(false, target);

    public static LogStyle Serilog(string target) => new(true, target);

    public bool IsSerilog => _serilog;

    public string Debug(string template, params string[] args) => Call("Debug", null, template, args);

    public string Information(string template, params string[] args) => Call("Information", null, template, args);

    public string Warning(string template, params string[] args) => Call("Warning", null, template, args);

    public string Error(string exception, string template, params string[] args) => Call("Error", exception, template, args);

    private string Call(string level, string? exception, string template, string[] args)
    {
        var method = _serilog ? level : "Log" + level;
        var parts = new List<string>(args.Length + 2);
        if (exception is not null)
            parts.Add(exception);
        parts.Add("\"" + template + "\"");
        parts.AddRange(args);
        return $"{Target}.{method}({string.Join(", ", parts)});";
    }
}
