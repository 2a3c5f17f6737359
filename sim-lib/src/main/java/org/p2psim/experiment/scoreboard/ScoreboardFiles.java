package org.p2psim.experiment.scoreboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.p2psim.table.RecordTable;

/** The files of a scoreboard directory: scoreboard.csv, runs.csv, scoreboard.json and scoreboard.html. */
final class ScoreboardFiles {
    static final String CSV = "scoreboard.csv";
    static final String RUNS = "runs.csv";
    static final String JSON = "scoreboard.json";
    static final String HTML = "scoreboard.html";

    private ScoreboardFiles() {}

    static void write(Path dir, Scoreboard.Result result) {
        try {
            Files.createDirectories(dir);
            result.table().write().csv(dir.resolve(CSV).toFile());
            result.runs().write().csv(dir.resolve(RUNS).toFile());
            Files.writeString(dir.resolve(JSON), json(result), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(HTML), html(result), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scoreboard into " + dir, e);
        }
    }

    static String json(Scoreboard.Result result) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        Scoreboard d = result.definition();
        root.put("size", d.sizeName());
        root.put("seeds", d.seedCount());
        root.putPOJO("scenarios", d.scenarioNames());
        root.putPOJO("strategies", d.strategyNames());
        root.put("wall_seconds", result.wallSeconds());
        ArrayNode rows = root.putArray("rows");
        for (ScoreRow row : result.rows()) {
            ObjectNode o = rows.addObject();
            for (var c : ScoreRow.class.getRecordComponents()) {
                Object v;
                try {
                    v = c.getAccessor().invoke(row);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                String key = RecordTable.snakeCase(c.getName());
                if (v instanceof Double x) {
                    if (Double.isFinite(x)) {
                        o.put(key, x);
                    } else {
                        o.putNull(key);
                    }
                } else if (v instanceof Integer i) {
                    o.put(key, i);
                } else {
                    o.put(key, String.valueOf(v));
                }
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    /** A self-contained page: the scoreboard with each cell coloured by the share of the oracle's completeness. */
    static String html(Scoreboard.Result result) {
        Scoreboard d = result.definition();
        StringBuilder h = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>p2psim scoreboard</title>"
                + "<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;"
                + "font-size:12px;text-align:right}th{background:#eee}td.l{text-align:left}</style></head><body>");
        h.append("<h1>Scoreboard</h1><p>").append(d.strategyNames().size()).append(" strategies × ").append(d.scenarioNames().size())
                .append(" scenarios × ").append(d.seedCount()).append(" seeds at ").append(d.sizeName()).append(" size.")
                .append(" Cells: mean over seeds ± half-width of the 95 % interval. Colour: share of the oracle's completeness.</p>");
        h.append("<table><tr><th>scenario</th><th>strategy</th><th>expectations met</th><th>oracle met</th><th>attainable met</th><th>oracle attainable</th><th>completeness</th>"
                + "<th>share of oracle</th><th>bytes ÷ floor</th><th>sync p50 s</th><th>sync p99 s</th><th>duplicates</th>"
                + "<th>round trips p50</th></tr>");
        for (ScoreRow r : result.rows()) {
            h.append("<tr style=\"background:").append(colour(r.shareOfOracle())).append("\"><td class=l>").append(r.scenario())
                    .append("</td><td class=l>").append(r.strategy()).append("</td><td>").append(r.expectationsMet()).append(" / ")
                    .append(r.expectationsTotal()).append("</td><td>").append(Double.isNaN(r.oracleMet()) ? "" : (int) r.oracleMet())
                    .append("</td><td>").append(r.attainableMet()).append(" / ").append(r.expectationsTotal()).append("</td><td>")
                    .append(Double.isNaN(r.oracleAttainableMet()) ? "" : (int) r.oracleAttainableMet())
                    .append("</td><td>").append(pm(r.completeness(), r.completenessCi())).append("</td><td>").append(fmt(r.shareOfOracle()))
                    .append("</td><td>").append(pm(r.bytesOverFloor(), r.bytesOverFloorCi())).append("</td><td>")
                    .append(pm(r.syncP50S(), r.syncP50SCi())).append("</td><td>").append(pm(r.syncP99S(), r.syncP99SCi()))
                    .append("</td><td>").append(pm(r.duplicates(), r.duplicatesCi())).append("</td><td>")
                    .append(pm(r.roundTrips(), r.roundTripsCi())).append("</td></tr>");
        }
        return h.append("</table></body></html>\n").toString();
    }

    private static String colour(double share) {
        if (Double.isNaN(share)) {
            return "#fff";
        }
        double s = Math.max(0, Math.min(1, (share - 0.8) / 0.2)); // 80 % or less red, 100 % green
        return String.format(Locale.ROOT, "rgb(%d,%d,170)", (int) (255 - 85 * s), (int) (170 + 85 * s));
    }

    private static String pm(double mean, double ci) {
        return Double.isNaN(ci) ? fmt(mean) : fmt(mean) + " ± " + fmt(ci);
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }
}
