package org.p2psim.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A membership event (seed 004 §4 "Invite Events"): who was invited, who joined, which device an
 * account authorised. Community-wide: it belongs to no channel. Grants fill the store's
 * {@code auth_graph} view. For now anyone holding the community key is authorised (the seed's
 * comment), so a grant records membership and is not checked against earlier grants.
 *
 * @param action   what happened
 * @param subject  whom or what it is about: an invite's id for {@link Action#INVITE} (never the key
 *                 the invite carries), a device id (32 hex) for {@link Action#JOIN} and
 *                 {@link Action#AUTHORIZE_DEVICE}
 * @param account  the account the author acts for: the inviter's account, the account the new
 *                 device joins, the account that authorises its new device
 * @param inviteId for a join: the id of the invite it used, or null (a device authorised by its
 *                 account joins without an invite); null for the other actions
 */
public record Grant(Action action, String subject, String account, String inviteId) implements Payload {
    /** Longest account name, in UTF-8 bytes. */
    public static final int MAX_ACCOUNT_BYTES = 200;

    /** The kinds of grant, each with its name in {@code auth_graph.action} and its wire code. */
    public enum Action {
        INVITE("invite", 1),
        JOIN("join", 2),
        AUTHORIZE_DEVICE("authorize-device", 3);

        private final String label;
        private final int code;

        Action(String label, int code) {
            this.label = label;
            this.code = code;
        }

        /** The name as {@code auth_graph.action} holds it. */
        public String label() {
            return label;
        }

        int code() {
            return code;
        }

        static Action ofCode(int code) {
            return Arrays.stream(values()).filter(a -> a.code == code).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("grant action code " + code));
        }

        /** The action named {@code label}; the message lists the names allowed. */
        public static Action of(String label) {
            return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("grant action must be one of "
                            + Arrays.stream(values()).map(Action::label).toList() + ", was '" + label + "'"));
        }
    }

    public Grant {
        if (action == null) {
            throw new IllegalArgumentException("a grant needs an action, one of "
                    + List.of(Action.values()).stream().map(Action::label).toList());
        }
        requireId(subject, "subject", "an invite id or a device id");
        requireNonBlank(account, "account");
        if (account.getBytes(StandardCharsets.UTF_8).length > MAX_ACCOUNT_BYTES) {
            throw new IllegalArgumentException("grant account must be at most " + MAX_ACCOUNT_BYTES + " UTF-8 bytes, was '"
                    + account + "'");
        }
        if (inviteId != null) {
            if (action != Action.JOIN) {
                throw new IllegalArgumentException("only a join grant names the invite it used; a " + action.label()
                        + " grant has inviteId null, was '" + inviteId + "'");
            }
            requireId(inviteId, "inviteId", "the id of an invite");
        }
    }

    /** {@code account} (the inviter's) created the invite {@code inviteId}. */
    public static Grant invite(String inviteId, String account) {
        return new Grant(Action.INVITE, inviteId, account, null);
    }

    /** Device {@code deviceId} joined {@code account}, with the invite {@code inviteId} (or null). */
    public static Grant join(String deviceId, String account, String inviteId) {
        return new Grant(Action.JOIN, deviceId, account, inviteId);
    }

    /** {@code account} authorised its new device {@code deviceId}. */
    public static Grant authorizeDevice(String deviceId, String account) {
        return new Grant(Action.AUTHORIZE_DEVICE, deviceId, account, null);
    }

    @Override
    public String channelId() {
        return null;
    }

    private static void requireId(String value, String field, String what) {
        if (value == null || value.length() != 2 * EventId.BYTES || !value.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw new IllegalArgumentException("grant " + field + " must be " + 2 * EventId.BYTES + " lowercase hex characters ("
                    + what + "), got " + (value == null ? "null" : "'" + value + "'"));
        }
    }

    private static String requireNonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a grant needs a non-blank " + field + ", got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }
}
