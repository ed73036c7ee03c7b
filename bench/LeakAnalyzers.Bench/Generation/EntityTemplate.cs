namespace LeakAnalyzers.Bench.Generation;

/// <summary>The entity class, its DTO records and its not-found exception.</summary>
internal static class EntityTemplate
{
    public static string Render(Module m, LeakDice dice)
    {
        var extra = dice.Chance(0.5)
            ? "\n    public string? Notes { get; set; }\n    public int Version { get; set; }\n    public Guid ExternalId { get; set; }"
            : string.Empty;
        return $$"""
            namespace {{m.Namespace}};

            public sealed class {{m.Entity}}
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public string? Description { get; set; }
                public decimal Amount { get; set; }
                public DateTime CreatedAt { get; set; }
                public bool IsActive { get; set; }{{extra}}
            }

            public sealed record {{m.Entity}}Dto(int Id, string Name, decimal Amount);

            public sealed record Create{{m.Entity}}Request(string Name, string? Description, decimal Amount);

            public sealed class {{m.Entity}}NotFoundException(int id) : Exception($"{{m.Entity}} {id} was not found")
            {
                public int Id { get; } = id;
            }

            """;
    }
}
