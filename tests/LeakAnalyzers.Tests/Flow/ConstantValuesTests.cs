using System.Linq;
using LeakAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LeakAnalyzers.Tests.Flow;

/// <summary>
/// The constant checks that read a literal's text from its token answer what <see cref="IOperation.ConstantValue"/>
/// answers, for every operation of the corpus and for the string forms a template or a response text is written in.
/// </summary>
public class ConstantValuesTests
{
    private const string Strings = """"
        public static class Texts
        {
            private const string Prefix = "Order ";
            private const int Limit = 3;

            public static object[] All(string name, int count) => new object[]
            {
                "plain {Id}",
                @"verbatim ""quoted"" \n",
                "escaped \t \u00e9 \" {{braces}}",
                """raw "quoted" {Id}""",
                """
                    multi-line raw
                    {Id}
                    """,
                Prefix + "concatenated",
                Prefix,
                nameof(All),
                $"interpolated {name}",
                $"constant interpolation {Prefix}",
                'c',
                42,
                Limit,
                1.5,
                true,
                null!,
                default(string)!,
                name,
                count,
                name + "suffix",
            };

            public static int Utf8() => "utf8"u8.Length;

            public static string Local()
            {
                const string Greeting = "hello";
                return Greeting + nameof(Local);
            }
        }
        """";

    [Fact]
    public async Task Answers_as_ConstantValue_does_for_every_operation_of_the_corpus_and_the_string_forms()
    {
        var checkedOperations = 0;
        var literals = 0;
        var strings = 0;
        var bodies = (await CorpusOperations.Bodies()).Concat(await CorpusOperations.BodiesOf(Strings));
        foreach (var operation in bodies.SelectMany(b => b.DescendantsAndSelf()))
        {
            checkedOperations++;
            var constant = operation.ConstantValue;
            if (operation.Kind == OperationKind.Literal)
                literals++;
            Assert.True(constant.HasValue == ConstantValues.IsConstant(operation), $"IsConstant differs for `{operation.Syntax}` ({operation.Kind})");
            var expectedText = constant is { HasValue: true, Value: string text } ? text : null;
            if (expectedText is not null)
                strings++;
            Assert.Equal(expectedText, ConstantValues.Text(operation));
        }
        Assert.True(checkedOperations > 1_000 && literals > 80 && strings > 50, $"{checkedOperations} operations, {literals} literals, {strings} strings");
    }
}
