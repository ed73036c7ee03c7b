using Xunit;

namespace LeakAnalyzers.Tests.Robustness;

/// <summary>
/// Every analyzer and code fix over the sample app, the built-in corpus and the other tests' inputs — first as
/// written, then after a few hundred seeded mutations. No analyzer or fix may throw or hang on any of them.
/// A failure names the input and the seed, which reproduce the mutant exactly.
/// </summary>
public class MutationSweepTests
{
    private const int SampleMutants = 100;
    private const int CorpusMutants = 200;

    [Fact]
    public async Task Corpus_snippets_compile()
    {
        // The corpus is only worth mutating if the analyzers see meaningful code in it first.
        var errors = new List<string>();
        foreach (var (name, source) in SnippetCorpus.All)
        {
            var project = RobustnessHarness.CreateProject(new SweepInput(name, new[] { ($"/src/{name}.cs", source) }));
            var compilation = (await project.GetCompilationAsync())!;
            errors.AddRange(compilation.GetDiagnostics()
                .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                .Select(d => $"{name}: {d}"));
        }
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Unmutated_inputs_are_handled()
    {
        var inputs = new List<SweepInput> { new("sample app", InputSources.SampleApp()) };
        inputs.AddRange(Pool().Select(p => new SweepInput(p.Name, new[] { ("/src/Input.cs", p.Source) })));
        await AssertNoProblemsAsync(inputs);
    }

    [Fact]
    public async Task Mutants_of_the_sample_app_are_handled()
    {
        var files = InputSources.SampleApp();
        Assert.NotEmpty(files);
        var inputs = new List<SweepInput>();
        for (var seed = 0; seed < SampleMutants; seed++)
        {
            var target = seed % files.Count;
            var (text, edits) = SourceMutator.Mutate(files[target].Text, seed);
            var documents = files.Select((f, i) => i == target ? (f.Path, text) : f).ToList();
            inputs.Add(new SweepInput($"sample {files[target].Path} seed {seed} ({edits})", documents));
        }
        await AssertNoProblemsAsync(inputs);
    }

    [Fact]
    public async Task Mutants_of_the_corpus_and_test_inputs_are_handled()
    {
        var pool = Pool();
        var inputs = new List<SweepInput>();
        for (var seed = 0; seed < CorpusMutants; seed++)
        {
            var (name, source) = pool[seed % pool.Count];
            var (text, edits) = SourceMutator.Mutate(source, seed);
            inputs.Add(new SweepInput($"{name} seed {seed} ({edits})", new[] { ("/src/Input.cs", text) }));
        }
        await AssertNoProblemsAsync(inputs);
    }

    [Fact]
    public void Mutator_is_deterministic_and_changes_the_code()
    {
        var source = SnippetCorpus.All[0].Source;
        Assert.Equal(SourceMutator.Mutate(source, 42), SourceMutator.Mutate(source, 42));
        var changed = Enumerable.Range(0, 20).Count(seed => SourceMutator.Mutate(source, seed).Text != source);
        Assert.True(changed >= 19, $"only {changed} of 20 mutants differ from the source");
    }

    /// <summary>The corpus, the single-file language shapes and (interleaved, so every kind gets mutants) the test inputs.</summary>
    private static List<(string Name, string Source)> Pool()
    {
        var pool = new List<(string Name, string Source)>(SnippetCorpus.All.Select(s => ("corpus " + s.Name, s.Source)));
        pool.AddRange(LanguageShapes.All.Where(s => s.Documents.Count == 1).Select(s => ("shape " + s.Name, s.Documents[0].Text)));
        var testInputs = InputSources.TestInputs();
        var merged = new List<(string, string)>();
        for (var i = 0; i < Math.Max(pool.Count, testInputs.Count); i++)
        {
            if (i < pool.Count)
                merged.Add(pool[i]);
            if (i < testInputs.Count)
                merged.Add(("test input " + testInputs[i].Name, testInputs[i].Source));
        }
        return merged;
    }

    private static async Task AssertNoProblemsAsync(IReadOnlyList<SweepInput> inputs)
    {
        var problems = new List<string>();
        foreach (var input in inputs)
            problems.AddRange((await RobustnessHarness.CheckAsync(input)).Problems);
        Assert.True(problems.Count == 0,
            $"{problems.Count} problem(s) over {inputs.Count} inputs:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Take(10)));
    }
}
