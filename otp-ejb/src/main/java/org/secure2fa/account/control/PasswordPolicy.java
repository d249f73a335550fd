package org.secure2fa.account.control;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * Console passwords: at least 12 characters, and not guessable by the estimator nbvcxz (a zxcvbn port
 * with dictionaries of common passwords, words, names, keyboard patterns and dates), which also knows
 * the account's own email address. NIST SP 800-63B: length and a check against known-bad passwords,
 * no composition rules.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    /** What is wrong with the password, or empty when it is acceptable. */
    public static Optional<String> problem(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        List<Dictionary> dictionaries = new java.util.ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        if (email != null && !email.isBlank()) {
            DictionaryBuilder own = new DictionaryBuilder().setDictionaryName("account").setExclusion(true);
            for (String part : email.toLowerCase(Locale.ROOT).split("[@._+-]")) {
                if (part.length() >= 3) {
                    own.addWord(part, 0);
                }
            }
            dictionaries.add(own.createDictionary());
        }
        Nbvcxz estimator = new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries).createConfiguration());
        Result result = estimator.estimate(password);
        if (!result.isMinimumEntropyMet()) {
            String warning = result.getFeedback().getWarning();
            return Optional.of("This password is too easy to guess" + (warning == null || warning.isBlank()
                    ? "." : ": " + warning));
        }
        return Optional.empty();
    }
}
