using System.Collections.Immutable;
using System.Linq;
using LeakAnalyzers.Core;
using LeakAnalyzers.Knowledge;
using LeakAnalyzers.Rules.SecretInLog;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LeakAnalyzers.Tests.Rules.Leak004;

/// <summary>
/// Whether a value's type can carry a secret into a log, asked of the types operations carry. Under
/// <c>#nullable enable</c> each operation's type is a wrapper of its own; types without type arguments are remembered
/// by their definition, and the answer must be the same for every wrapper and every construction.
/// </summary>
public class SecretCarrierTypesTests
{
    private const string Source = """
        #nullable enable
        using System.Collections.Generic;

        public record Login(string User, string Password);
        public class Order { }
        public class Outer<T> { public class Inner : List<T> { } }

        public class Shapes
        {
            public void Values(string? maybe, string sure, Login? login, Order order, int count, List<string> names,
                List<int> numbers, Outer<string>.Inner texts, Outer<int>.Inner digits, string[] array)
            {
                Use(maybe); Use(sure); Use(login); Use(order); Use(count); Use(names); Use(numbers);
                Use(texts); Use(digits); Use(array); Use(maybe); Use(login); Use(order); Use(texts); Use(digits);
            }

            private static void Use(object? value) { }
        }
        """;

    [Fact]
    public void Answers_for_every_annotated_and_constructed_wrapper_asked_again_and_again()
    {
        var (compilation, references) = ParameterReads.Of(Source, "Values");
        // The premise: the same parameter read twice gives two different type objects.
        Assert.NotSame(references[0].Type, references[10].Type);

        var options = new PerTreeCache<SecretInLogOptions>(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), compilation, SecretInLogOptions.Parse);
        var policy = new SecretTaintPolicy(SecretSourceSymbols.Create(compilation), options);
        var answers = references.Select(r => (r.Parameter.Name, policy.CanCarry(r.Type))).ToList();
        Assert.Equal(
            new[]
            {
                ("maybe", true), ("sure", true), ("login", true), ("order", false), ("count", false), ("names", true),
                ("numbers", false), ("texts", true), ("digits", false), ("array", true), ("maybe", true), ("login", true),
                ("order", false), ("texts", true), ("digits", false),
            },
            answers);
    }
}
