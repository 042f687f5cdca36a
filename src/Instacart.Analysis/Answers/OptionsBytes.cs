using System.Reflection;
using Instacart.Data.Derivation;

namespace Instacart.Analysis.Answers;

/// <summary>
/// The options as exact bytes, inside the partial answers and in the kept state's name: every settable public property
/// of <see cref="AnalysisOptions"/> in declaration order, by name and value (a number by its bits, an enum by its name).
/// </summary>
/// <remarks>
/// By reflection over the record, so that a new option is written without a change here (one of a type not listed is
/// refused when written, and every test that keeps a state fails). Not System.Text.Json: its metadata, even
/// source-generated, is code compiled for these types at run time, about 60 ms on a cached run's way.
/// </remarks>
internal static class OptionsBytes
{
    private const byte Number = (byte)'d';
    private const byte Integer = (byte)'i';
    private const byte Flag = (byte)'b';
    private const byte Text = (byte)'s';
    private const byte Named = (byte)'e';

    private static readonly PropertyInfo[] Properties =
        [.. typeof(AnalysisOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)];

    /// <summary>Writes <paramref name="options"/>: the number of properties, then each one's name, kind and value.</summary>
    /// <exception cref="NotSupportedException">An option has a type this format does not write.</exception>
    public static void Write(BinaryWriter writer, AnalysisOptions options)
    {
        writer.Write7BitEncodedInt(Properties.Length);
        foreach (var property in Properties)
        {
            writer.Write(property.Name);
            switch (property.GetValue(options))
            {
                case double number:
                    writer.Write(Number);
                    writer.Write(number);
                    break;
                case int integer:
                    writer.Write(Integer);
                    writer.Write(integer);
                    break;
                case bool flag:
                    writer.Write(Flag);
                    writer.Write(flag);
                    break;
                case string text:
                    writer.Write(Text);
                    writer.Write(text);
                    break;
                case Enum named:
                    writer.Write(Named);
                    writer.Write(named.ToString());
                    break;
                default:
                    throw new NotSupportedException($"The option {property.Name} ({property.PropertyType.Name}) has a type the options' bytes do not hold.");
            }
        }
    }

    /// <summary>Reads the options <see cref="Write"/> wrote, by this very build (the same properties in the same order).</summary>
    /// <exception cref="InvalidDataException">The bytes name other properties, kinds or values than this build's options have.</exception>
    /// <exception cref="EndOfStreamException">The bytes end early.</exception>
    public static AnalysisOptions Read(BinaryReader reader)
    {
        if (reader.Read7BitEncodedInt() != Properties.Length)
        {
            throw new InvalidDataException("The options were written with another set of properties.");
        }

        var options = new AnalysisOptions();
        foreach (var property in Properties)
        {
            if (reader.ReadString() != property.Name)
            {
                throw new InvalidDataException($"The options were written with another set of properties (expected {property.Name}).");
            }

            var kind = reader.ReadByte();
            object value = kind switch
            {
                Number when property.PropertyType == typeof(double) => reader.ReadDouble(),
                Integer when property.PropertyType == typeof(int) => reader.ReadInt32(),
                Flag when property.PropertyType == typeof(bool) => reader.ReadBoolean(),
                Text when property.PropertyType == typeof(string) => reader.ReadString(),
                Named when property.PropertyType.IsEnum => Enum.TryParse(property.PropertyType, reader.ReadString(), ignoreCase: false, out var named)
                    ? named!
                    : throw new InvalidDataException($"The option {property.Name} holds no value of its kind."),
                _ => throw new InvalidDataException($"The option {property.Name} was written as another kind of value."),
            };
            property.SetValue(options, value);
        }

        return options;
    }

    /// <summary>The options' bytes as hexadecimal text: what names the state kept for them.</summary>
    public static string Key(AnalysisOptions options)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            Write(writer, options);
        }

        return Convert.ToHexString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
