package org.p2psim.adversary;

import org.p2psim.event.Event;
import org.p2psim.event.Message;

/**
 * Authors real events as fast as {@code burst} per act allows and pushes each straight to every
 * other device, at and beyond any limit: the cost is honest members' bandwidth and storage, and
 * per-peer rate limits are the defence.
 */
final class Flooder implements Role {
    private long sequence;

    @Override
    public String name() {
        return "flooder";
    }

    @Override
    public void act(Member member) {
        for (int i = 0; i < member.burst(); i++) {
            Event event = member.device().author(new Message("general", "flood " + sequence++));
            member.tally().count(member.name(), name(), "flood-event");
            for (String peer : member.others()) {
                member.push(peer, event, "flood-push");
            }
        }
    }
}
