using System.Reflection;

namespace AiRaceSim.Scenarios.Binding;

/// <summary>The attributes (description, range) of a key that has no C# property to carry them.</summary>
internal sealed class TableAttributes(params Attribute[] attributes) : ICustomAttributeProvider
{
    public object[] GetCustomAttributes(bool inherit) => attributes.Cast<object>().ToArray();

    public object[] GetCustomAttributes(Type attributeType, bool inherit) =>
        attributes.Where(attributeType.IsInstanceOfType).Cast<object>().ToArray();

    public bool IsDefined(Type attributeType, bool inherit) => attributes.Any(attributeType.IsInstanceOfType);
}
