package despatch.subscription;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, self-contained link tokens: {@code purpose.subscriberId.expiry.signature}, HMAC-SHA256
 * over everything before the signature. Nothing needs storing to check one, a tampered token
 * fails the constant-time comparison, and a token for one purpose cannot be used for another.
 * The secret comes from configuration (a SecureString in deployment), never from code.
 */
public final class TokenSigner {
    private static final int MIN_SECRET_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String NO_EXPIRY = "0";

    private final SecretKeySpec key;
    private final Clock clock;

    public TokenSigner(byte[] secret, Clock clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The token signing secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = clock;
    }

    public String sign(TokenPurpose purpose, String subscriberId) {
        String expiry = purpose.lifetime().map(life -> Long.toString(clock.instant().plus(life).getEpochSecond())).orElse(NO_EXPIRY);
        String payload = purpose.code() + "." + ENCODER.encodeToString(subscriberId.getBytes(StandardCharsets.UTF_8)) + "." + expiry;
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    public TokenCheck check(TokenPurpose expected, String token) {
        if (token == null) {
            return new TokenCheck.Invalid();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !TokenPurpose.ofCode(parts[0]).equals(java.util.Optional.of(expected))) {
            return new TokenCheck.Invalid();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        // The signature exactly as it was issued, compared as text: base64 leaves two bits of the last
        // character unused, and a decoder ignores them, so comparing decoded bytes would take four
        // spellings of one signature.
        byte[] issued = ENCODER.encodeToString(mac(payload)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(issued, parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return new TokenCheck.Invalid();
        }
        if (!parts[2].equals(NO_EXPIRY) && !clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[2])))) {
            return new TokenCheck.Expired();
        }
        return new TokenCheck.Valid(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
