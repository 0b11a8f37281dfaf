using Liaison.Domain.Shared;

namespace Liaison.Domain.Tests;

public class PersonalDataTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0537-1234567", "053*****4567")]
    [InlineData("1234567", "*******")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Phones_keep_three_first_and_four_last_digits(string? phone, string masked) =>
        Assert.Equal(masked, PersonalData.MaskPhone(phone));

    [Theory]
    [InlineData("张伟", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("王", "*")]
    [InlineData("", "")]
    public void Names_keep_only_the_first_character(string name, string masked) =>
        Assert.Equal(masked, PersonalData.MaskName(name));

    [Fact]
    public void A_masked_phone_never_contains_the_middle_digits()
    {
        var masked = PersonalData.MaskPhone("14012345678");
        Assert.DoesNotContain("1234", masked[3..7], StringComparison.Ordinal);
        Assert.Equal(11, masked.Length);
    }
}
