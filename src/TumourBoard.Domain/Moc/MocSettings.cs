namespace TumourBoard.Domain.Moc;

/// <summary>The MOC rules in force, set by the coordinator: one row. Without it, <see cref="MocRules.Default"/> applies.</summary>
public sealed class MocSettings
{
    public const int SingleId = 1;

    private MocSettings() { }

    public MocSettings(MocRules rules)
    {
        Id = SingleId;
        Change(rules);
    }

    public int Id { get; private set; }

    public MocRules Rules { get; private set; } = MocRules.Default;

    public void Change(MocRules rules) => Rules = rules.Validate();
}
