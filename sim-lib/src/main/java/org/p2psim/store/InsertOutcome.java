package org.p2psim.store;

/** What {@link DeviceStore#insert} did with an event. */
public enum InsertOutcome {
    /** The event was new and is now stored. */
    INSERTED,
    /** An event with this id was already stored; nothing changed. */
    DUPLICATE
}
