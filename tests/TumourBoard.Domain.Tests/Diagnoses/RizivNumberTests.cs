using TumourBoard.Domain.Diagnoses;

namespace TumourBoard.Domain.Tests.Diagnoses;

public class RizivNumberTests
{
    // 123456 mod 97 = 72, so the check digits are 97 - 72 = 25.
    [Theory]
    [InlineData("1-23456-25-901")]
    [InlineData("12345625901")]
    [InlineData(" 1-23456-25-901 ")]
    public void TryParse_ValidNumberWrittenEitherWay_IsAccepted(string text)
    {
        Assert.True(RizivNumber.TryParse(text, out var number));
        Assert.Equal("12345625901", number.Digits);
        Assert.Equal("12345625", number.Practitioner);
        Assert.Equal("901", number.QualificationCode);
        Assert.Equal("1-23456-25-901", number.ToString());
    }

    [Fact]
    public void TryParse_PractitionerNumberDivisibleBy97_HasCheckDigits97()
    {
        // 100007 = 97 x 1031
        Assert.True(RizivNumber.TryParse("1-00007-97-000", out _));
        Assert.False(RizivNumber.TryParse("1-00007-00-000", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1-23456-26-901")]
    [InlineData("1-23456-72-901")]
    [InlineData("1234562590")]
    [InlineData("123456259012")]
    [InlineData("1-23456-25-90")]
    [InlineData("12-3456-25-901")]
    [InlineData("1 23456 25 901")]
    [InlineData("1-23456-2a-901")]
    [InlineData("1234562590a")]
    public void TryParse_WrongCheckDigitsOrShape_Fails(string? text)
    {
        Assert.False(RizivNumber.TryParse(text, out var number));
        Assert.Null(number);
    }

    [Fact]
    public void Parse_WrongCheckDigits_ThrowsRizivNumberInvalid()
    {
        var error = Assert.Throws<DomainException>(() => RizivNumber.Parse("1-23456-26-901"));
        Assert.Equal("Riziv.NumberInvalid", error.Code);
    }

    [Theory]
    [InlineData(0, 97)]
    [InlineData(96, 1)]
    [InlineData(97, 97)]
    [InlineData(123456, 25)]
    [InlineData(999999, 71)]
    public void CheckDigits_IsNinetySevenMinusRemainder(int practitionerNumber, int expected)
    {
        Assert.Equal(expected, RizivNumber.CheckDigits(practitionerNumber));
    }
}
