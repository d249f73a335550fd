package org.secure2fa.challenge.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.regex.Pattern;
import org.secure2fa.delivery.spi.ChannelType;

/** Validation and masking of the addresses codes are sent to. */
public final class Recipients {

    /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    /** A pragmatic address check: one @, a dotted domain, no spaces or control characters. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private Recipients() {
    }

    /**
     * An E.164 number (written as such: a plus and digits only) that libphonenumber knows as a valid
     * number of its country, so that codes are not sent, and paid for, to numbers that cannot exist.
     */
    public static boolean isPhone(String value) {
        if (value == null || !E164.matcher(value).matches()) {
            return false;
        }
        try {
            PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
            return phones.isValidNumber(phones.parse(value, null));
        } catch (NumberParseException e) {
            return false;
        }
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches()
                && !value.startsWith(".") && !value.contains("..") && !value.contains(".@");
    }

    public static boolean fits(ChannelType type, String value) {
        return type == ChannelType.SMS ? isPhone(value) : isEmail(value);
    }

    /** {@code a***@example.com} or {@code +1415*****71}: enough to recognise, not to contact. */
    public static String mask(String value) {
        int at = value.indexOf('@');
        if (at > 0) {
            return value.charAt(0) + "***" + value.substring(at);
        }
        if (value.length() > 6) {
            return value.substring(0, 5) + "*".repeat(value.length() - 7) + value.substring(value.length() - 2);
        }
        return "***";
    }
}
