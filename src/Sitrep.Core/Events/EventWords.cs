using Sitrep.Recognizers;

namespace Sitrep.Events;

/// <summary>Word classes only the event stage reads; like <see cref="Words"/>, a missing name fails when the stage loads.</summary>
internal static class EventWords
{
    public static readonly WordClass SpeechSetting = WordClasses.Default.Get("speech-setting");
}
