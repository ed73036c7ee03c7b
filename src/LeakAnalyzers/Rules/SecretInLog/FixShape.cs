namespace LeakAnalyzers.Rules.SecretInLog;

/// <summary>What a LEAK004 location is, so the code fix knows how to take the secret out.</summary>
public enum FixShape
{
    /// <summary>An argument after a literal template: drop it together with its {Placeholder}.</summary>
    Argument,
    /// <summary>An interpolation hole in the message: drop the hole.</summary>
    Hole,
    /// <summary>An operand of a string concatenation in the message: drop the operand.</summary>
    Operand,
    /// <summary>Any other value (the only argument, a delegate or [LoggerMessage] argument): only redaction applies.</summary>
    Value,
}
