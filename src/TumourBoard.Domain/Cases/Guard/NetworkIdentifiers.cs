namespace TumourBoard.Domain.Cases.Guard;

// E-mail addresses, web addresses and IP addresses.
internal static class NetworkIdentifiers
{
    // Character-level scans; each moves forward only, so together they stay linear.
    public static void FindInText(string text, List<Candidate> found)
    {
        FindEmails(text, found);
        FindUrls(text, found);
        FindIpv6(text, found);
    }

    // 10.0.12.7, 192.168.1.20:8080. A longer dotted run (1.2.3.4.5) is a version or a list, not an address.
    public static void FindIpv4(TokenisedText text, List<Candidate> found)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (!IsOctet(text, i) || !text.StartsCleanly(i))
                continue;
            var last = i;
            var octets = 1;
            while (octets < 4 && text.IsSymbol(last + 1, '.') && text.IsGlued(last + 1) && text.IsGlued(last + 2) && IsOctet(text, last + 2))
            {
                last += 2;
                octets++;
            }

            if (octets != 4 || !text.EndsCleanly(last))
                continue;
            if (text.IsSymbol(last + 1, ':') && text.IsGlued(last + 1) && text.IsNumber(last + 2) && text.IsGlued(last + 2))
                last += 2;
            found.Add(Candidate.Of(text, IdentifierKind.IpAddress, i, last));
            i = last;
        }
    }

    private static bool IsOctet(TokenisedText text, int k) => text.IsNumber(k) && text.Length(k) <= 3 && text.Value(k) <= 255;

    // jan.peeters@example.be, also with the usual disguise jan.peeters(at)example.be.
    private static void FindEmails(string text, List<Candidate> found)
    {
        var floor = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var atLength = AtSignLength(text, i);
            if (atLength == 0)
                continue;

            var start = i;
            while (start > floor && IsLocalPartChar(text[start - 1]))
                start--;
            while (start < i && text[start] == '.')
                start++;
            var domainStart = i + atLength;
            var end = domainStart;
            while (end < text.Length && IsDomainChar(text[end]))
                end++;
            while (end > domainStart && text[end - 1] is '.' or '-')
                end--;

            // The next local part can start no earlier than this domain ends, which bounds the back-scan.
            floor = Math.Max(floor, i + 1);
            if (start == i || !IsDomain(text.AsSpan(domainStart, end - domainStart)))
                continue;
            found.Add(new Candidate(IdentifierKind.Email, start, end));
            floor = end;
            i = end - 1;
        }
    }

    private static int AtSignLength(string text, int i)
    {
        var c = text[i];
        if (c == '@')
            return 1;
        if (c is not ('(' or '[' or '{') || i + 3 >= text.Length)
            return 0;
        var close = c == '(' ? ')' : c == '[' ? ']' : '}';
        return (text[i + 1] | 0x20) == 'a' && (text[i + 2] | 0x20) == 't' && text[i + 3] == close ? 4 : 0;
    }

    private static bool IsLocalPartChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' || (c >= 0x80 && char.IsLetterOrDigit(c));

    private static bool IsDomainChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '.' or '-' || (c >= 0x80 && char.IsLetterOrDigit(c));

    // Labels separated by dots, at least two, ending in a top-level domain of two or more letters.
    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        var lastDot = domain.LastIndexOf('.');
        if (lastDot <= 0 || domain.Length - lastDot - 1 < 2 || domain.Contains("..", StringComparison.Ordinal) || domain[0] == '-')
            return false;
        foreach (var c in domain[(lastDot + 1)..])
        {
            if (!char.IsLetter(c))
                return false;
        }

        return true;
    }

    // http://, https://, ftp:// and www. up to the next space; trailing punctuation belongs to the sentence.
    private static void FindUrls(string text, List<Candidate> found)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if ((text[i] | 0x20) is not ('h' or 'f' or 'w') || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
                continue;
            var prefix = UrlPrefixLength(text.AsSpan(i));
            if (prefix == 0)
                continue;
            var end = i + prefix;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('<' or '>' or '"'))
                end++;
            while (end > i + prefix && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '\'' or '"')
                end--;
            if (end == i + prefix)
                continue;
            found.Add(new Candidate(IdentifierKind.Url, i, end));
            i = end - 1;
        }
    }

    private static int UrlPrefixLength(ReadOnlySpan<char> text)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["https://", "http://", "ftp://"])
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return prefix.Length;
        }

        return text.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && text.Length > 4 && char.IsLetterOrDigit(text[4]) ? 4 : 0;
    }

    // 2001:db8::1, fe80::1ff:fe23:4567:890a, or all eight groups. Times (14:30:15) have no "::" and fewer
    // groups; gene fusions (KMT2A::AFF1) are glued to letters that are not hexadecimal.
    private static void FindIpv6(string text, List<Candidate> found)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiHexDigit(text[i]) && text[i] != ':')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsAsciiHexDigit(text[i]) || text[i] == ':'))
                i++;
            var end = i;
            if ((start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '.'))
                || (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '.')))
                continue;
            if (end - start >= 2 && text[end - 1] == ':' && text[end - 2] != ':')
                end--;
            if (IsIpv6(text.AsSpan(start, end - start)))
                found.Add(new Candidate(IdentifierKind.IpAddress, start, end));
        }
    }

    private static bool IsIpv6(ReadOnlySpan<char> s)
    {
        var groups = 0;
        var length = 0;
        var compressed = false;
        var hasDigit = false;
        for (var k = 0; k < s.Length; k++)
        {
            if (s[k] == ':')
            {
                if (k + 1 < s.Length && s[k + 1] == ':')
                {
                    if (compressed)
                        return false;
                    compressed = true;
                    if (length > 0)
                        groups++;
                    length = 0;
                    k++;
                    continue;
                }

                if (length == 0)
                    return false;
                groups++;
                length = 0;
                continue;
            }

            if (++length > 4)
                return false;
            hasDigit |= char.IsAsciiDigit(s[k]);
        }

        if (length > 0)
            groups++;
        else if (!s.EndsWith("::"))
            return false;
        return compressed ? groups is >= 2 and <= 7 && hasDigit : groups == 8;
    }
}
