package org.p2psim.metrics.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.p2psim.metrics.facts.PacketRow;

/** The columnar packet log gives back the rows it was given, across chunk boundaries. */
class PacketLogTest {
    @Test
    void rowsReadBackEqualTheRowsAdded() {
        Random random = new Random(15);
        String[] types = {"event", "recon", "want"};
        String[][] outcomes = {{"delivered", ""}, {"dropped", "loss"}, {"rejected", "replay"}};
        List<PacketRow> added = new ArrayList<>();
        PacketLog log = new PacketLog();
        for (int i = 0; i < 40_000; i++) {
            String[] o = outcomes[random.nextInt(3)];
            long sent = random.nextLong();
            PacketRow row = new PacketRow(sent, sent + random.nextInt(1 << 30), "d" + random.nextInt(300), "d" + random.nextInt(300),
                    types[random.nextInt(3)], random.nextInt(70_000), o[0], o[1], random.nextLong(), random.nextBoolean());
            added.add(row);
            log.add(row);
        }
        assertEquals(added.size(), log.size());
        assertEquals(added, log);
        assertEquals(added.get(16_384), log.get(16_384));
        assertThrows(IndexOutOfBoundsException.class, () -> log.get(40_000));
    }
}
