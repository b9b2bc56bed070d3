namespace TumourBoard.Domain.Cases.Guard;

// Numbers written in groups on one line: "02 764 11 11", "85.07.30-033.28", "+32 (0)2 764".
internal static class NumberChain
{
    // Reads up to groups.Length number tokens from first, each separated by spaces or by one of the
    // joiners (with or without spaces around it). Bit k of joinedMask is set when group k follows a
    // joiner rather than plain spaces: a typed layout, not a list of counts.
    public static int Read(TokenisedText text, int first, Span<int> groups, string joiners, out int joinedMask)
    {
        groups[0] = first;
        var count = 1;
        joinedMask = 0;
        var last = first;
        while (count < groups.Length)
        {
            var next = last + 1;
            if (!text.SameLine(next))
                break;
            if (text.IsNumber(next) && text.IsSpaced(next))
            {
                groups[count++] = last = next;
                continue;
            }

            if (joiners.Contains(text.SymbolAt(next), StringComparison.Ordinal) && text.IsNumber(next + 1) && text.SameLine(next + 1))
            {
                joinedMask |= 1 << count;
                groups[count++] = last = next + 1;
                continue;
            }

            break;
        }

        return count;
    }
}
