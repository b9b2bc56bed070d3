using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace TumourBoard.Benchmarks.LiveVoting;

internal sealed record Voter(Guid UserId, string Token, string CentreCode);

// The benchmark's voters: clinicians spread over the reference centres, each with a personal access token, written
// straight into the benchmark's own database, named "Voter 001 UZL" and so on unless the caller names them. Through the
// app this would take an administrator's invitation, a set password and a token created per account; only what the app
// reads at sign-in matters here.
internal static class VoterAccounts
{
    public static async Task<IReadOnlyList<Voter>> CreateAsync(string connectionString, int count, CancellationToken ct,
        Func<int, string, string>? displayName = null)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var clinicianRole = (Guid)(await Scalar(connection, """SELECT "Id" FROM "AspNetRoles" WHERE "Name" = 'Clinician'""", ct)
            ?? throw new InvalidOperationException("The Clinician role is missing."));
        var centres = new List<(int Id, string Code)>();
        await using (var command = new NpgsqlCommand("""SELECT "Id", "Code" FROM centres WHERE "IsActive" ORDER BY "Id" """, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                centres.Add((reader.GetInt32(0), reader.GetString(1)));
        }
        if (centres.Count == 0)
            throw new InvalidOperationException("No centre to spread the voters over.");

        string[] disciplines = ["PaediatricOncology", "PaediatricHaematology", "Surgery", "Radiotherapy", "Pathology", "Radiology"];
        var voters = new List<Voter>();
        var ids = new Guid[count];
        var emails = new string[count];
        var names = new string[count];
        var centreIds = new int[count];
        var voterDisciplines = new string[count];
        var tokenIds = new Guid[count];
        var hashes = new string[count];
        var hints = new string[count];
        for (var i = 0; i < count; i++)
        {
            var (centreId, code) = centres[i % centres.Count];
            var token = $"bench-voter-{i + 1:000}";
            ids[i] = Guid.CreateVersion7();
            emails[i] = $"voter{i + 1:000}.{code.ToLowerInvariant()}@bench.tumourboard.be";
            names[i] = displayName?.Invoke(i, code) ?? $"Voter {i + 1:000} {code}";
            centreIds[i] = centreId;
            voterDisciplines[i] = disciplines[i / centres.Count % disciplines.Length];
            tokenIds[i] = Guid.CreateVersion7();
            hashes[i] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
            hints[i] = token[..10];
            voters.Add(new Voter(ids[i], token, code));
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Execute(connection, """
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount",
                "DisplayName", "CentreId", "Discipline", "PreferredLanguage", "PrefersDarkTheme", "IsActive", "CreatedAtUtc")
            SELECT id, email, upper(email), email, upper(email), true,
                replace(gen_random_uuid()::text, '-', ''), gen_random_uuid()::text, false, false, true, 0,
                name, centre, discipline, 'English', false, true, now()
            FROM unnest(@ids, @emails, @names, @centres, @disciplines) AS v(id, email, name, centre, discipline)
            """, ct, ("ids", ids), ("emails", emails), ("names", names), ("centres", centreIds), ("disciplines", voterDisciplines));
        await Execute(connection, """
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") SELECT id, @role FROM unnest(@ids) AS v(id)
            """, ct, ("ids", ids), ("role", clinicianRole));
        await Execute(connection, """
            INSERT INTO access_tokens ("Id", "UserId", "Name", "Hash", "Hint", "CreatedAtUtc")
            SELECT token, id, 'Live voting benchmark', hash, hint, now()
            FROM unnest(@tokens, @ids, @hashes, @hints) AS v(token, id, hash, hint)
            """, ct, ("tokens", tokenIds), ("ids", ids), ("hashes", hashes), ("hints", hints));
        await transaction.CommitAsync(ct);
        return voters;
    }

    /// <summary>The votes stored for an agenda item: each voter's option, null for an abstention.</summary>
    public static async Task<Dictionary<Guid, int?>> StoredVotesAsync(string connectionString, int itemId, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""SELECT "VoterId", "OptionId" FROM votes WHERE "AgendaItemId" = $1""");
        command.Parameters.Add(new NpgsqlParameter { Value = itemId });
        var votes = new Dictionary<Guid, int?>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            votes.Add(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetInt32(1));
        return votes;
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
