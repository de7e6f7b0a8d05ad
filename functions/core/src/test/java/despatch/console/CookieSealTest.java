package despatch.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CookieSealTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAIN = "{\"email\":\"press.officer@example.org.uk\"}".getBytes(StandardCharsets.UTF_8);

    private final CookieSeal seal = new CookieSeal(SECRET, "session");

    @Test
    void opensWhatItSealedAndHidesItFromTheBrowser() {
        String value = seal.seal(PLAIN);
        assertArrayEquals(PLAIN, seal.open(value).orElseThrow());
        assertFalse(value.contains("press.officer"), value);
        assertTrue(value.matches("v1\\.[A-Za-z0-9_-]+"), "cookie-safe: " + value);
        assertNotEquals(value, seal.seal(PLAIN), "a fresh IV each time");
    }

    @Test
    void refusesAnyChangedByte() {
        byte[] raw = Base64.getUrlDecoder().decode(seal.seal(PLAIN).substring(3));
        for (int i = 0; i < raw.length; i++) {
            byte[] changed = Arrays.copyOf(raw, raw.length);
            changed[i] ^= 1;
            assertEquals(Optional.empty(), seal.open("v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed)), "byte " + i);
        }
    }

    @Test
    void refusesAnotherPurposesOrAnotherKeysSeal() {
        String value = seal.seal(PLAIN);
        assertEquals(Optional.empty(), new CookieSeal(SECRET, "sign-in").open(value));
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        assertEquals(Optional.empty(), new CookieSeal(other, "session").open(value));
    }

    @Test
    void refusesWhatIsNotASealAtAll() {
        for (String value : new String[] {null, "", "v1.", "v1.!!!", "v2." + seal.seal(PLAIN).substring(3), "v1.AAAA"}) {
            assertEquals(Optional.empty(), seal.open(value), String.valueOf(value));
        }
    }

    @Test
    void refusesAShortSecret() {
        assertThrows(IllegalArgumentException.class, () -> new CookieSeal(new byte[16], "session"));
    }
}
