using Sitrep.Geo.Index;
using Sitrep.Geo.Tests.Support;

namespace Sitrep.Geo.Tests;

/// <summary>
/// A raion as copy writes it, after its town as an adjective ("Sumskyi district", "Bakhmutskyi
/// raion", "Pokrovsky district", "Zaporizkyi raion", "Kremenetskyi district", "Kupianska raion"),
/// qualifies the village before it and, named alone, is the raion. The forms are derived from the
/// GeoNames ADM2 names by raion-forms.tsv; these tests run on the real Ukrainian file.
/// </summary>
public class RaionAdjectiveTests
{
    [Theory]
    [InlineData("Pokrovsk Raion", new[] { "Pokrovsk district", "Pokrovskyi district", "Pokrovsky district", "Pokrovskyy raion", "Pokrovskiy rayon", "Pokrovska raion" })]
    [InlineData("Bakhmut Raion", new[] { "Bakhmut raion", "Bakhmutskyi raion", "Bakhmutskyi", "Bakhmutsky district" })]
    [InlineData("Sumskyi Raion", new[] { "Sumskyi district", "Sumskyi", "Sumsky district", "Sumskyy raion" })]
    [InlineData("Kupianska Miskrada", new[] { "Kupianskyi district", "Kupianska raion", "Kupiansky" })]
    [InlineData("Zaporizhzhya Raion", new[] { "Zaporizkyi raion", "Zaporizhzhya district" })]
    [InlineData("Volnovakha Raion", new[] { "Volnovaskyi district", "Volnovakha district" })]
    [InlineData("Kremenets Raion", new[] { "Kremenetskyi district", "Kremenets raion" })]
    [InlineData("Novhorod-Sivers’ka Mis’krada", new[] { "Novhorod-Siverskyi raion", "Novhorod-Siverska district", "Novhorod-Siverskyi" })]
    [InlineData("Kerchens'ka Mis'ka Rada", new[] { "Kerchenskyi district" })]
    public void Copy_forms_are_derived_from_the_GeoNames_name(string adm2, string[] expected)
    {
        var forms = new RaionForms(GeoData.DefaultDirectory).Of(adm2).ToHashSet(StringComparer.Ordinal);
        Assert.All(expected, f => Assert.Contains(f, forms));
    }

    [Theory]
    // A town of two words has no adjective a rule can make ("Kryvyi Rih" → "Kryvorizkyi").
    [InlineData("Kryvyy Rih Raion")]
    [InlineData("Bila Tserkva Raion")]
    public void A_name_the_rule_cannot_read_gives_no_forms(string adm2) =>
        Assert.Empty(new RaionForms(GeoData.DefaultDirectory).Of(adm2));

    [TheoryRequiresSharedGeo]
    // -skyi district
    [InlineData("Shells fell on Stepanivka, Sumskyi district, after midnight.", "Stepanivka", 692577)]
    [InlineData("Two tractors burned in Basivka, Sumskyi district, on Sunday.", "Basivka", 712763)]
    // an English word the index keeps out of prose, told with its raion adjective
    [InlineData("Farm sheds burned in Sad, Sumskyi district, overnight.", "Sad", 807448)]
    [InlineData("The guided bomb fell in Sad, Sumskyi raion, before noon.", "Sad", 807448)]
    // -skyi raion and -skyy rayon
    [InlineData("A drone dropped grenades on Shcherbynivka, Bakhmutskyi raion, at dawn.", "Shcherbynivka", 694290)]
    [InlineData("Evacuation buses left Luhanske, Bakhmutskyi raion, before the shelling.", "Luhanske", 702684)]
    [InlineData("Rescuers searched the rubble in Stepanivka, Sumskyy raion, all night.", "Stepanivka", 692577)]
    [InlineData("Opytne, Bakhmutskyy rayon, has no houses left standing.", "Opytne", 810695)]
    // "in the ... district"
    [InlineData("Fighting went on around Ocheretyne in the Pokrovskyi district.", "Ocheretyne", 698759)]
    [InlineData("Power lines were cut in Shevchenko in the Pokrovskyi district overnight.", "Shevchenko", 694167)]
    // Russian-style -sky
    [InlineData("Russian officials claimed Ocheretyne, Pokrovsky district, was taken.", "Ocheretyne", 698759)]
    [InlineData("A glide bomb hit Lazurnyi, Pokrovsky district, on Monday.", "Lazurnyi", 13535742)]
    // a city council's raion: -skyi and -ska
    [InlineData("Artillery hit Petropavlivka, Kupianskyi district, on Monday.", "Petropavlivka", 697421)]
    [InlineData("Vilkhuvatka, Kupianska raion, lost its last shop.", "Vilkhuvatka", 698562)]
    // -zkyi
    [InlineData("Ternuvate, Zaporizkyi raion, was shelled twelve times.", "Ternuvate", 691639)]
    [InlineData("A missile landed near Hryhorivka, Zaporizkyi district, at noon.", "Hryhorivka", 708120)]
    // -tskyi
    [InlineData("Sirens rang in Lanivtsi, Kremenetskyi district, for an hour.", "Lanivtsi", 703397)]
    [InlineData("Sirens rang in Pidhaytsi, Lutskyi district, for an hour.", "Pidhaytsi", 696964)]
    // a hyphenated council's raion, one name however it is written
    [InlineData("Border guards left Semenivka, Novhorod-Sivers'ka district, on foot.", "Semenivka", 694590)]
    [InlineData("Mortar fire reached Blystova, Novhorod-Siverskyi raion, on Friday.", "Blystova", 712055)]
    // the adjective alone after a comma
    [InlineData("Shells fell on Stepanivka, Sumskyi, after midnight.", "Stepanivka", 692577)]
    [InlineData("Luhanske, Bakhmutskyi, was hit again.", "Luhanske", 702684)]
    public void A_raion_adjective_qualifies_the_village_before_it(string text, string written, long id) =>
        Geocode.AssertQualified(SharedGeo.Full, text, written, id);

    [TheoryRequiresSharedGeo]
    [InlineData("Shelling in the Bakhmutskyi raion killed two people.", 713172)]
    [InlineData("Drones hit the Sumskyi district overnight.", 692195)]
    [InlineData("Evacuations continue across the Pokrovskyi district.", 704417)]
    [InlineData("Russian forces shelled the Pokrovsky district.", 704417)]
    [InlineData("Strikes hit the Zaporizkyi raion on Monday.", 687686)]
    [InlineData("Guided bombs fell on the Kupianskyi district.", 9194084)]
    public void A_raion_adjective_named_alone_is_the_raion(string text, long id)
    {
        var hit = Assert.Single(Geocode.All(SharedGeo.Full, text));
        Assert.Equal(id, hit.Place?.GeonamesId);
    }
}
