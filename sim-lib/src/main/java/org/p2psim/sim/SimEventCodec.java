package org.p2psim.sim;

import java.util.Base64;

/**
 * Turns a {@link SimEvent} into its row {@code (time, kind, device, detail)}, the form of the
 * {@code sim_events} table and of a saved {@link Timeline}, and a row back into an event; the one
 * place that knows the detail of each kind (documented on {@link SimEvent}). An event encodes to a
 * row that decodes to an equal event, and a row that the codec wrote decodes to an event that
 * encodes to the same bytes. A row from a timeline recorded before accounts, a {@code join} whose
 * detail is the bootstrap peer alone, decodes to a join into the account of the device's own name.
 */
public final class SimEventCodec {
    private static final String TAB = "\t";
    private static final String GRACEFUL = "graceful";
    private static final String ABRUPT = "abrupt";
    /** How much of a bad detail an error message quotes. */
    private static final int QUOTE_LIMIT = 120;

    private SimEventCodec() {
    }

    /** A stored real-world event: simulated time in µs, one of {@link SimEvent#KINDS}, device and detail. */
    public record Row(long time, String kind, String device, String detail) {
    }

    /** The row of {@code event}. */
    public static Row encode(SimEvent event) {
        return new Row(event.time(), event.kind(), event.device(), detail(event));
    }

    /** The detail of the event's row (one branch per record of the sealed {@link SimEvent}). */
    public static String detail(SimEvent event) {
        if (event instanceof SimEvent.Message m) {
            return m.channel() + TAB + m.text();
        } else if (event instanceof SimEvent.FileShared f) {
            return String.join(TAB, f.channel(), f.name(), f.mime(), Base64.getEncoder().encodeToString(f.content()));
        } else if (event instanceof SimEvent.Reply r) {
            return r.parentId() + TAB + r.text();
        } else if (event instanceof SimEvent.Read r) {
            return r.channel() + TAB + r.pages();
        } else if (event instanceof SimEvent.Invite i) {
            return i.inviteId();
        } else if (event instanceof SimEvent.Join j) {
            return String.join(TAB, j.via(), j.account(), j.inviteId() == null ? "" : j.inviteId());
        } else if (event instanceof SimEvent.Leave l) {
            return l.graceful() ? GRACEFUL : ABRUPT;
        } else if (event instanceof SimEvent.Reconnect || event instanceof SimEvent.Switch) {
            return "";
        }
        throw new IllegalArgumentException("not a sim event of a known kind: " + event);
    }

    /** The event of {@code row}; see {@link #decode(long, String, String, String)}. */
    public static SimEvent decode(Row row) {
        return decode(row.time(), row.kind(), row.device(), row.detail());
    }

    /**
     * The event of a row; an unknown kind, a detail with the wrong number of fields or a field
     * its kind does not allow is an {@link IllegalArgumentException} that says what is wrong.
     */
    public static SimEvent decode(long time, String kind, String device, String detail) {
        if (kind == null || !SimEvent.KINDS.contains(kind)) {
            throw new IllegalArgumentException("sim event kind must be one of " + SimEvent.KINDS + ", was "
                    + (kind == null ? "null" : "'" + kind + "'"));
        }
        if (detail == null) {
            throw new IllegalArgumentException(SimEventChecks.described(kind) + "'s detail must be text, was null");
        }
        return switch (kind) {
            case SimEvent.MESSAGE -> message(time, device, fields(kind, detail, 2, "the channel and the text"));
            case SimEvent.FILE -> file(time, device, fields(kind, detail, 4, "channel, name, type and base64 content"));
            case SimEvent.REPLY -> reply(time, device, fields(kind, detail, 2, "the id of the message answered and the text"));
            case SimEvent.READ -> read(time, device, fields(kind, detail, 2, "the channel and the number of pages"));
            case SimEvent.INVITE -> new SimEvent.Invite(time, device, fields(kind, detail, 1, "the invite's id")[0]);
            case SimEvent.JOIN -> join(time, device, detail);
            case SimEvent.LEAVE -> new SimEvent.Leave(time, device, graceful(detail));
            case SimEvent.RECONNECT -> new SimEvent.Reconnect(time, requireNoDetail(kind, device, detail));
            default -> new SimEvent.Switch(time, requireNoDetail(kind, device, detail));
        };
    }

    private static SimEvent message(long time, String device, String[] f) {
        return new SimEvent.Message(time, device, f[0], f[1]);
    }

    private static SimEvent file(long time, String device, String[] f) {
        byte[] content;
        try {
            content = Base64.getDecoder().decode(f[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a file sim event's content must be base64, was " + quoted(f[3])
                    + ": " + e.getMessage(), e);
        }
        return new SimEvent.FileShared(time, device, f[0], f[1], f[2], content);
    }

    private static SimEvent reply(long time, String device, String[] f) {
        return new SimEvent.Reply(time, device, f[0], f[1]);
    }

    private static SimEvent read(long time, String device, String[] f) {
        int pages;
        try {
            pages = Integer.parseInt(f[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a read sim event's pages must be a whole number, was " + quoted(f[1]), e);
        }
        return new SimEvent.Read(time, device, f[0], pages);
    }

    /** Three fields, or (recorded before accounts) the bootstrap peer alone, joining the device's own account. */
    private static SimEvent join(long time, String device, String detail) {
        String[] f = detail.split(TAB, -1);
        if (f.length == 1) {
            return new SimEvent.Join(time, device, f[0], device, null);
        }
        if (f.length != 3) {
            throw fieldCount(SimEvent.JOIN, detail, f.length, "3 (the bootstrap peer, the account and the invite id,"
                    + " empty for none) or 1 (the bootstrap peer, in a timeline recorded before accounts)");
        }
        return new SimEvent.Join(time, device, f[0], f[1], f[2]);
    }

    private static boolean graceful(String detail) {
        if (!detail.equals(GRACEFUL) && !detail.equals(ABRUPT)) {
            throw new IllegalArgumentException("a leave sim event's detail must be '" + GRACEFUL + "' or '" + ABRUPT
                    + "', was " + quoted(detail));
        }
        return detail.equals(GRACEFUL);
    }

    /** The device of a kind without detail, once the detail is checked to be empty. */
    private static String requireNoDetail(String kind, String device, String detail) {
        if (!detail.isEmpty()) {
            throw new IllegalArgumentException(SimEventChecks.described(kind) + " has no detail, was " + quoted(detail));
        }
        return device;
    }

    /**
     * The detail's {@code n} fields. Where the last field is free text ({@code n} = 2: a message's or
     * reply's text; a read's pages are checked as a number) it keeps any further tabs.
     */
    private static String[] fields(String kind, String detail, int n, String what) {
        boolean lastIsText = kind.equals(SimEvent.MESSAGE) || kind.equals(SimEvent.REPLY);
        String[] f = lastIsText ? detail.split(TAB, n) : detail.split(TAB, -1);
        if (f.length != n) {
            throw fieldCount(kind, detail, f.length, n + " (" + what + ")");
        }
        return f;
    }

    private static IllegalArgumentException fieldCount(String kind, String detail, int count, String expected) {
        return new IllegalArgumentException(SimEventChecks.described(kind) + "'s detail has " + expected + " fields separated"
                + " by tabs, was " + count + (count == 1 ? " field: " : " fields: ") + quoted(detail));
    }

    private static String quoted(String value) {
        return value.length() <= QUOTE_LIMIT ? "'" + value + "'" : "'" + value.substring(0, QUOTE_LIMIT) + "…' ("
                + value.length() + " characters)";
    }
}
