using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Diagnoses;
using TumourBoard.Domain.People;
using TumourBoard.Domain.Trials;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Features.Cases;

namespace TumourBoard.Web.Features.Trials;

/// <summary>
/// The catalogue of early-phase trials for the pages and the API: reading it, the coordinators' changes and CSV files,
/// and the trials a case may fit. Who may do what is asked of <see cref="Access"/>; every change is audited.
/// </summary>
public sealed class TrialService(IDbContextFactory<TumourBoardDbContext> dbFactory, AuditTrail audit, TimeProvider time)
{
    /// <summary>The largest CSV file an import reads; the catalogue is a few hundred rows at most.</summary>
    public const int MaxImportBytes = 2 * 1024 * 1024;

    public const int MaxImportRows = 2_000;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<TrialSummary>> ListAsync(Actor actor, TrialFilter filter, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeTrials(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Trials.AsNoTracking();
        if (filter.Status is { } status)
            query = query.Where(t => t.Status == status);
        var trials = await query.ToListAsync(ct);
        var centres = await CentreCodesAsync(db, ct);
        var search = filter.Search?.Trim();
        return trials
            .Where(t => string.IsNullOrEmpty(search) || Matches(t, search, centres))
            .OrderBy(t => t.Status).ThenBy(t => t.Title, StringComparer.CurrentCulture)
            .Select(t => new TrialSummary(t.Id, t.EuCtNumber, t.NctNumber, t.Title, t.Phase, t.Status, t.Ages,
                [.. t.Iccc3Codes, .. t.MorphologyCodes], t.Markers, SiteCodes(t, centres), t.UpdatedAtUtc))
            .ToList();
    }

    public async Task<TrialDetails> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeTrials(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Tracked, so that its row version can be read.
        var trial = await db.Trials.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new TrialNotFoundException();
        var sites = await db.Centres.AsNoTracking().Where(c => trial.SiteCentreIds.Contains(c.Id)).OrderBy(c => c.Code)
            .Select(c => new TrialSite(c.Id, c.Code, c.Name)).ToListAsync(ct);
        var diagnoses = trial.Iccc3Codes.Select(code => new TrialDiagnosis(code, Iccc3.Category(code)?.Name))
            .Concat(trial.MorphologyCodes.Select(code => new TrialDiagnosis(code, null))).ToList();
        return new TrialDetails(trial.Id, trial.Snapshot(), diagnoses, sites, trial.CreatedAtUtc, trial.UpdatedAtUtc, db.VersionOf(trial), Access.CanManageTrials(actor));
    }

    /// <summary>The centres that can be named as sites, by code.</summary>
    public async Task<IReadOnlyList<TrialSite>> SitesAsync(Actor actor, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeTrials(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Centres.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code).Select(c => new TrialSite(c.Id, c.Code, c.Name)).ToListAsync(ct);
    }

    /// <summary>Every centre's id by its code (case-insensitive), to read sites written as codes.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CentresByCodeAsync(Actor actor, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeTrials(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Centres.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, ct);
    }

    public async Task<int> CreateAsync(Actor actor, TrialContent content, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageTrials(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trial = ClinicalTrial.Register(content, Now);
        await CheckSitesAsync(db, trial.SiteCentreIds, ct);
        await CheckIdentifiersFreeAsync(db, trial, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Trials.Add(trial);
        await SaveAsync(db, ct);
        audit.Add(db, actor, "trial.create", "trial", trial.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return trial.Id;
    }

    /// <summary>Replaces the trial's content; refused when someone changed it since <paramref name="version"/> was read (when given).</summary>
    public Task UpdateAsync(Actor actor, int id, TrialContent content, uint? version, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "trial.edit", async (db, trial) =>
        {
            var changed = trial.Revise(content, Now);
            await CheckSitesAsync(db, trial.SiteCentreIds, ct);
            await CheckIdentifiersFreeAsync(db, trial, ct);
            return changed;
        }, ct);

    public Task ChangeStatusAsync(Actor actor, int id, TrialStatus status, uint? version, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "trial.status", (_, trial) => Task.FromResult(trial.ChangeStatus(status, Now)), ct);

    private async Task ChangeAsync(Actor actor, int id, uint? version, string action, Func<TumourBoardDbContext, ClinicalTrial, Task<bool>> change, CancellationToken ct)
    {
        Access.Demand(Access.CanManageTrials(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trial = await db.Trials.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new TrialNotFoundException();
        if (version is { } expected)
            db.ExpectVersion(trial, expected);
        if (!await change(db, trial))
            return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Add(db, actor, action, "trial", trial.Id);
        await SaveAsync(db, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The whole catalogue as CSV (decision 0035), in title order, written as UTF-8 with a byte-order mark.</summary>
    public async Task ExportCsvAsync(Actor actor, Stream output, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeTrials(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trials = await db.Trials.AsNoTracking().ToListAsync(ct);
        var centres = await CentreCodesAsync(db, ct);
        await audit.RecordAsync(actor, "trial.export", "trial", null, ct: ct);
        await using var writer = new StreamWriter(output, TrialCsv.FileEncoding, 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(TrialCsv.Header());
        foreach (var t in trials.OrderBy(t => t.Title, StringComparer.Ordinal).ThenBy(t => t.Id))
        {
            await writer.WriteAsync(TrialCsv.Line(
            [
                t.EuCtNumber, t.NctNumber, t.Title, TrialPhases.Format(t.Phase), t.Status.ToString(),
                Number(t.Ages.MinYearsPart), Number(t.Ages.MinMonthsPart), Number(t.Ages.MaxYearsPart), Number(t.Ages.MaxMonthsPart),
                string.Join(TrialCsv.ListSeparator, t.Iccc3Codes), string.Join(TrialCsv.ListSeparator, t.MorphologyCodes),
                string.Join(TrialCsv.ListSeparator, t.Markers), string.Join(TrialCsv.ListSeparator, SiteCodes(t, centres)), t.Contact,
            ]));
        }
    }

    /// <summary>
    /// Imports a CSV file (decision 0036): every row is checked first, and unless every row is valid nothing is
    /// stored and every problem is reported with its line. A row whose EU CT or NCT number is in the catalogue updates
    /// that trial; any other row adds one. Trials the file does not mention stay as they are. One transaction.
    /// </summary>
    public async Task<TrialImportResult> ImportCsvAsync(Actor actor, Stream input, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageTrials(actor));
        var text = await ReadTextAsync(input, ct);
        var problems = new List<ImportProblem>();
        var records = TrialCsv.Parse(text, problems);
        if (records.Count - 1 > MaxImportRows)
            throw new DomainException("Trials.ImportTooLarge", $"A file holds at most {MaxImportRows} trials.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var centresByCode = await db.Centres.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, ct);
        var rows = ReadRows(records, centresByCode, problems);
        if (problems.Count == 0 && rows.Count == 0)
            problems.Add(new ImportProblem(records.Count == 0 ? 1 : 2, null, "Trials.Csv.NoRows"));

        var existing = await db.Trials.ToListAsync(ct);
        var plan = new List<(int Line, ClinicalTrial? Target, TrialContent Content)>();
        var claimed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, content) in rows)
        {
            var identifiers = new[] { content.EuCtNumber, content.NctNumber }.OfType<string>().ToList();
            var duplicate = identifiers.FirstOrDefault(claimed.ContainsKey);
            if (duplicate is not null)
            {
                problems.Add(new ImportProblem(line, duplicate == content.EuCtNumber ? "eu_ct_number" : "nct_number", "Trials.Csv.DuplicateInFile"));
                continue;
            }
            identifiers.ForEach(i => claimed[i] = line);
            var targets = existing.Where(t => identifiers.Any(i => t.Identifiers.Contains(i))).ToList();
            if (targets.Count > 1)
            {
                problems.Add(new ImportProblem(line, "nct_number", "Trials.Csv.IdentifiersSplit"));
                continue;
            }
            plan.Add((line, targets.SingleOrDefault(), content));
        }
        if (problems.Count > 0)
            throw new TrialImportException(problems.OrderBy(p => p.Line).ToList());

        var now = Now;
        int added = 0, updated = 0, unchanged = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changedTrials = new List<ClinicalTrial>();
        var newTrials = new List<ClinicalTrial>();
        foreach (var (_, target, content) in plan)
        {
            if (target is null)
            {
                var trial = ClinicalTrial.Register(content, now);
                db.Trials.Add(trial);
                newTrials.Add(trial);
                added++;
            }
            else if (target.Revise(content, now))
            {
                changedTrials.Add(target);
                updated++;
            }
            else
                unchanged++;
        }
        await SaveAsync(db, ct, import: true);
        foreach (var trial in newTrials)
            audit.Add(db, actor, "trial.create", "trial", trial.Id);
        foreach (var trial in changedTrials)
            audit.Add(db, actor, "trial.edit", "trial", trial.Id);
        audit.Add(db, actor, "trial.import", "trial", null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new TrialImportResult(added, updated, unchanged);
    }

    /// <summary>The open trials the case may fit, most precise first, with the reasons.</summary>
    public async Task<IReadOnlyList<TrialMatchView>> MatchesForCaseAsync(Actor actor, int caseId, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeTrials(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.CentreId, c.Status, c.AgeYears, c.AgeMonths, c.Iccc3Group, c.Iccc3Subgroup, c.Morphology, c.MarkerTags })
            .SingleOrDefaultAsync(ct);
        if (@case is null || !Access.CanKnowOfCase(actor, @case.CentreId, @case.Status))
            throw new CaseNotFoundException();
        Access.Demand(Access.CanSeeCase(actor, @case.CentreId, @case.Status));
        var open = await db.Trials.AsNoTracking().Where(t => t.Status == TrialStatus.Open).ToListAsync(ct);
        var centres = await CentreCodesAsync(db, ct);
        var profile = new CaseProfile(@case.AgeYears, @case.AgeMonths, @case.Iccc3Group, @case.Iccc3Subgroup, @case.Morphology, @case.MarkerTags);
        return TrialMatching.Find(open, profile)
            .Select(m => new TrialMatchView(m.Trial.Id, m.Trial.EuCtNumber, m.Trial.NctNumber, m.Trial.Title, m.Trial.Phase, m.Trial.Ages, m.AgeYears, m.AgeMonths,
                m.Diagnosis, m.MatchedMarkers, m.MarkersToCheck, SiteCodes(m.Trial, centres), m.Trial.Contact))
            .ToList();
    }

    /// <summary>The trial referrals the board recorded for a case, oldest first, linked to the catalogue where it holds the trial.</summary>
    public async Task<IReadOnlyList<TrialReferralView>> ReferralsForCaseAsync(Actor actor, int caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.CentreId, c.Status }).SingleOrDefaultAsync(ct);
        if (@case is null || !Access.CanKnowOfCase(actor, @case.CentreId, @case.Status))
            throw new CaseNotFoundException();
        Access.Demand(Access.CanSeeCase(actor, @case.CentreId, @case.Status));
        var referrals = await db.AgendaItems.AsNoTracking()
            .Where(i => i.CaseId == caseId && i.Recommendation != null && i.Recommendation.TrialReferral != null)
            .Select(i => new
            {
                i.MeetingId,
                StartsAt = db.Meetings.Where(m => m.Id == i.MeetingId).Select(m => m.StartsAtUtc).First(),
                i.Recommendation!.TrialReferral,
                i.Recommendation.TrialId,
                Title = db.Trials.Where(t => t.Id == i.Recommendation.TrialId).Select(t => t.Title).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return referrals.OrderBy(r => r.StartsAt)
            .Select(r => new TrialReferralView(r.MeetingId, r.StartsAt, r.TrialReferral!, r.TrialId, r.Title)).ToList();
    }

    /// <summary>The catalogue's trials among <paramref name="identifiers"/> (trial numbers as options write them), by number.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CatalogueIdsAsync(Actor actor, IEnumerable<string?> identifiers, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeTrials(actor));
        var numbers = identifiers.Select(i => TrialIdentifier.TryParse(i, out var parsed) ? parsed.Value : null).OfType<string>().Distinct().ToList();
        if (numbers.Count == 0)
            return new Dictionary<string, int>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trials = await db.Trials.AsNoTracking().Where(t => numbers.Contains(t.EuCtNumber!) || numbers.Contains(t.NctNumber!))
            .Select(t => new { t.Id, t.EuCtNumber, t.NctNumber }).ToListAsync(ct);
        return trials.SelectMany(t => new[] { t.EuCtNumber, t.NctNumber }.OfType<string>().Select(n => (Number: n, t.Id)))
            .Where(p => numbers.Contains(p.Number)).ToDictionary(p => p.Number, p => p.Id);
    }

    /// <summary>The catalogue trial a referral names, by any of its numbers; null when the catalogue does not hold it.</summary>
    public static async Task<int?> CatalogueIdOfAsync(TumourBoardDbContext db, string? referral, CancellationToken ct)
    {
        if (!TrialIdentifier.TryParse(referral, out var identifier))
            return null;
        var value = identifier.Value;
        return await db.Trials.Where(t => t.EuCtNumber == value || t.NctNumber == value).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
    }

    private static List<(int Line, TrialContent Content)> ReadRows(IReadOnlyList<CsvRecord> records, Dictionary<string, int> centresByCode, List<ImportProblem> problems)
    {
        var rows = new List<(int, TrialContent)>();
        if (records.Count == 0)
            return rows;
        var header = records[0].Fields.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var missing = TrialCsv.Columns.Where(c => !header.Contains(c)).ToList();
        var unknown = header.Where(h => !TrialCsv.Columns.Contains(h)).ToList();
        if (missing.Count > 0 || unknown.Count > 0 || header.Count != header.Distinct().Count())
        {
            problems.Add(new ImportProblem(records[0].Line, string.Join(", ", missing.Concat(unknown)), "Trials.Csv.HeaderInvalid"));
            return rows;
        }
        var index = TrialCsv.Columns.ToDictionary(c => c, c => header.IndexOf(c));
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Count)
            {
                problems.Add(new ImportProblem(record.Line, null, "Trials.Csv.FieldCount"));
                continue;
            }
            string Cell(string column) => TrialCsv.Restore(record.Fields[index[column]]);
            var rowProblems = new List<ImportProblem>();
            int Age(string column)
            {
                var cell = Cell(column);
                if (cell.Length == 0)
                    return 0;
                if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                    return value;
                rowProblems.Add(new ImportProblem(record.Line, column, "Trial.AgeInvalid"));
                return 0;
            }
            TrialPhase? phase = null;
            if (TrialPhases.TryParse(Cell("phase"), out var parsedPhase))
                phase = parsedPhase;
            else if (Cell("phase").Length > 0)
                rowProblems.Add(new ImportProblem(record.Line, "phase", "Case.ChoiceInvalid"));
            var status = TrialStatus.Open;
            if (Cell("status").Length > 0 && !TrialPhases.TryParseStatus(Cell("status"), out status))
                rowProblems.Add(new ImportProblem(record.Line, "status", "Case.ChoiceInvalid"));
            var sites = new List<int>();
            foreach (var code in List(Cell("sites")))
            {
                if (centresByCode.TryGetValue(code, out var centreId))
                    sites.Add(centreId);
                else
                    rowProblems.Add(new ImportProblem(record.Line, "sites", "Trial.SiteInvalid"));
            }
            var content = new TrialContent
            {
                EuCtNumber = Cell("eu_ct_number"),
                NctNumber = Cell("nct_number"),
                Title = Cell("title"),
                Phase = phase,
                Status = status,
                MinAgeYears = Age("min_age_years"),
                MinAgeMonths = Age("min_age_months"),
                MaxAgeYears = Age("max_age_years"),
                MaxAgeMonths = Age("max_age_months"),
                Iccc3Codes = List(Cell("iccc3")),
                MorphologyCodes = List(Cell("morphology")),
                Markers = List(Cell("markers")),
                SiteCentreIds = sites,
                Contact = Cell("contact"),
            };
            var errors = ClinicalTrial.Problems(content, out var normalised);
            foreach (var error in errors)
            {
                // A cell already reported (a phase not known, an age that is not a number) is not reported twice.
                var column = ColumnOf(error.Field);
                if (!rowProblems.Any(p => p.Column == column))
                    rowProblems.Add(new ImportProblem(record.Line, column, error.Code));
            }
            problems.AddRange(rowProblems.DistinctBy(p => (p.Column, p.Code)));
            if (rowProblems.Count == 0)
                rows.Add((record.Line, normalised));
        }
        return rows;
    }

    private static IReadOnlyList<string> List(string cell) =>
        cell.Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string ColumnOf(string field) => field switch
    {
        "euCtNumber" => "eu_ct_number",
        "nctNumber" => "nct_number",
        "minAgeYears" => "min_age_years",
        "minAgeMonths" => "min_age_months",
        "maxAgeYears" => "max_age_years",
        "maxAgeMonths" => "max_age_months",
        "iccc3Codes" => "iccc3",
        "morphologyCodes" => "morphology",
        _ => field,
    };

    // UTF-8 as written by TumourBoard and by "CSV UTF-8" in spreadsheets; a file that is not valid UTF-8 is read as
    // Windows-1252, which is what a spreadsheet's plain "CSV" writes on a Western European computer.
    private static async Task<string> ReadTextAsync(Stream input, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxImportBytes)
                throw new DomainException("Trials.ImportTooLarge", $"A trial file has at most {MaxImportBytes / 1024 / 1024} MB.");
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }

    private static readonly Encoding Windows1252 = CreateWindows1252();

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<Dictionary<int, string>> CentreCodesAsync(TumourBoardDbContext db, CancellationToken ct) =>
        await db.Centres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);

    private static List<string> SiteCodes(ClinicalTrial trial, Dictionary<int, string> centres) =>
        trial.SiteCentreIds.Select(id => centres.TryGetValue(id, out var code) ? code : id.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();

    private static bool Matches(ClinicalTrial t, string search, Dictionary<int, string> centres) =>
        t.Title.Contains(search, StringComparison.CurrentCultureIgnoreCase)
        || t.Identifiers.Any(i => i.Contains(search, StringComparison.OrdinalIgnoreCase))
        || t.Markers.Any(m => m.Contains(search, StringComparison.CurrentCultureIgnoreCase))
        || t.Iccc3Codes.Any(c => c.Equals(search, StringComparison.OrdinalIgnoreCase) || (Iccc3.Category(c)?.Name.Contains(search, StringComparison.CurrentCultureIgnoreCase) ?? false))
        || t.MorphologyCodes.Any(c => c.StartsWith(search, StringComparison.Ordinal))
        || SiteCodes(t, centres).Any(c => c.Equals(search, StringComparison.OrdinalIgnoreCase))
        || t.Contact.Contains(search, StringComparison.CurrentCultureIgnoreCase);

    private static async Task CheckSitesAsync(TumourBoardDbContext db, int[] siteIds, CancellationToken ct)
    {
        var known = await db.Centres.CountAsync(c => siteIds.Contains(c.Id), ct);
        if (known != siteIds.Length)
            throw new TrialValidationException([new FieldError("sites", "Trial.SiteInvalid")]);
    }

    private static async Task CheckIdentifiersFreeAsync(TumourBoardDbContext db, ClinicalTrial trial, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (trial.EuCtNumber is { } euCt && await db.Trials.AnyAsync(t => t.Id != trial.Id && t.EuCtNumber == euCt, ct))
            errors.Add(new FieldError("euCtNumber", "Trial.IdentifierTaken"));
        if (trial.NctNumber is { } nct && await db.Trials.AnyAsync(t => t.Id != trial.Id && t.NctNumber == nct, ct))
            errors.Add(new FieldError("nctNumber", "Trial.IdentifierTaken"));
        if (errors.Count > 0)
            throw new TrialValidationException(errors);
    }

    // Two coordinators saving the same number at once: the unique index refuses the second, which is told as a taken number.
    private static async Task SaveAsync(TumourBoardDbContext db, CancellationToken ct, bool import = false)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw import
                ? new DomainException("Trials.ImportConflict", "Another change to the catalogue was saved at the same time; import the file again.")
                : new TrialValidationException([new FieldError("euCtNumber", "Trial.IdentifierTaken")]);
        }
    }
}
