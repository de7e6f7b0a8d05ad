package despatch.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenSignerTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final byte[] SECRET = "a test secret that is long enough to sign".getBytes(StandardCharsets.UTF_8);

    private static TokenSigner signerAt(Instant instant) {
        return new TokenSigner(SECRET, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aTokenChecksOutForItsSubscriberAndPurpose() {
        String token = signerAt(NOW).sign(TokenPurpose.CONFIRM, "sub-123");
        assertEquals(new TokenCheck.Valid("sub-123"), signerAt(NOW).check(TokenPurpose.CONFIRM, token));
    }

    @Test
    void confirmationLinksExpireAfterSevenDays() {
        String token = signerAt(NOW).sign(TokenPurpose.CONFIRM, "sub-123");
        assertInstanceOf(TokenCheck.Valid.class, signerAt(NOW.plus(Duration.ofDays(7)).minusSeconds(1)).check(TokenPurpose.CONFIRM, token));
        assertInstanceOf(TokenCheck.Expired.class, signerAt(NOW.plus(Duration.ofDays(7))).check(TokenPurpose.CONFIRM, token));
    }

    @Test
    void unsubscribeLinksInOldEmailsKeepWorking() {
        String token = signerAt(NOW).sign(TokenPurpose.UNSUBSCRIBE, "sub-123");
        assertInstanceOf(TokenCheck.Valid.class, signerAt(NOW.plus(Duration.ofDays(3650))).check(TokenPurpose.UNSUBSCRIBE, token));
    }

    @Test
    void tamperedForeignOrMisusedTokensAreInvalid() {
        TokenSigner signer = signerAt(NOW);
        String token = signer.sign(TokenPurpose.UNSUBSCRIBE, "sub-123");
        String otherSubscriber = signer.sign(TokenPurpose.UNSUBSCRIBE, "sub-999");
        String[] parts = token.split("\\.");
        String swapped = parts[0] + "." + otherSubscriber.split("\\.")[1] + "." + parts[2] + "." + parts[3];

        assertInstanceOf(TokenCheck.Invalid.class, signer.check(TokenPurpose.UNSUBSCRIBE, swapped));
        assertInstanceOf(TokenCheck.Invalid.class, signer.check(TokenPurpose.CONFIRM, token), "an unsubscribe link cannot confirm");
        assertInstanceOf(TokenCheck.Invalid.class, signer.check(TokenPurpose.UNSUBSCRIBE, token.substring(0, token.length() - 2)));
        assertInstanceOf(TokenCheck.Invalid.class, signer.check(TokenPurpose.UNSUBSCRIBE, "not-a-token"));
        assertInstanceOf(TokenCheck.Invalid.class, signer.check(TokenPurpose.UNSUBSCRIBE, null));
        TokenSigner otherKey = new TokenSigner("another secret that is also long enough!!".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertInstanceOf(TokenCheck.Invalid.class, otherKey.check(TokenPurpose.UNSUBSCRIBE, token));
    }

    @Test
    void onlyTheSignatureAsIssuedIsTakenNotAnotherSpellingOfIt() {
        TokenSigner signer = signerAt(NOW);
        String token = signer.sign(TokenPurpose.UNSUBSCRIBE, "sub-123");
        // 32 bytes in base64url leave the last character's two low bits unused: A, B, C and D differ only there
        // when the rest of the character is zero, and a decoder reads all four as the same bytes.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        int index = alphabet.indexOf(last);
        char sameBits = alphabet.charAt((index & ~3) | ((index + 1) & 3));
        String respelled = token.substring(0, token.length() - 1) + sameBits;
        assertEquals(java.util.Arrays.toString(java.util.Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1))),
                java.util.Arrays.toString(java.util.Base64.getUrlDecoder().decode(respelled.substring(respelled.lastIndexOf('.') + 1))),
                "the same signature bytes");
        assertEquals(new TokenCheck.Invalid(), signer.check(TokenPurpose.UNSUBSCRIBE, respelled));
        assertInstanceOf(TokenCheck.Valid.class, signer.check(TokenPurpose.UNSUBSCRIBE, token));
    }

    @Test
    void shortSecretsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenSigner(new byte[16], Clock.systemUTC()));
    }
}
