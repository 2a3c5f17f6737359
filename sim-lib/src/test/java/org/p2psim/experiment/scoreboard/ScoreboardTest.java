package org.p2psim.experiment.scoreboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreboardTest {

    private static Scoreboard small() {
        return Scoreboard.builtins().scenarios(List.of("happy-path")).strategies(List.of("oracle", "riblt")).seeds(2);
    }

    @Test
    void identicalFilesOnOneAndTwoThreads(@TempDir Path dir) throws Exception {
        Scoreboard.Result one = small().threads(1).run();
        Scoreboard.Result two = small().threads(2).run();
        one.writeTo(dir.resolve("one"));
        two.writeTo(dir.resolve("two"));
        for (String file : List.of(ScoreboardFiles.CSV, ScoreboardFiles.RUNS, ScoreboardFiles.HTML)) {
            assertEquals(Files.readString(dir.resolve("one").resolve(file)), Files.readString(dir.resolve("two").resolve(file)), file);
        }
        assertEquals(2, one.rows().size());
        ScoreRow oracle = one.cell("happy-path", "oracle");
        assertEquals(1.0, oracle.shareOfOracle(), 1e-12);
        assertEquals(2, oracle.runs());
        assertTrue(oracle.expectationsTotal() > 0, "happy-path states expectations");
        assertEquals(oracle.expectationsMet(), oracle.oracleMet(), 0);
        assertTrue(Files.readString(dir.resolve("one").resolve(ScoreboardFiles.JSON)).contains("\"share_of_oracle\""));
        assertEquals(List.of("strategy", "happy-path"), one.heatMap().columnNames());
    }

    @Test
    void badNamesAreRefusedNamingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scoreboard.builtins().strategies(List.of("nope")));
        assertTrue(e.getMessage().contains("oracle") && e.getMessage().contains("'nope'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scoreboard.builtins().size("huge"));
        assertTrue(Scoreboard.builtins().scenarioNames().size() >= 10, "the ten built-ins with expectations");
    }

    @Test
    void scenariosWithAndWithoutExpectationsShareOneRunsTable() {
        Scoreboard.Result r = Scoreboard.builtins().scenarios(List.of("two-peers", "happy-path"))
                .strategies(List.of("oracle")).seeds(1).run();
        tech.tablesaw.api.Table runs = r.runs();
        assertEquals(2, runs.rowCount());
        assertEquals(List.of("two-peers", "happy-path"), runs.stringColumn("scenario").asList());
        assertTrue(runs.column("expectations_passed").isMissing(0), "two-peers states none");
        assertTrue(!runs.column("expectations_passed").isMissing(1), "happy-path states some");
        assertEquals(0, r.cell("two-peers", "oracle").expectationsTotal());
    }
}
