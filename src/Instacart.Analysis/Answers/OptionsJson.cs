using System.Text.Json.Serialization;
using Instacart.Data.Derivation;

namespace Instacart.Analysis.Answers;

/// <summary>
/// The options' JSON inside the partial answers' bytes and the kept state's name (System.Text.Json's source generator,
/// default settings: the same text as the reflection serializer, without its start-up cost on a cached run's way).
/// </summary>
[JsonSerializable(typeof(AnalysisOptions))]
internal sealed partial class OptionsJson : JsonSerializerContext;
