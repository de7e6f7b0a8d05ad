package despatch.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class NetworkKeyTest {
    @Test
    void anIpv4AddressIsItsOwnNetwork() {
        assertEquals("203.0.113.7", NetworkKey.of("203.0.113.7"));
    }

    @Test
    void everyAddressInOneIpv6SlashSixtyFourIsOneNetwork() {
        assertEquals(NetworkKey.of("2001:db8:1:2::1"), NetworkKey.of("2001:db8:1:2:ffff:eeee:dddd:cccc"));
        assertNotEquals(NetworkKey.of("2001:db8:1:2::1"), NetworkKey.of("2001:db8:1:3::1"));
    }
}
