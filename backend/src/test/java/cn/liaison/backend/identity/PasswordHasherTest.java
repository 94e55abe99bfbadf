package cn.liaison.backend.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashVerifiesTheSamePasswordOnly() {
        String stored = hasher.hash("人防-Secret-2026");

        assertTrue(hasher.verify("人防-Secret-2026", stored));
        assertFalse(hasher.verify("人防-secret-2026", stored));
        assertFalse(hasher.verify("", stored));
    }

    @Test
    void storedFormIsPbkdf2WithEnoughIterationsAndARandomSalt() {
        String first = hasher.hash("same password");
        String second = hasher.hash("same password");
        String[] parts = first.split("\\$");

        assertEquals("pbkdf2-sha256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 210_000);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertNotEquals(first, second, "a fresh salt every time");
        assertFalse(first.contains("same password"));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        assertFalse(hasher.verify("x", null));
        assertFalse(hasher.verify("x", ""));
        assertFalse(hasher.verify("x", "plain-text-password"));
        assertFalse(hasher.verify("x", "pbkdf2-sha256$notanumber$AAAA$AAAA"));
        assertFalse(hasher.verify("x", "pbkdf2-sha256$999999999$AAAA$AAAA"));
        assertFalse(hasher.verify("x", "md5$1$AAAA$AAAA"));
    }

    @Test
    void randomPasswordsAreLongAndDifferent() {
        String a = hasher.randomPassword(16);
        String b = hasher.randomPassword(16);

        assertEquals(16, a.length());
        assertNotEquals(a, b);
        assertTrue(a.matches("[A-Za-z2-9]+"), a);
    }
}
