package org.p2psim.sync.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.device.FilePolicy;
import org.p2psim.net.PacketRecord;
import org.p2psim.net.PacketType;

/**
 * Found on the full-size conference: the oracle offered a declined chunk again and again, and scanned
 * every declined chunk of every phone at each event stored (one run took 9 minutes). A declined chunk is
 * now offered once.
 */
class OracleDeclineTest {

    @Test
    void aChunkThePeerDeclinedIsOfferedOnce(@TempDir Path dir) {
        List<PacketRecord> records = new ArrayList<>();
        try (Simulation sim = Simulation.builder().seed(2).devices("laptop", "phone").directory(dir).strategy("oracle")
                .network(n -> n.onPacket(records::add)).build()) {
            sim.client("phone").setFilePolicy(FilePolicy.FETCH_NONE);
            byte[] photo = new byte[100_000];
            new SplittableRandom(1).nextBytes(photo);
            sim.upload("laptop", "general", photo, "photo.bin", "application/octet-stream");
            int events = sim.device("laptop").store().size();
            sim.runFor(Duration.ofMinutes(30));
            long offered = records.stream().filter(r -> r.to().equals("phone") && r.type() == PacketType.EVENT).count();
            assertEquals(events, offered, "each of the file's events (its meta and chunks) offered to the phone once, on a lossless link");
        }
    }
}
