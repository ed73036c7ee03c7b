using System;

namespace LeakAnalyzers.Core;

/// <summary>
/// One object of type <typeparamref name="T"/> per thread, lent to one user at a time: the hot callbacks take it, use
/// it, empty it and give it back, instead of allocating one per call. Allocations matter in a callback beyond their
/// own cost: a collection of the compiler's heap (hundreds of milliseconds at 200k lines) starts in whichever
/// allocation exhausts the budget, and its pause is charged to that callback. A user that finds the spare taken (a
/// nested use on the same thread) gets null and makes its own, so nesting is safe; an object given back must hold no
/// reference into the compilation it was used on.
/// </summary>
internal static class ThreadSpare<T>
    where T : class
{
    [ThreadStatic]
    private static T? t_spare;

    /// <summary>The thread's spare, now the caller's; null when there is none (first use, or lent out).</summary>
    public static T? Take()
    {
        var spare = t_spare;
        t_spare = null;
        return spare;
    }

    /// <summary>Gives <paramref name="emptied"/> back for the next user on this thread.</summary>
    public static void Give(T emptied) => t_spare = emptied;
}
