package despatch.subscription;

import despatch.common.EmailAddress;
import despatch.common.Hashes;

/**
 * The SHA-256 of a normalised address: the key that finds a subscriber by address, and all that
 * remains of an erased one, so that a suppression outlives the personal data.
 */
public final class AddressKey {
    private AddressKey() {
    }

    public static String of(EmailAddress address) {
        return Hashes.sha256(address.normalised());
    }
}
