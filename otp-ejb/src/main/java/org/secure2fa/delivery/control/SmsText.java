package org.secure2fa.delivery.control;

/**
 * How an SMS text will travel: in the GSM 03.38 7-bit alphabet when every character is in its basic
 * set or its extension table (an extension character takes two septets, the escape and itself),
 * otherwise in UCS-2 (UTF-16 code units). The segment count follows the usual limits: GSM-7 160
 * septets in a single message, 153 per part of a concatenated one (the user data header takes the
 * rest); UCS-2 70 code units single, 67 per part. A part never splits an escape pair or a surrogate
 * pair, as handsets and SMSCs do not either.
 *
 * @param encoding the encoding the text needs
 * @param length   septets (GSM-7) or UTF-16 code units (UCS-2)
 * @param segments how many SMS the text is sent as (at least 1)
 */
public record SmsText(Encoding encoding, int length, int segments) {

    public enum Encoding { GSM7, UCS2 }

    public static final int GSM7_SINGLE = 160;
    public static final int GSM7_PART = 153;
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_PART = 67;

    /** The GSM 03.38 basic character set, in table order (0x00–0x7F; 0x1B, the escape, left out). */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u0000ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table's characters: each is sent as escape + code, two septets. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    /** Analyses a text (null counts as empty). */
    public static SmsText of(String text) {
        String value = text == null ? "" : text;
        return isGsm7(value) ? gsm7(value) : ucs2(value);
    }

    /** Whether every character is in the GSM 03.38 basic set or extension table. */
    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text has to be sent as UCS-2 (providers call it "unicode"). */
    public boolean isUnicode() {
        return encoding == Encoding.UCS2;
    }

    /** Septets a character takes in GSM-7: 1 basic, 2 extension, 0 when it is not in the alphabet. */
    static int septets(char c) {
        if (c != '\u0000' && BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }

    private static SmsText gsm7(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += septets(text.charAt(i));
        }
        if (total <= GSM7_SINGLE) {
            return new SmsText(Encoding.GSM7, total, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = septets(text.charAt(i));
            if (used + size > GSM7_PART) {
                segments++;
                used = 0;
            }
            used += size;
        }
        return new SmsText(Encoding.GSM7, total, segments);
    }

    private static SmsText ucs2(String text) {
        int total = text.length();
        if (total <= UCS2_SINGLE) {
            return new SmsText(Encoding.UCS2, total, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
            if (used + size > UCS2_PART) {
                segments++;
                used = 0;
            }
            used += size;
            i += size - 1;
        }
        return new SmsText(Encoding.UCS2, total, segments);
    }
}
