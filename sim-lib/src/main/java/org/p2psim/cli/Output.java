package org.p2psim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Printing for the commands: JSON, and aligned two-column tables for people. */
final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Output() {}

    static void json(PrintWriter out, JsonNode node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print JSON", e);
        }
    }

    /** "name  value" lines, names padded to one width. */
    static void pairs(PrintWriter out, Map<String, String> rows, String indent) {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        rows.forEach((k, v) -> out.println(indent + k + " ".repeat(width - k.length() + 2) + v));
    }

    /** Aligned columns under a header row; every row has one cell per header. */
    static void table(PrintWriter out, java.util.List<String> header, java.util.List<java.util.List<String>> rows, String indent) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (java.util.List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        java.util.List<java.util.List<String>> all = new java.util.ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (java.util.List<String> row : all) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < width.length; c++) {
                String cell = row.get(c);
                line.append(cell).append(c == width.length - 1 ? "" : " ".repeat(width[c] - cell.length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Whole numbers without decimals, others with up to 6 significant digits, NaN as "-". */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    /** Wall-clock seconds for people: "0.42 s", "12.3 s". */
    static String seconds(double s) {
        return String.format(Locale.ROOT, s < 10 ? "%.2f s" : "%.1f s", s);
    }
}
