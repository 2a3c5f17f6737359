package org.p2psim.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The real-world events of a run in the order they happened: the ground truth a replay re-enacts.
 * {@link #save} writes it as JSON lines ({@code {"time_us":…,"kind":…,"device":…,"detail":…}}, one
 * event a line: its {@link SimEventCodec row}) and {@link #load} reads such a file back, so that a
 * generated workload can be kept, edited, shared and played again:
 * {@code ScenarioRun.of(scenario).replaying(Timeline.load(file))}.
 */
public final class Timeline {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<SimEvent> events = new ArrayList<>();

    public void record(SimEvent event) {
        events.add(event);
    }

    public List<SimEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public int size() {
        return events.size();
    }

    /** Writes the events to {@code file} as JSON lines; returns the file. */
    public Path save(Path file) {
        return save(events, file);
    }

    /** Writes {@code events} to {@code file} as JSON lines; returns the file. */
    public static Path save(List<SimEvent> events, Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (SimEvent e : events) {
                SimEventCodec.Row row = SimEventCodec.encode(e);
                ObjectNode line = JSON.createObjectNode();
                line.put("time_us", row.time()).put("kind", row.kind()).put("device", row.device()).put("detail", row.detail());
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the timeline to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * The events of a file written by {@link #save}; a malformed line is an error naming the file,
     * the line and what is wrong.
     */
    public static List<SimEvent> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the timeline " + file + ": " + e.getMessage(), e);
        }
        List<SimEvent> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                result.add(parse(lines.get(i), file + " line " + (i + 1)));
            }
        }
        return result;
    }

    private static SimEvent parse(String line, String where) {
        try {
            JsonNode node = JSON.readTree(line);
            for (String field : List.of("time_us", "kind", "device", "detail")) {
                if (node == null || !node.hasNonNull(field)) {
                    throw new IllegalArgumentException(where + ": missing field " + field
                            + "; each line is {\"time_us\", \"kind\", \"device\", \"detail\"}");
                }
            }
            if (!node.get("time_us").canConvertToLong()) {
                throw new IllegalArgumentException(where + ": time_us must be a whole number of microseconds, was "
                        + node.get("time_us"));
            }
            return SimEventCodec.decode(node.get("time_us").asLong(), node.get("kind").asText(), node.get("device").asText(),
                    node.get("detail").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
