package org.p2psim.event;

import org.p2psim.crypto.DeviceId;

/** The plaintext of an event: who wrote it, when (µs on the author's clock), and what it says. */
public record EventContent(DeviceId author, long authoredTs, Payload payload) {}
