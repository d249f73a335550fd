package org.secure2fa.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.secure2fa.delivery.control.SmsText.Encoding;

class SmsTextTest {

    @Test
    void plainAsciiCodesAreGsm7InOneSegment() {
        SmsText text = SmsText.of("Your login code is 123456. It expires in 5 minutes.");
        assertEquals(Encoding.GSM7, text.encoding());
        assertEquals(51, text.length());
        assertEquals(1, text.segments());
        assertFalse(text.isUnicode());
    }

    @Test
    void gsm7HasOneSegmentUpTo160SeptetsThen153PerPart() {
        assertEquals(1, SmsText.of("a".repeat(160)).segments());
        assertEquals(2, SmsText.of("a".repeat(161)).segments());
        assertEquals(2, SmsText.of("a".repeat(306)).segments());
        assertEquals(3, SmsText.of("a".repeat(307)).segments());
    }

    @Test
    void extensionCharactersTakeTwoSeptetsAndAreNotSplitAcrossParts() {
        SmsText brackets = SmsText.of("[123456] {ok} ~ | \\ ^ €");
        assertEquals(Encoding.GSM7, brackets.encoding());
        assertEquals(23 + 9, brackets.length());
        assertEquals(160, SmsText.of("€".repeat(80)).length());
        assertEquals(1, SmsText.of("€".repeat(80)).segments());
        // 162 septets: 76 euro signs (152 septets) fill a part, as a 77th would be split; 5 remain.
        assertEquals(2, SmsText.of("€".repeat(81)).segments());
        // 306 septets would fit two parts, but the euro sign after 152 septets moves whole to the second
        // part, which then overflows into a third.
        assertEquals(3, SmsText.of("a".repeat(152) + "€" + "a".repeat(152)).segments());
        assertEquals(1, SmsText.of("a".repeat(158) + "€").segments());
    }

    @Test
    void theGsmBasicSetIncludesItsAccentedLettersAndSymbols() {
        assertTrue(SmsText.isGsm7("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ ¤¡ÄÖÑÜ§¿äöñüà\n\r"));
        assertEquals(Encoding.GSM7, SmsText.of("Ihr Code für München: 123456").encoding());
    }

    @Test
    void anyOtherCharacterMakesTheTextUcs2CountedInUtf16Units() {
        assertEquals(Encoding.UCS2, SmsText.of("Código 123456").encoding()); // ó is not in GSM 03.38
        SmsText cyrillic = SmsText.of("Ваш код 123456");
        assertEquals(Encoding.UCS2, cyrillic.encoding());
        assertEquals(14, cyrillic.length());
        assertTrue(cyrillic.isUnicode());
        assertEquals(1, SmsText.of("ж".repeat(70)).segments());
        assertEquals(2, SmsText.of("ж".repeat(71)).segments());
        assertEquals(2, SmsText.of("ж".repeat(134)).segments());
        assertEquals(3, SmsText.of("ж".repeat(135)).segments());
    }

    @Test
    void surrogatePairsCountTwiceAndAreNotSplit() {
        String grin = "\uD83D\uDE00";
        assertEquals(Encoding.UCS2, SmsText.of(grin).encoding());
        assertEquals(70, SmsText.of(grin.repeat(35)).length());
        assertEquals(1, SmsText.of(grin.repeat(35)).segments());
        // 72 units: 33 pairs (66 units) fill the first 67-unit part, 3 pairs go to the second.
        assertEquals(2, SmsText.of(grin.repeat(36)).segments());
        assertEquals(3, SmsText.of(grin.repeat(67)).segments());
    }

    @Test
    void emptyAndNullAreOneEmptyGsmSegment() {
        assertEquals(new SmsText(Encoding.GSM7, 0, 1), SmsText.of(""));
        assertEquals(new SmsText(Encoding.GSM7, 0, 1), SmsText.of(null));
        assertFalse(SmsText.isGsm7("\u0000"));
    }
}
