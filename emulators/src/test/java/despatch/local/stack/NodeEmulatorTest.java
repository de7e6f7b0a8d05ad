package despatch.local.stack;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An emulator is ready when its own process listens on its port, not when something does: two
 * test JVMs choosing ports at once once left a stack talking to another stack's DynamoDB.
 */
class NodeEmulatorTest {

    @Test
    void aPortSomeoneElseAnswersOnIsNotMistakenForTheEmulator(@TempDir Path logs) throws Exception {
        Path script = NodeModules.ofProject(ProjectRoot.find()).ensureInstalled().resolve("dynalite/cli.js");
        try (ServerSocket someoneElse = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            NodeEmulator late = NodeEmulator.start("dynalite", script, List.of(), logs.resolve("taken.log"), Map.of(),
                    someoneElse.getLocalPort());
            try {
                IllegalStateException refused = assertThrows(IllegalStateException.class, late::awaitReady);
                assertTrue(refused.getMessage().contains("EADDRINUSE"), refused.getMessage());
            } finally {
                late.close();
            }
        }
    }

    @Test
    void onAFreePortItSaysSoAndIsReady(@TempDir Path logs) throws Exception {
        Path script = NodeModules.ofProject(ProjectRoot.find()).ensureInstalled().resolve("dynalite/cli.js");
        try (NodeEmulator dynalite = NodeEmulator.startAndAwait("dynalite", script, List.of(), logs.resolve("free.log"), Map.of())) {
            assertTrue(Files.readString(logs.resolve("free.log")).contains(NodeEmulator.LISTENING + dynalite.port()));
        }
    }
}
