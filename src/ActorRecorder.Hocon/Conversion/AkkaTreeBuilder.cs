using AkkaArray = Akka.Configuration.Hocon.HoconArray;
using AkkaConfig = Akka.Configuration.Config;
using AkkaElement = Akka.Configuration.Hocon.IHoconElement;
using AkkaLiteral = Akka.Configuration.Hocon.HoconLiteral;
using AkkaObject = Akka.Configuration.Hocon.HoconObject;
using AkkaRoot = Akka.Configuration.Hocon.HoconRoot;
using AkkaValue = Akka.Configuration.Hocon.HoconValue;

namespace ActorRecorder.Hocon.Conversion;

/// <summary>
/// Builds Akka.NET's configuration object model from a resolved tree, node by node, so nothing
/// goes through Akka's parser (which would re-interpret keys and strings):
/// an object becomes an Akka <c>HoconObject</c> with the same keys, taken literally (a key
/// <c>a.b</c> stays one key); an array an Akka <c>HoconArray</c>; every scalar a single
/// <c>HoconLiteral</c> holding its text: strings as they are, numbers exactly as written,
/// booleans as <c>true</c>/<c>false</c> and null as <c>null</c>, which is how Akka's own
/// parser represents them. Every Akka node is new, so no two places in the result share a
/// mutable Akka object even where the source tree shares one.
/// </summary>
internal static class AkkaTreeBuilder
{
    /// <summary>Wraps a resolved root object as an Akka configuration.</summary>
    /// <param name="root">A tree without substitutions.</param>
    /// <returns>An Akka configuration holding the same tree.</returns>
    public static AkkaConfig ToAkkaConfig(HoconObject root) => new(new AkkaRoot(Wrap(BuildObject(root))));

    private static AkkaValue Convert(HoconValue value) => value switch
    {
        HoconObject obj => Wrap(BuildObject(obj)),
        HoconArray array => Wrap(BuildArray(array)),
        HoconString text => Wrap(new AkkaLiteral { Value = text.Value }),
        HoconNumber number => Wrap(new AkkaLiteral { Value = number.Text }),
        HoconBoolean boolean => Wrap(new AkkaLiteral { Value = boolean.Value ? "true" : "false" }),
        HoconNull => Wrap(new AkkaLiteral { Value = "null" }),
        _ => throw new InvalidOperationException(
            $"Cannot convert an unresolved {value.GetType().Name} to Akka's configuration model; resolve the tree first"),
    };

    private static AkkaObject BuildObject(HoconObject source)
    {
        var target = new AkkaObject();
        foreach (var field in source)
        {
            // Items, not GetOrCreateKey with a path: the key is taken literally, dots and all.
            target.Items.Add(field.Key, Convert(field.Value));
        }

        return target;
    }

    private static AkkaArray BuildArray(HoconArray source)
    {
        var target = new AkkaArray();
        target.Capacity = source.Count;
        foreach (var element in source)
        {
            target.Add(Convert(element));
        }

        return target;
    }

    private static AkkaValue Wrap(AkkaElement element)
    {
        var value = new AkkaValue();
        value.AppendValue(element);
        return value;
    }
}
