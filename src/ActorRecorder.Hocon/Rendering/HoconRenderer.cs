using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ActorRecorder.Hocon.Paths;
using ActorRecorder.Hocon.Unresolved;

namespace ActorRecorder.Hocon.Rendering;

/// <summary>
/// Renders trees as HOCON text that parses back to the same tree: keys are quoted unless plain,
/// strings are always quoted, numbers keep their written form, objects and arrays are indented.
/// </summary>
internal static class HoconRenderer
{
    private const string Indent = "  ";

    /// <summary>Renders a root object as a document, without the optional outer braces.</summary>
    public static string RenderDocument(HoconObject root)
    {
        var builder = new StringBuilder();
        foreach (var field in root)
        {
            AppendField(builder, field.Key, field.Value, depth: 0);
        }

        return builder.ToString();
    }

    /// <summary>Renders a single value.</summary>
    public static string RenderValue(HoconValue value)
    {
        var builder = new StringBuilder();
        AppendValue(builder, value, depth: 0);
        return builder.ToString();
    }

    private static void AppendField(StringBuilder builder, string key, HoconValue value, int depth)
    {
        AppendIndent(builder, depth);
        AppendKey(builder, key);
        builder.Append(value is HoconObject ? " " : " = ");
        AppendValue(builder, value, depth);
        builder.Append('\n');
    }

    private static void AppendValue(StringBuilder builder, HoconValue value, int depth)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ConfigException("The configuration is nested too deeply to render");
        }

        switch (value)
        {
            case HoconObject obj:
                if (obj.Count == 0)
                {
                    builder.Append("{}");
                    return;
                }

                builder.Append("{\n");
                foreach (var field in obj)
                {
                    AppendField(builder, field.Key, field.Value, depth + 1);
                }

                AppendIndent(builder, depth);
                builder.Append('}');
                return;
            case HoconArray array:
                if (array.Count == 0)
                {
                    builder.Append("[]");
                    return;
                }

                builder.Append("[\n");
                for (var i = 0; i < array.Count; i++)
                {
                    AppendIndent(builder, depth + 1);
                    AppendValue(builder, array[i], depth + 1);
                    builder.Append(i + 1 < array.Count ? ",\n" : "\n");
                }

                AppendIndent(builder, depth);
                builder.Append(']');
                return;
            case HoconString text:
                AppendQuoted(builder, text.Value);
                return;
            case HoconNumber number:
                builder.Append(number.Text);
                return;
            case HoconBoolean boolean:
                builder.Append(boolean.Value ? "true" : "false");
                return;
            case HoconNull:
                builder.Append("null");
                return;
            case HoconSubstitution substitution:
                // Only reachable when debugging an unresolved tree.
                builder.Append(substitution.IsOptional ? "${?" : "${").Append(HoconPath.Render(substitution.Path)).Append('}');
                return;
            case HoconConcatenation concatenation:
                foreach (var part in concatenation.Parts)
                {
                    if (part is HoconString { IsSeparatingWhitespace: true } space)
                    {
                        builder.Append(space.Value);
                    }
                    else
                    {
                        AppendValue(builder, part, depth);
                    }
                }

                return;
            case HoconMergeStack stack:
                AppendValue(builder, stack.Top, depth);
                return;
        }
    }

    private static void AppendKey(StringBuilder builder, string key)
    {
        // "include" is a keyword at the start of a key, so it must be quoted.
        if (key == "include")
        {
            AppendQuoted(builder, key);
            return;
        }

        HoconPath.AppendSegment(builder, key);
    }

    /// <summary>Appends <paramref name="text"/> as a quoted string (JSON's escapes, which HOCON's quoted strings share): the one quoting of the loader.</summary>
    internal static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }

    private static void AppendIndent(StringBuilder builder, int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            builder.Append(Indent);
        }
    }
}
