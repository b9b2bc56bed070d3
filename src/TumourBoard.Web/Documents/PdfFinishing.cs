using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TumourBoard.Web.Documents;

/// <summary>
/// Adds what Skia's PDF writer leaves out: the document's language (/Lang in the catalog, which screen readers use)
/// and a file identifier (/ID in the trailer, which PDF 2.0 and PDF/A require). The identifier is a hash of the file,
/// not a random or time-based value, so the same document still gives the same bytes. It also writes the creation
/// and modification dates again: SkiaSharp appends the server's own UTC offset to the time it is given, which makes
/// the date wrong, and the file different from one server to the next.
/// </summary>
/// <remarks>
/// Skia ends the file with one classic cross-reference table: "xref", "0 N", N entries of exactly 20 bytes, then the
/// trailer and startxref. Inserting /Lang shifts every object after the catalog, so their entries and startxref are
/// moved by the same number of bytes. Anything else means Skia's output changed, and rendering fails loudly rather
/// than writing a broken file.
/// </remarks>
internal static class PdfFinishing
{
    private const int EntryLength = 20;

    public static byte[] Finish(ReadOnlySpan<byte> pdf, string language, DateTimeOffset created)
    {
        var startxref = pdf.LastIndexOf("startxref"u8);
        Expect(startxref > 0, "startxref");
        var xref = ReadNumber(pdf, startxref + "startxref".Length, out _);
        Expect(xref > 0 && xref < startxref && pdf[xref..].StartsWith("xref"u8), "the cross-reference table");

        var first = ReadNumber(pdf, xref + "xref".Length, out var afterFirst);
        var count = ReadNumber(pdf, afterFirst, out var afterCount);
        Expect(first == 0 && count > 0, "one cross-reference section");
        var entries = afterCount;
        while (pdf[entries] is (byte)'\r' or (byte)'\n')
            entries++;
        var trailer = entries + count * EntryLength;
        Expect(trailer < startxref && pdf[trailer..].StartsWith("trailer"u8), "the trailer");

        var trailerDictionary = pdf[trailer..startxref].IndexOf("<<"u8) + trailer + 2;
        var rootKey = pdf[trailer..startxref].IndexOf("/Root"u8);
        Expect(trailerDictionary > trailer + 2 && rootKey > 0, "the trailer's /Root");
        var root = ReadNumber(pdf, trailer + rootKey + "/Root".Length, out _);
        Expect(root > 0 && root < count, "the catalog's entry");
        var infoKey = pdf[trailer..startxref].IndexOf("/Info"u8);
        Expect(infoKey > 0, "the trailer's /Info");
        var info = EntryOffset(pdf, entries, ReadNumber(pdf, trailer + infoKey + "/Info".Length, out _));
        var catalog = EntryOffset(pdf, entries, root);
        var catalogDictionary = pdf[catalog..].IndexOf("<<"u8) + catalog + 2;
        Expect(pdf[catalog..].StartsWith(Encoding.ASCII.GetBytes($"{root} 0 obj")) && catalogDictionary > catalog + 2, "the catalog");

        var lang = Encoding.ASCII.GetBytes($"/Lang ({language})\n");
        var shift = lang.Length;

        // Everything up to the trailer, with /Lang in the catalog and the entries after it moved.
        var body = new byte[trailer + shift];
        pdf[..catalogDictionary].CopyTo(body);
        lang.CopyTo(body, catalogDictionary);
        pdf[catalogDictionary..trailer].CopyTo(body.AsSpan(catalogDictionary + shift));
        for (var i = 0; i < count; i++)
        {
            var at = entries + shift + i * EntryLength;
            var offset = EntryOffset(body, entries + shift, i);
            if (body[at + 17] == (byte)'n' && offset >= catalogDictionary)
                Encoding.ASCII.GetBytes($"{offset + shift:D10}", body.AsSpan(at, 10));
        }
        var infoObject = body.AsSpan(info < catalogDictionary ? info : info + shift);
        infoObject = infoObject[..infoObject.IndexOf("endobj"u8)];
        WriteDate(infoObject, "/CreationDate (D:"u8, created);
        WriteDate(infoObject, "/ModDate (D:"u8, created);

        var id = Convert.ToHexString(SHA256.HashData(body), 0, 16);
        var end = Encoding.ASCII.GetBytes($"/ID [<{id}> <{id}>]\n");
        var tail = Encoding.ASCII.GetBytes($"startxref\n{xref + shift}\n%%EOF\n");

        var result = new byte[body.Length + (trailerDictionary - trailer) + end.Length + (startxref - trailerDictionary) + tail.Length];
        var output = result.AsSpan();
        body.CopyTo(output);
        output = output[body.Length..];
        pdf[trailer..trailerDictionary].CopyTo(output);
        output = output[(trailerDictionary - trailer)..];
        end.CopyTo(output);
        output = output[end.Length..];
        pdf[trailerDictionary..startxref].CopyTo(output);
        output = output[(startxref - trailerDictionary)..];
        tail.CopyTo(output);
        return result;
    }

    /// <summary>Overwrites the date after <paramref name="key"/>, YYYYMMDDHHmmSS+HH'mm', which keeps its length.</summary>
    private static void WriteDate(Span<byte> info, ReadOnlySpan<byte> key, DateTimeOffset date)
    {
        var at = info.IndexOf(key) + key.Length;
        var offset = date.Offset;
        var text = string.Create(CultureInfo.InvariantCulture, $"{date:yyyyMMddHHmmss}{(offset < TimeSpan.Zero ? '-' : '+')}{offset.Duration():hh\\'mm}'");
        Expect(at >= key.Length && at + text.Length < info.Length && info[at + text.Length] == (byte)')', "the date " + Encoding.ASCII.GetString(key));
        Encoding.ASCII.GetBytes(text, info.Slice(at, text.Length));
    }

    private static int EntryOffset(ReadOnlySpan<byte> pdf, int entries, int objectNumber)
    {
        Expect(Utf8Parser.TryParse(pdf.Slice(entries + objectNumber * EntryLength, 10), out int offset, out var consumed) && consumed == 10, "a cross-reference entry");
        return offset;
    }

    private static int ReadNumber(ReadOnlySpan<byte> pdf, int from, out int end)
    {
        while (from < pdf.Length && pdf[from] is (byte)' ' or (byte)'\r' or (byte)'\n')
            from++;
        Expect(Utf8Parser.TryParse(pdf[from..], out int value, out var consumed), "a number");
        end = from + consumed;
        return value;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
            throw new InvalidOperationException($"Skia's PDF output has changed: {what} is not where it was. Check PdfFinishing against the new output.");
    }
}
