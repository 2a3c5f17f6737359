package org.p2psim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: an Error (here OutOfMemoryError under a 20 MB heap) was a raw stack trace; now one line and exit 1. */
class OutOfMemoryTest {
    @Test
    void anErrorIsOneLineWithExitOne(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("oom.log");
        Process p = CliProcess.start(List.of("-Xmx20m"), log, "run", "twenty-devices", "--small", "-q", "--out",
                tmp.resolve("run").toString());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        List<String> lines = Files.readAllLines(log);
        assertEquals(1, p.exitValue(), String.join("\n", lines));
        assertEquals(List.of("p2psim: internal error: OutOfMemoryError: Java heap space (P2PSIM_DEBUG=1 shows the stack trace)"),
                lines);
    }
}
