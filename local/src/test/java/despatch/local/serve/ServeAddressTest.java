package despatch.local.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** ./despatch serve --port N serves where the stack's pages and emails link, never somewhere else. */
class ServeAddressTest {

    @Test
    void aStackServeStartsItselfIsGivenThePortItServes() {
        assertEquals("http://127.0.0.1:8787", ServeAddress.forOwnStack(OptionalInt.empty()).url());
        assertEquals("http://127.0.0.1:9123", ServeAddress.forOwnStack(OptionalInt.of(9123)).url());
    }

    @Test
    void aRunningStackDecidesThePortItsLinksLeadTo() throws Exception {
        assertEquals(9123, ServeAddress.forRunningStack(OptionalInt.empty(), "http://127.0.0.1:9123").port());
        assertEquals(8787, ServeAddress.forRunningStack(OptionalInt.of(8787), "http://127.0.0.1:8787").port());
    }

    @Test
    void anotherPortThanTheRunningStacksIsRefusedSayingHowToGetIt() {
        ServeAddress.ElsewhereException refused = assertThrows(ServeAddress.ElsewhereException.class,
                () -> ServeAddress.forRunningStack(OptionalInt.of(9000), "http://127.0.0.1:8787"));
        assertTrue(refused.getMessage().contains("port 8787"), refused.getMessage());
        assertTrue(refused.getMessage().contains("./despatch down") && refused.getMessage().contains("./despatch serve --port 9000"),
                refused.getMessage());
    }

    @Test
    void aRunningStackLinkingAwayFromThisMachineIsRefused() {
        for (String address : new String[] {"", "https://api.example.org.uk", "http://127.0.0.1", "not a url"}) {
            assertThrows(ServeAddress.ElsewhereException.class, () -> ServeAddress.forRunningStack(OptionalInt.empty(), address), address);
        }
    }
}
