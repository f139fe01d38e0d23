namespace AiRaceSim.Scenarios.Binding;

/// <summary>
/// A document whose keys come from a table (the kernel's parameter catalog) rather than from C#
/// properties, so the table is the only list of them. The binder, the schema and the range table
/// read <see cref="Keys"/> as they read the properties of other documents.
/// </summary>
internal interface ITableDocument
{
    /// <summary>The same list on every instance (read once per type).</summary>
    IReadOnlyList<DocumentProperty> Keys { get; }
}
