package despatch.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what the console keeps in a browser cookie: AES-256-GCM, so the browser can neither read
 * it (a staff member's address stays out of plain sight) nor change a byte of it unnoticed. Each
 * purpose (the session, a sign-in under way) has a key of its own, derived from the one secret in
 * Secrets Manager, and its name is bound into every seal, so a value sealed for one is refused as
 * the other.
 */
public final class CookieSeal {
    private static final int MIN_SECRET_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION = "v1.";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretKeySpec key;
    private final byte[] purpose;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secret  the console's secret, at least 32 random bytes
     * @param purpose what the sealed values are for, e.g. "session"; bound into each seal
     */
    public CookieSeal(byte[] secret, String purpose) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The console's cookie secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.purpose = purpose.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(derive(secret, this.purpose), "AES");
    }

    /** A cookie-safe value: version, then base64url of IV and ciphertext with its tag. */
    public String seal(byte[] plain) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(purpose);
            byte[] sealed = cipher.doFinal(plain);
            return VERSION + ENCODER.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The bytes sealed, or empty for anything this seal did not make: changed, cut, another purpose's, another key's. */
    public Optional<byte[]> open(String value) {
        if (value == null || !value.startsWith(VERSION)) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = DECODER.decode(value.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length < IV_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            cipher.updateAAD(purpose);
            return Optional.of(cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES));
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** A record sealed as JSON: what the console's cookies carry. */
    public String sealJson(Object value) {
        try {
            return seal(JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalStateException("A " + value.getClass().getSimpleName() + " could not be written", e);
        }
    }

    /** The record sealed by {@link #sealJson}, or empty for anything this seal did not make or that is not one. */
    public <T> Optional<T> openJson(String value, Class<T> type) {
        return open(value).flatMap(json -> {
            try {
                return Optional.of(JSON.readValue(json, type));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** HMAC-SHA256 of the purpose under the secret: one 256-bit key per purpose. */
    private static byte[] derive(byte[] secret, byte[] purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
