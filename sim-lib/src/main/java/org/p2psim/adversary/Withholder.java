package org.p2psim.adversary;

/** Takes every event its strategy fetches and never sends one: a free rider. */
final class Withholder implements Role {
    @Override
    public String name() {
        return "withholder";
    }

    @Override
    public void start(Member member) {
        member.device().withhold(true);
        member.tally().count(member.name(), name(), "withholding");
    }

    @Override
    public void act(Member member) {
        // nothing to do: its device's strategy keeps asking, and its sends of events are dropped at the source
    }
}
