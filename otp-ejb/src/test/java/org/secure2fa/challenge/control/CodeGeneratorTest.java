package org.secure2fa.challenge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {

    @Test
    void codesHaveTheRequestedDigitsIncludingLeadingZeros() {
        for (int digits = 4; digits <= 10; digits++) {
            for (int i = 0; i < 200; i++) {
                String code = CodeGenerator.next(digits);
                assertEquals(digits, code.length());
                assertTrue(code.chars().allMatch(Character::isDigit), code);
            }
        }
    }

    @Test
    void everyDigitAppearsInEveryPositionAtRoughlyEqualRates() {
        int samples = 20_000;
        int[][] counts = new int[6][10];
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < samples; i++) {
            String code = CodeGenerator.next(6);
            distinct.add(code);
            for (int p = 0; p < 6; p++) {
                counts[p][code.charAt(p) - '0']++;
            }
        }
        for (int[] position : counts) {
            for (int count : position) {
                // expected 2,000 each; 1,700..2,300 is more than 6 standard deviations wide
                assertTrue(count > 1_700 && count < 2_300, "digit count " + count);
            }
        }
        assertTrue(distinct.size() > samples * 0.98, "codes repeat too often: " + distinct.size());
    }
}
