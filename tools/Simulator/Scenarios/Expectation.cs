namespace Provisioning.Simulator.Scenarios;

/// <summary>What a step requires of its answer: one of the accepted result codes, then every check.</summary>
public sealed record Expectation(IReadOnlyList<string> ResultCodes, IReadOnlyList<AnswerCheck> Checks)
{
    /// <summary>Accepts any of these result codes, with no further checks yet.</summary>
    public static Expectation Code(params string[] resultCodes) => new(resultCodes, []);

    /// <summary>This expectation with one more check.</summary>
    public Expectation And(AnswerCheck check) => this with { Checks = [.. Checks, check] };
}
