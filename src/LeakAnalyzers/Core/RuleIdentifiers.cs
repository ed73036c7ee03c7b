namespace LeakAnalyzers.Core;

/// <summary>The rule IDs, in one place so analyzers, fixes, docs and tests agree.</summary>
public static class RuleIdentifiers
{
    public const string ExceptionDetailsInResponse = "LEAK001";
    public const string DatabaseDetailsInResponse = "LEAK002";
    public const string CatchAllSwallowsHttpErrors = "LEAK003";
    public const string SecretInLog = "LEAK004";
    public const string DebugFeatureOutsideDevelopment = "LEAK005";
}
