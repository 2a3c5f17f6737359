package org.p2psim.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.scenario.Scenario;
import org.p2psim.store.StoreException;

/** A store copied out of a run, and a new device started from it; foreign files are refused. */
class ImportExportTest {
    @TempDir
    static Path tmp;
    static Path run;
    static Path aliceCopy;
    static long aliceEvents;

    @BeforeAll
    static void runAndExport() {
        run = tmp.resolve("run");
        ScenarioRun.of(Scenario.parse(RunDirectoryInspectionTest.SCENARIO, "inspect-test.yaml")).directory(run).run();
        Inspection in = Inspection.of(run);
        aliceCopy = in.exportStore("alice", tmp.resolve("export/alice.sqlite"));
        aliceEvents = in.sql("alice", "SELECT COUNT(*) AS n FROM events").longColumn("n").getLong(0);
    }

    private static Simulation.Builder sameCommunity(Path dir) {
        return Simulation.builder().seed(5).devices("bob", "carol").signatures(SignatureMode.FAST).directory(dir);
    }

    @Test
    void theImportedDeviceHoldsItsEventsFromTimeZeroAndShares(@TempDir Path dir) throws Exception {
        byte[] before = Files.readAllBytes(aliceCopy);
        try (Simulation sim = sameCommunity(dir).deviceFromStore("alice", aliceCopy).build()) {
            assertEquals(List.of("bob", "carol", "alice"), sim.devices().stream().map(d -> d.name()).toList());
            assertEquals(aliceEvents, sim.device("alice").store().size());
            assertEquals(aliceEvents, sim.metrics().truthSize());
            assertEquals(1.0, sim.metrics().completeness("alice"));
            assertEquals(0.0, sim.metrics().completeness("bob"));
            assertTrue(sim.runUntilConverged(Duration.ofMinutes(30)), sim.devicesTable().print());
            assertTrue(Inspection.of(sim).compare("alice", "bob").identical());
            String fresh = sim.post("bob", "general", "after the import");
            assertTrue(sim.runUntilConverged(Duration.ofMinutes(5)));
            assertTrue(sim.device("alice").store().contains(fresh));
        }
        assertArrayEquals(before, Files.readAllBytes(aliceCopy), "the source file is left untouched");
        assertFalse(Files.exists(Path.of(aliceCopy + "-wal")));
    }

    @Test
    void aStoreStartsOnlyItsOwnDevice(@TempDir Path dir) {
        StoreException e = assertThrows(StoreException.class, () -> sameCommunity(dir).deviceFromStore("bob", aliceCopy).build());
        assertEquals(aliceCopy + " is the store of device 'alice', not 'bob'; a device starts only from its own store", e.getMessage());
    }

    @Test
    void anotherCommunitysStoreIsRefused(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Simulation.builder().seed(6).devices("bob", "carol").signatures(SignatureMode.FAST).directory(dir)
                        .deviceFromStore("alice", aliceCopy).build());
        assertTrue(e.getMessage().startsWith(aliceCopy + " cannot be imported as alice: its event "), e.getMessage());
        assertTrue(e.getMessage().contains("is refused (undecryptable: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("a store imports into a simulation with the seed and the devices of the run that wrote it"),
                e.getMessage());
    }

    @Test
    void foreignFilesAreRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.sqlite");
        Files.writeString(text, "not a database");
        StoreException notSqlite = assertThrows(StoreException.class,
                () -> sameCommunity(dir.resolve("a")).deviceFromStore("alice", text).build());
        assertEquals(text + " is not an SQLite database (it does not start with the SQLite header)", notSqlite.getMessage());
        assertEquals("not a database", Files.readString(text));

        Path other = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE contacts(name TEXT)");
        }
        StoreException notAStore = assertThrows(StoreException.class,
                () -> sameCommunity(dir.resolve("b")).deviceFromStore("alice", other).build());
        assertEquals(other + " is not a p2psim device store (no p2psim_meta table; its tables are contacts)", notAStore.getMessage());
        assertFalse(Files.exists(dir.resolve("b/devices/alice.sqlite")), "nothing copied");

        InspectException viaSql = assertThrows(InspectException.class, () -> Inspection.sql(other, "SELECT * FROM contacts"));
        assertEquals(other + " is not a p2psim device store (no p2psim_meta table; its tables are contacts)", viaSql.getMessage());
    }
}
