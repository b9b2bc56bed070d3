using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumourBoard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditChainInDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The database links each new entry to the chain as the row is inserted: the chain's lock is then held only
            // from the entry's insert to its commit, instead of from the read of the previous hash onwards. The id is
            // drawn under the lock so that id order is chain order. The hash is the one AuditEntry.HashIsValid checks:
            // SHA-256 over the previous hash and the entry's fields, joined by U+001F, the time as .NET's round-trip format.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_chain() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE previous text;
                BEGIN
                    PERFORM pg_advisory_xact_lock(74202);
                    -- A volatile function's query takes a new snapshot: it sees the entry committed while we waited.
                    SELECT "Hash" INTO previous FROM audit_entries ORDER BY "Id" DESC LIMIT 1;
                    NEW."Id" := nextval(pg_get_serial_sequence('audit_entries', 'Id'));
                    NEW."AtUtc" := date_trunc('microseconds', NEW."AtUtc");
                    NEW."PreviousHash" := coalesce(previous, '');
                    NEW."Hash" := encode(sha256(convert_to(concat_ws(chr(31),
                        NEW."PreviousHash",
                        to_char(NEW."AtUtc" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '0Z',
                        coalesce(NEW."UserId"::text, ''),
                        coalesce(NEW."CentreId"::text, ''),
                        NEW."Action",
                        coalesce(NEW."ObjectType", ''),
                        coalesce(NEW."ObjectId", ''),
                        NEW."Outcome",
                        coalesce(NEW."ClientAddress", '')), 'UTF8')), 'hex');
                    RETURN NEW;
                END $$;
                CREATE TRIGGER audit_entries_chain BEFORE INSERT ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_chain();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_chain ON audit_entries; DROP FUNCTION IF EXISTS audit_entries_chain();");
        }
    }
}
