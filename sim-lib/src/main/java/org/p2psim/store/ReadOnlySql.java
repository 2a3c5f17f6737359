package org.p2psim.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What "read-only" means for SQL a person or a tool hands to a store (issue 12): one statement that
 * reads the device's own database and nothing else. A statement is refused, with the reason, when
 *
 * <ul>
 *   <li>it is empty, or there is more than one (a {@code ;} outside strings, quoted names and
 *       comments followed by anything but blanks and comments);</li>
 *   <li>it is another kind of statement than SELECT, WITH, VALUES, EXPLAIN or a PRAGMA that only
 *       reads ({@link #READ_PRAGMAS}, never with {@code =});</li>
 *   <li>it calls {@code load_extension}, or SQLite's own compilation of it ({@code EXPLAIN}) holds
 *       an instruction that writes, attaches, starts a transaction or changes the schema
 *       ({@link #WRITING_OPCODES}) — how {@code sqlite3_stmt_readonly} decides, which sqlite-jdbc
 *       does not expose.</li>
 * </ul>
 *
 * The connection it runs on is opened read-only besides, so this is the clear answer, not the only
 * wall. {@link Limits} bounds the rows kept and the time one statement may take.
 */
public final class ReadOnlySql {

    /** Rows kept ({@code maxRows}, more are counted only) and the wall-clock time a statement may take. */
    public record Limits(long maxRows, Duration timeout) {
        /** What {@code DeviceStore.query(sql)} uses: every row, one minute. */
        public static final Limits DEFAULT = new Limits(Long.MAX_VALUE, Duration.ofMinutes(1));

        public Limits {
            if (maxRows < 0) {
                throw new IllegalArgumentException("maxRows must be >= 0, was " + maxRows);
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
        }
    }

    /**
     * The first {@code maxRows} rows of a result; {@code truncated} when it had more. The rest is
     * never read: counting it would cost what the limit is there to save.
     */
    public record Rows(tech.tablesaw.api.Table table, boolean truncated) {}

    /** Pragmas that only report; with an argument only the per-table ones and the checks. */
    static final Set<String> READ_PRAGMAS = Set.of("table_info", "table_xinfo", "table_list", "index_list",
            "index_info", "index_xinfo", "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
            "page_count", "page_size", "freelist_count", "user_version", "schema_version", "application_id",
            "compile_options", "database_list", "function_list", "pragma_list", "collation_list", "module_list",
            "encoding", "journal_mode", "data_version", "max_page_count", "auto_vacuum");
    private static final Set<String> PRAGMAS_WITH_ARGUMENT = Set.of("table_info", "table_xinfo", "table_list",
            "index_list", "index_info", "index_xinfo", "foreign_key_list", "foreign_key_check", "integrity_check",
            "quick_check");
    /** The other statements SQLite knows; any other first word is left to SQLite's own syntax error. */
    private static final Set<String> OTHER_STATEMENTS = Set.of("insert", "update", "delete", "replace", "upsert",
            "create", "drop", "alter", "vacuum", "attach", "detach", "begin", "commit", "end", "rollback", "savepoint",
            "release", "reindex", "analyze");

    /** VDBE instructions that only a statement writing somewhere, or changing the connection, holds. */
    static final Set<String> WRITING_OPCODES = Set.of("OpenWrite", "Vacuum", "IncrVacuum", "Checkpoint", "JournalMode",
            "AutoCommit", "Savepoint", "ParseSchema", "CreateBtree", "Destroy", "Clear", "SetCookie", "VCreate",
            "VDestroy", "VUpdate", "DropTable", "DropIndex", "DropTrigger", "SqlExec");
    private static final Set<String> CONNECTION_FUNCTIONS = Set.of("sqlite_attach", "sqlite_detach", "load_extension");

    private ReadOnlySql() {}

    /** Refuses (with the reason) whatever is not one statement that only reads; the shape check, no SQLite needed. */
    public static void checkShape(String sql) {
        List<String> words = words(sql);
        if (words.isEmpty()) {
            throw refused("the query is empty");
        }
        String first = words.get(0).toLowerCase(Locale.ROOT);
        if (OTHER_STATEMENTS.contains(first)) {
            throw refused("only statements that read are allowed (SELECT, WITH, VALUES, EXPLAIN or a"
                    + " PRAGMA that reads), not " + words.get(0).toUpperCase(Locale.ROOT));
        }
        int semicolon = words.indexOf(";");
        if (semicolon >= 0 && semicolon < words.size() - 1) {
            throw refused("only one statement is allowed; a second one starts after the ';' ("
                    + words.get(semicolon + 1) + " …)");
        }
        for (String w : words) {
            if (w.equalsIgnoreCase("load_extension")) {
                throw refused("load_extension is not allowed");
            }
        }
        if (first.equals("pragma")) {
            checkPragma(words.subList(0, semicolon >= 0 ? semicolon : words.size()));
        }
    }

    private static void checkPragma(List<String> words) {
        int at = words.size() > 3 && words.get(2).equals(".") ? 3 : 1;
        String name = words.size() > at ? words.get(at).toLowerCase(Locale.ROOT) : "";
        if (!READ_PRAGMAS.contains(name)) {
            throw refused("PRAGMA " + name + " is not one of the pragmas that only read ("
                    + String.join(", ", new java.util.TreeSet<>(READ_PRAGMAS)) + ")");
        }
        List<String> rest = words.subList(Math.min(at + 1, words.size()), words.size());
        if (rest.contains("=")) {
            throw refused("PRAGMA " + name + " = … writes a setting; only reading it is allowed");
        }
        if (!rest.isEmpty() && !PRAGMAS_WITH_ARGUMENT.contains(name)) {
            throw refused("PRAGMA " + name + "(…) writes a setting; only reading it is allowed");
        }
    }

    /** The shape check, then SQLite's compiled program of {@code sql} on {@code c} searched for writing instructions. */
    static void check(Connection c, String sql) throws SQLException {
        checkShape(sql);
        String first = words(sql).get(0).toLowerCase(Locale.ROOT);
        if (first.equals("explain")) {
            return; // EXPLAIN only compiles; what it explains never runs
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                String opcode = rs.getString("opcode");
                String p4 = String.valueOf(rs.getString("p4"));
                if (WRITING_OPCODES.contains(opcode) || opcode.equals("Transaction") && rs.getInt("p2") != 0) {
                    throw refused("the statement would write or change the database (SQLite compiles it"
                            + " to " + opcode + "); only statements that read the device's own database are allowed");
                }
                if ((opcode.equals("Function") || opcode.equals("PureFunc")) && CONNECTION_FUNCTIONS.stream()
                        .anyMatch(f -> p4.toLowerCase(Locale.ROOT).startsWith(f))) {
                    throw refused("ATTACH, DETACH and load_extension are not allowed (" + p4 + ")");
                }
            }
        }
    }

    /**
     * The words of {@code sql} as SQLite's tokenizer sees them, without blanks and comments:
     * identifiers and keywords, quoted strings and names (one word each, quotes kept) and single
     * punctuation characters. Unterminated strings and comments run to the end.
     */
    static List<String> words(String sql) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
                int end = quotedEnd(sql, i, ch == '[' ? ']' : ch);
                out.add(sql.substring(i, end));
                i = end;
            } else if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '$' || ch > 127) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$' || sql.charAt(i) > 127)) {
                    i++;
                }
                out.add(sql.substring(start, i));
            } else {
                out.add(String.valueOf(ch));
                i++;
            }
        }
        return out;
    }

    // A quote doubled inside a string or name stands for itself; [names] have no escape.
    private static int quotedEnd(String sql, int start, char close) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static Refused refused(String reason) {
        return new Refused(reason);
    }

    /** Why a statement is not run; it is the cause of the {@link StoreException} that names the file and the query. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }
}
