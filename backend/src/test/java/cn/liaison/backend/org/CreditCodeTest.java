package cn.liaison.backend.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void publishedCodesAreValid() {
        assertTrue(CreditCode.isValid("91350100M000100Y43"));
        assertTrue(CreditCode.isValid("91110108551385082Q"));
        assertTrue(CreditCode.isValid("914403001922038216"));
    }

    @Test
    void checkCharacterIsComputedPerGb32100() {
        assertEquals('3', CreditCode.checkCharacter("91350100M000100Y4"));
        assertEquals('Q', CreditCode.checkCharacter("91110108551385082"));
        assertEquals('6', CreditCode.checkCharacter("91440300192203821"));
        // a weighted sum divisible by 31 gives check value 0, not 31
        assertEquals('0', CreditCode.checkCharacter("9132011155138508G"));
    }

    @Test
    void wrongCheckCharacterIsRejectedWithAReason() {
        assertFalse(CreditCode.isValid("91110108551385082R"));
        assertTrue(CreditCode.problem("91110108551385082R").orElseThrow().contains("校验位"));
    }

    @Test
    void wrongLengthLettersAndDivisionCodeAreRejected() {
        assertTrue(CreditCode.problem("9111010855138508").orElseThrow().contains("18"));
        assertFalse(CreditCode.isValid(null));
        // I, O, S, V, Z are not used; lower case is not accepted
        assertTrue(CreditCode.problem("91110108551385O82Q").orElseThrow().contains("第 15 位"));
        assertFalse(CreditCode.isValid("91110108551385082q"));
        assertTrue(CreditCode.problem("91A10108551385082Q").orElseThrow().contains("行政区划"));
        assertThrows(IllegalArgumentException.class, () -> CreditCode.checkCharacter("123"));
    }
}
