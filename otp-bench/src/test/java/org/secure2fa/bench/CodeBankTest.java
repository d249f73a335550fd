package org.secure2fa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeBankTest {

    private static final long NOW = 1_000_000_000_000L;

    @Test
    void rightCodesComeUntriedFirstThenTriedOldestFirst() {
        CodeBank bank = new CodeBank();
        bank.deposit(List.of(code("tried", true), code("a", false), code("b", false)));

        assertEquals(List.of("a", "b", "tried"), uuids(bank.forRightCodes(10, NOW)));
        assertEquals(List.of(), bank.forRightCodes(10, NOW));
    }

    @Test
    void wrongCodesAreOnlyCodesWithoutWrongAttemptsSoNoneGetsAFifth() {
        CodeBank bank = new CodeBank();
        bank.deposit(List.of(code("tried", true), code("a", false)));

        assertEquals(List.of("a"), uuids(bank.forWrongCodes(10, NOW)));
        assertEquals(List.of(), bank.forWrongCodes(10, NOW));
        assertEquals(List.of("tried"), uuids(bank.forRightCodes(10, NOW)));
    }

    @Test
    void codesThatWouldExpireBeforeThePhaseEndsAreDropped() {
        CodeBank bank = new CodeBank();
        Issued old = new Issued("old", 1, NOW - CodeBank.LIFETIME.toNanos(), false);
        Issued young = new Issued("young", 2, NOW - CodeBank.LIFETIME.toNanos() + 1, false);
        bank.deposit(List.of(old, young));

        assertEquals(List.of("young"), uuids(bank.forRightCodes(10, NOW)));
    }

    @Test
    void theCountsAreOfCodesThatLiveUntilThenAndTakeNothing() {
        CodeBank bank = new CodeBank();
        Issued old = new Issued("old", 1, NOW - CodeBank.LIFETIME.toNanos(), false);
        bank.deposit(List.of(old, code("a", false), code("tried", true)));

        assertEquals(2, bank.rightCodes(NOW));
        assertEquals(1, bank.wrongCodes(NOW));
        assertEquals(3, bank.rightCodes(NOW - 1));
        assertEquals(List.of("old", "a", "tried"), uuids(bank.forRightCodes(10, NOW - 1)));
    }

    @Test
    void noMoreThanAskedAndTheRestStays() {
        CodeBank bank = new CodeBank();
        bank.deposit(List.of(code("a", false), code("b", false), code("c", false)));

        assertEquals(List.of("a", "b"), uuids(bank.forRightCodes(2, NOW)));
        assertEquals(List.of("c"), uuids(bank.forRightCodes(10, NOW)));
    }

    @Test
    void aWrongCodeIsNeverTheCodeEvenAtTheTopOfTheRange() {
        for (int code : new int[] {0, 123456, 999996, 999999}) {
            for (int attempt = 1; attempt <= VerifyWorkload.WRONG_TRIES; attempt++) {
                int wrong = VerifyWorkload.wrongCode(code, attempt);
                assertNotEquals(code, wrong);
                assertEquals(6, ResponseBodies.formatCode(wrong).length());
            }
        }
    }

    private static Issued code(String uuid, boolean tried) {
        return new Issued(uuid, 123456, NOW - 1_000, tried);
    }

    private static List<String> uuids(List<Issued> codes) {
        return codes.stream().map(Issued::uuid).toList();
    }
}
